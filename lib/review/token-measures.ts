import {
  AgreementUndefinedError,
  alphaFromCoincidences,
  assertJoinableLabels,
  CoincidenceCounter,
  cohenKappa,
  fleissKappaFromTotals,
  labelTokenCodes,
  LabelSets,
} from '@/lib/agreement';
import type { IndexedDocument } from './documents';
import { layerSpans } from './documents';
import { figure, undefinedFigure, type Figure } from './figure';
import type { SpanLayer } from './input';

/**
 * Token-level views of span annotation. Units are the tokens of lib/tokenize (the
 * tokenizer the CoNLL and HF exports use). A token's category for a layer is the
 * sorted set of that layer's labels covering it ("" = outside, "ORG+PERSON" when
 * stacked), so nested and overlapping spans count instead of being dropped; per
 * label, the category is inside/outside that label.
 *
 * Categories are integer codes (LabelSets). Every figure comes from counts over pairs of
 * codes (coincidences, contingency tables), and a label's inside/outside figures are those
 * counts with the layer's codes merged into "has the label" and "has not", so per-label
 * figures cost nothing per token.
 */
export interface LayerTokens {
  sets: LabelSets;
  /** Per document: per annotator who counts, their category code per token. */
  byDocument: { annotators: string[]; codes: Map<string, Int32Array> }[];
}

export function layerTokens(documents: IndexedDocument[], layer: SpanLayer, labels: string[]): LayerTokens {
  const sets = new LabelSets(labels);
  const byDocument = documents.map((document) => {
    const codes = new Map<string, Int32Array>();
    for (const author of document.spans.keys()) {
      const byLabel = layerSpans(document, author, layer);
      assertJoinableLabels(byLabel.keys());
      const sequence = new Int32Array(document.tokenCount);
      for (const spans of byLabel.values()) labelTokenCodes(document.tokenOffsets, spans, sets, sequence);
      codes.set(author, sequence);
    }
    return { annotators: document.annotators, codes };
  });
  return { sets, byDocument };
}

/** Nominal coincidences of the categories of `annotators` (others are missing values), ready for tokenAlpha. */
export interface TokenCoincidences {
  matrix: Float64Array;
  size: number;
  coders: number;
  units: number;
}

export function tokenCoincidences(data: LayerTokens, annotators: string[]): TokenCoincidences {
  const counter = new CoincidenceCounter(data.sets.size);
  const unit = new Int32Array(annotators.length);
  let units = 0;
  for (const { codes } of data.byDocument) {
    const present = annotators.flatMap((a) => codes.get(a) ?? []);
    const length = codes.values().next().value?.length ?? 0;
    for (let t = 0; t < length; t++) {
      for (let i = 0; i < present.length; i++) unit[i] = present[i]![t]!;
      counter.addUnit(unit, present.length);
    }
    units += length;
  }
  return { matrix: counter.matrix(), size: data.sets.size, coders: annotators.length, units };
}

/** Krippendorff's α (nominal), annotators × tokens; with `label`, of the inside/outside view of that label. */
export function tokenAlpha(coincidences: TokenCoincidences, sets: LabelSets, label?: string): Figure {
  const { matrix, size } = label === undefined ? coincidences : insideOutside(coincidences.matrix, coincidences.size, sets, label);
  return figure(() => {
    if (coincidences.coders === 0 || coincidences.units === 0) {
      throw new AgreementUndefinedError('empty', 'Krippendorff’s alpha is undefined without coders and units.');
    }
    return alphaFromCoincidences(matrix, 'nominal', Array.from({ length: size }, (_, code) => code));
  });
}

/** Fleiss' κ, only defined here when every document has the same number of counted annotators. */
export function tokenFleiss(data: LayerTokens): Figure {
  const sizes = new Set(data.byDocument.map((d) => d.annotators.length));
  if (sizes.size !== 1) return undefinedFigure(`documents have different numbers of annotators (${[...sizes].sort().join(', ')}); Fleiss' κ needs the same number for every unit`);
  const categoryTotals = new Float64Array(data.sets.size);
  let agreeingPairs = 0;
  let subjects = 0;
  for (const { codes } of data.byDocument) {
    const raters = [...codes.values()];
    const length = raters[0]?.length ?? 0;
    for (let t = 0; t < length; t++) {
      for (let i = 0; i < raters.length; i++) {
        const code = raters[i]![t]!;
        categoryTotals[code]! += 1;
        for (let j = i + 1; j < raters.length; j++) if (raters[j]![t] === code) agreeingPairs += 2;
      }
    }
    subjects += length;
  }
  const raters = [...sizes][0]!;
  return figure(() => fleissKappaFromTotals({ subjects, raters, agreeingPairs, categoryTotals }));
}

/** Two annotators' contingency table of codes over the tokens of the documents both count for. */
export interface PairTable {
  counts: Float64Array;
  size: number;
  tokens: number;
}

export function pairTable(data: LayerTokens, a: string, b: string): PairTable {
  const size = data.sets.size;
  const counts = new Float64Array(size * size);
  let tokens = 0;
  for (const { codes } of data.byDocument) {
    const sa = codes.get(a);
    const sb = codes.get(b);
    if (!sa || !sb) continue;
    for (let t = 0; t < sa.length; t++) counts[sa[t]! * size + sb[t]!]! += 1;
    tokens += sa.length;
  }
  return { counts, size, tokens };
}

export interface PairTokens {
  cohenKappa: Figure;
  tokens: number;
  confusion: { categories: string[]; matrix: number[][] };
}

/** Cohen's κ and the confusion matrix over the categories either annotator used. */
export function pairTokens(table: PairTable, sets: LabelSets): PairTokens {
  const { counts, size, tokens } = table;
  const used = Array.from({ length: size }, (_, code) => code).filter((code) => {
    for (let other = 0; other < size; other++) if (counts[code * size + other]! > 0 || counts[other * size + code]! > 0) return true;
    return false;
  });
  const names = new Map(used.map((code) => [code, sets.name(code)]));
  const categories = used.sort((x, y) => (x === 0 ? -1 : y === 0 ? 1 : names.get(x)!.localeCompare(names.get(y)!)));
  const matrix = categories.map((row) => categories.map((column) => counts[row * size + column]!));
  return {
    cohenKappa: kappa(tokens, matrix),
    tokens,
    confusion: { categories: categories.map((code) => (code === 0 ? 'O' : names.get(code)!)), matrix },
  };
}

/** Cohen's κ of the inside/outside view of `label` (outside first). */
export function pairLabelKappa(table: PairTable, sets: LabelSets, label: string): Figure {
  const { matrix } = insideOutside(table.counts, table.size, sets, label);
  return kappa(table.tokens, [
    [matrix[0]!, matrix[1]!],
    [matrix[2]!, matrix[3]!],
  ]);
}

function kappa(tokens: number, matrix: number[][]): Figure {
  return tokens === 0 ? undefinedFigure('the two annotators share no document') : figure(() => cohenKappa(matrix));
}

/**
 * Merges the codes of a size × size table of code pairs into outside (0) and inside (1) `label`:
 * the 2 × 2 table the inside/outside sequences would have produced, pair for pair.
 */
function insideOutside(table: Float64Array, size: number, sets: LabelSets, label: string): { matrix: Float64Array; size: number } {
  const index = sets.codeOf(label)! - 1;
  const side = Array.from({ length: size }, (_, code) => (sets.has(code, index) ? 1 : 0));
  const matrix = new Float64Array(4);
  for (let c = 0; c < size; c++) for (let k = 0; k < size; k++) matrix[side[c]! * 2 + side[k]!]! += table[c * size + k]!;
  return { matrix, size: 2 };
}
