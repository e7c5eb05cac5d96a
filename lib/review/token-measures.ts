import { cohenKappa, fleissKappa, krippendorffAlpha, OUTSIDE, tokenLabelSequence, type TokenOffsets } from '@/lib/agreement';
import { tokenize } from '@/lib/tokenize';
import { figure, undefinedFigure, type Figure } from './figure';
import type { ReportDocument, SpanLayer } from './input';

/**
 * Token-level views of span annotation. Units are the tokens of lib/tokenize (the
 * tokenizer the CoNLL and HF exports use). A token's category for a layer is the
 * sorted set of that layer's labels covering it ("" = outside, "ORG+PERSON" when
 * stacked), so nested and overlapping spans count instead of being dropped; per
 * label, the category is inside/outside that label.
 */
export interface TokenSequences {
  /** Per document: per annotator who counts, their category per token. */
  byDocument: { documentId: string; annotators: string[]; sequences: Map<string, string[]> }[];
}

/** Tokenizing is the expensive part of the report, so it happens once per document. */
export function documentTokens(documents: ReportDocument[]): Map<string, TokenOffsets[]> {
  return new Map(documents.map((d) => [d.id, tokenize(d.text).flatMap((sentence) => sentence.tokens)]));
}

export function tokenSequences(documents: ReportDocument[], tokensOf: Map<string, TokenOffsets[]>, layer: SpanLayer, label?: string): TokenSequences {
  return {
    byDocument: documents.map((document) => {
      const tokens = tokensOf.get(document.id)!;
      const sequences = new Map<string, string[]>();
      for (const author of document.annotators) {
        const spans = document.spans.filter((s) => s.author === author && s.layer === layer);
        sequences.set(author, tokenLabelSequence(tokens, spans, label));
      }
      return { documentId: document.id, annotators: document.annotators, sequences };
    }),
  };
}

/** Krippendorff's α (nominal), annotators × tokens, missing where an annotator does not count for a document. */
export function tokenAlpha(data: TokenSequences, annotators: string[]): Figure {
  const rows = annotators.map(() => [] as (string | null)[]);
  for (const { sequences } of data.byDocument) {
    const length = sequences.values().next().value?.length ?? 0;
    annotators.forEach((annotator, i) => {
      const sequence = sequences.get(annotator);
      for (let t = 0; t < length; t++) rows[i]!.push(sequence ? sequence[t]! : null);
    });
  }
  return figure(() => krippendorffAlpha(rows, 'nominal'));
}

/** Fleiss' κ, only defined here when every document has the same number of counted annotators. */
export function tokenFleiss(data: TokenSequences): Figure {
  const sizes = new Set(data.byDocument.map((d) => d.annotators.length));
  if (sizes.size !== 1) return undefinedFigure(`documents have different numbers of annotators (${[...sizes].sort().join(', ')}); Fleiss' κ needs the same number for every unit`);
  const categories = new Map<string, number>();
  const counts: number[][] = [];
  for (const { sequences } of data.byDocument) {
    const all = [...sequences.values()];
    for (let t = 0; t < (all[0]?.length ?? 0); t++) {
      const row: number[] = [];
      for (const sequence of all) {
        const category = sequence[t]!;
        if (!categories.has(category)) categories.set(category, categories.size);
        const index = categories.get(category)!;
        row[index] = (row[index] ?? 0) + 1;
      }
      counts.push(row);
    }
  }
  const width = categories.size;
  return figure(() => fleissKappa(counts.map((row) => Array.from({ length: width }, (_, i) => row[i] ?? 0))));
}

export interface PairTokens {
  cohenKappa: Figure;
  tokens: number;
  confusion: { categories: string[]; matrix: number[][] };
}

/**
 * Cohen's κ and the confusion matrix of two annotators over the tokens of the
 * documents both count for; counted in place, since the token lists can be long.
 */
export function pairTokens(data: TokenSequences, a: string, b: string): PairTokens {
  const index = new Map<string, number>();
  const counts = new Map<number, number>();
  let tokens = 0;
  const code = (category: string) => {
    let i = index.get(category);
    if (i === undefined) index.set(category, (i = index.size));
    return i;
  };
  for (const { sequences } of data.byDocument) {
    const sa = sequences.get(a);
    const sb = sequences.get(b);
    if (!sa || !sb) continue;
    for (let t = 0; t < sa.length; t++) {
      const cell = code(sa[t]!) * 1_048_576 + code(sb[t]!);
      counts.set(cell, (counts.get(cell) ?? 0) + 1);
    }
    tokens += sa.length;
  }
  const categories = [...index.keys()].sort((x, y) => (x === OUTSIDE ? -1 : y === OUTSIDE ? 1 : x.localeCompare(y)));
  const matrix = categories.map((row) => categories.map((column) => counts.get(index.get(row)! * 1_048_576 + index.get(column)!) ?? 0));
  return {
    cohenKappa: tokens === 0 ? undefinedFigure('the two annotators share no document') : figure(() => cohenKappa(matrix)),
    tokens,
    confusion: { categories: categories.map((c) => (c === OUTSIDE ? 'O' : c)), matrix },
  };
}
