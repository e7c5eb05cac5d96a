import {
  AgreementUndefinedError,
  alphaFromCoincidences,
  assertJoinableLabels,
  CoincidenceCounter,
  cohenKappa,
  fleissKappaFromTotals,
  labelTokenCodes,
  LabelSets,
  UnitContributions,
  type IntervalOptions,
} from '@/lib/agreement';
import type { IndexedDocument } from './documents';
import { layerSpans } from './documents';
import { figure, undefinedFigure, type Figure } from './figure';
import { intervalOf, optional, type IntervalFigure } from './intervals';
import type { SpanLayer } from '@/lib/schema/types';

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
interface TokenCoincidences {
  matrix: Float64Array;
  size: number;
  coders: number;
  units: number;
}

export function tokenCoincidences(data: LayerTokens, annotators: string[]): TokenCoincidences {
  const counter = new CoincidenceCounter(data.sets.size);
  let units = 0;
  for (const { codes } of data.byDocument) units += countDocument(counter, codes, annotators);
  return { matrix: counter.matrix(), size: data.sets.size, coders: annotators.length, units };
}

/** Per document, the coincidences of its tokens: the units a layer's interval resamples. */
export function documentCoincidences(data: LayerTokens, annotators: string[]): UnitContributions {
  const size = data.sets.size;
  const units = new UnitContributions(size * size);
  for (const { codes } of data.byDocument) {
    const counter = new CoincidenceCounter(size);
    countDocument(counter, codes, annotators);
    units.addDense(counter.matrix());
  }
  return units;
}

/** Adds a document's tokens as units (annotators who do not count are missing values); returns its token count. */
function countDocument(counter: CoincidenceCounter, codes: Map<string, Int32Array>, annotators: string[]): number {
  const present = annotators.flatMap((a) => codes.get(a) ?? []);
  const unit = new Int32Array(present.length);
  const length = codes.values().next().value?.length ?? 0;
  for (let t = 0; t < length; t++) {
    for (let i = 0; i < present.length; i++) unit[i] = present[i]![t]!;
    counter.addUnit(unit, present.length);
  }
  return length;
}

/** α of summed coincidences of `size` codes: the statistic of a token α interval. */
export function alphaOfCodes(size: number): (coincidences: Float64Array) => number {
  const codes = Array.from({ length: size }, (_, code) => code);
  return (coincidences) => alphaFromCoincidences(coincidences, 'nominal', codes);
}

/** Cohen's κ of a summed size × size contingency table (row-major). */
function kappaOfTable(size: number): (table: Float64Array) => number {
  return (table) => cohenKappa(Array.from({ length: size }, (_, row) => Array.from(table.subarray(row * size, (row + 1) * size))));
}

/** Krippendorff's α (nominal), annotators × tokens; with `label`, of the inside/outside view of that label. */
export function tokenAlpha(coincidences: TokenCoincidences, sets: LabelSets, label?: string): Figure {
  const { matrix, size } = label === undefined ? coincidences : insideOutside(coincidences.matrix, coincidences.size, sets, label);
  return figure(() => {
    if (coincidences.coders === 0 || coincidences.units === 0) {
      throw new AgreementUndefinedError('empty', 'Krippendorff’s alpha is undefined without coders and units.');
    }
    return alphaFromCoincidences(
      matrix,
      'nominal',
      Array.from({ length: size }, (_, code) => code),
    );
  });
}

/** The figure's interval over documents: `units` per document, `statistic` of their sum; a label's from the inside/outside view. */
export function layerInterval(
  options: IntervalOptions | null,
  units: () => UnitContributions,
  size: number,
  statistic: (size: number) => (totals: Float64Array) => number,
  sets: LabelSets,
  label?: string,
): IntervalFigure | undefined {
  if (label === undefined) return intervalOf(options, units, statistic(size));
  const side = insideOutsideSides(size, sets, label);
  const cells = new Int32Array(size * size);
  for (let c = 0; c < size; c++) for (let k = 0; k < size; k++) cells[c * size + k] = side[c]! * 2 + side[k]!;
  return intervalOf(options, () => units().mapped(4, cells), statistic(2));
}

/** Fleiss' κ, only defined here when every document has the same number of counted annotators. */
export function tokenFleiss(data: LayerTokens, options: IntervalOptions | null = null): Figure {
  const sizes = new Set(data.byDocument.map((d) => d.annotators.length));
  if (sizes.size !== 1)
    return undefinedFigure(`documents have different numbers of annotators (${[...sizes].sort().join(', ')}); Fleiss' κ needs the same number for every unit`);
  const raters = [...sizes][0]!;
  // Per document: agreeing pairs, tokens, then the category totals; the report's κ is that of their sum.
  const documents = new UnitContributions(2 + data.sets.size);
  const vector = new Float64Array(2 + data.sets.size);
  for (const { codes } of data.byDocument) {
    vector.fill(0);
    const coders = [...codes.values()];
    const length = coders[0]?.length ?? 0;
    for (let t = 0; t < length; t++) {
      for (let i = 0; i < coders.length; i++) {
        const code = coders[i]![t]!;
        vector[2 + code]! += 1;
        for (let j = i + 1; j < coders.length; j++) if (coders[j]![t] === code) vector[0]! += 2;
      }
    }
    vector[1] = length;
    documents.addDense(vector);
  }
  const statistic = (totals: Float64Array) =>
    fleissKappaFromTotals({ subjects: totals[1]!, raters, agreeingPairs: totals[0]!, categoryTotals: totals.subarray(2) });
  return { ...figure(() => statistic(documents.total())), ...optional(intervalOf(options, () => documents, statistic)) };
}

/** Two annotators' contingency table of codes over the tokens of the documents both count for. */
export interface PairTable {
  counts: Float64Array;
  size: number;
  tokens: number;
  /** The same counts per shared document, for the κ intervals. */
  documents: UnitContributions;
}

export function pairTable(data: LayerTokens, a: string, b: string): PairTable {
  const size = data.sets.size;
  const counts = new Float64Array(size * size);
  const documents = new UnitContributions(size * size);
  const document = new Float64Array(size * size);
  let tokens = 0;
  for (const { codes } of data.byDocument) {
    const sa = codes.get(a);
    const sb = codes.get(b);
    if (!sa || !sb) continue;
    document.fill(0);
    for (let t = 0; t < sa.length; t++) document[sa[t]! * size + sb[t]!]! += 1;
    for (let cell = 0; cell < counts.length; cell++) counts[cell]! += document[cell]!;
    documents.addDense(document);
    tokens += sa.length;
  }
  return { counts, size, tokens, documents };
}

export interface PairTokens {
  cohenKappa: Figure;
  tokens: number;
  confusion: { categories: string[]; matrix: number[][] };
}

/** Cohen's κ and the confusion matrix over the categories either annotator used. */
export function pairTokens(table: PairTable, sets: LabelSets, options: IntervalOptions | null = null): PairTokens {
  const { counts, size, tokens } = table;
  const used = Array.from({ length: size }, (_, code) => code).filter((code) => {
    for (let other = 0; other < size; other++) if (counts[code * size + other]! > 0 || counts[other * size + code]! > 0) return true;
    return false;
  });
  const names = new Map(used.map((code) => [code, sets.name(code)]));
  const categories = used.sort((x, y) => (x === 0 ? -1 : y === 0 ? 1 : names.get(x)!.localeCompare(names.get(y)!)));
  const matrix = categories.map((row) => categories.map((column) => counts[row * size + column]!));
  return {
    cohenKappa: { ...kappa(tokens, matrix), ...optional(layerInterval(options, () => table.documents, size, kappaOfTable, sets)) },
    tokens,
    confusion: { categories: categories.map((code) => (code === 0 ? 'O' : names.get(code)!)), matrix },
  };
}

/** Cohen's κ of the inside/outside view of `label` (outside first). */
export function pairLabelKappa(table: PairTable, sets: LabelSets, label: string, options: IntervalOptions | null = null): Figure {
  const { matrix } = insideOutside(table.counts, table.size, sets, label);
  const point = kappa(table.tokens, [
    [matrix[0]!, matrix[1]!],
    [matrix[2]!, matrix[3]!],
  ]);
  return { ...point, ...optional(layerInterval(options, () => table.documents, table.size, kappaOfTable, sets, label)) };
}

function kappa(tokens: number, matrix: number[][]): Figure {
  return tokens === 0 ? undefinedFigure('the two annotators share no document') : figure(() => cohenKappa(matrix));
}

/**
 * Merges the codes of a size × size table of code pairs into outside (0) and inside (1) `label`:
 * the 2 × 2 table the inside/outside sequences would have produced, pair for pair.
 */
function insideOutside(table: Float64Array, size: number, sets: LabelSets, label: string): { matrix: Float64Array; size: number } {
  const side = insideOutsideSides(size, sets, label);
  const matrix = new Float64Array(4);
  for (let c = 0; c < size; c++) for (let k = 0; k < size; k++) matrix[side[c]! * 2 + side[k]!]! += table[c * size + k]!;
  return { matrix, size: 2 };
}

/** Per code: 1 when it includes `label`, else 0. */
function insideOutsideSides(size: number, sets: LabelSets, label: string): number[] {
  const index = sets.codeOf(label)! - 1;
  return Array.from({ length: size }, (_, code) => (sets.has(code, index) ? 1 : 0));
}
