import { AgreementUndefinedError, assertSpans, spanMatches, unitizingAlpha, type Span, type UnitSegment } from '@/lib/agreement';
import { countsFor, layerSpans, type IndexedDocument } from './documents';
import { attempt, figureOf, round, undefinedFigure, undefinedFor, type Figure } from './figure';
import type { SpanLayer } from '@/lib/schema/types';
import type { ReportDocument, ReportSpan } from './input';

/**
 * Span-level measures. Span F1 matches one-to-one (exact: same offsets and label;
 * overlap: same label and any shared character, greedy by largest overlap) and is
 * micro-averaged over the documents both annotators count for. Krippendorff's α_u
 * treats the documents as one character continuum: documents are laid end to end.
 *
 * Spans only ever match within one label, so matching runs label by label and a layer's
 * counts are the sums of its labels' counts: the same matches as over the whole layer.
 */
export interface PairSpans {
  documents: number;
  f1Exact: Figure;
  f1Overlap: Figure;
}

interface Counts {
  tp: number;
  fp: number;
  fn: number;
}

export interface MatchCounts {
  exact: Counts;
  overlap: Counts;
}

const MODES = ['exact', 'overlap'] as const;

/** Span F1 of two annotators over one layer and each of its labels. */
export function pairSpans(
  documents: IndexedDocument[],
  a: string,
  b: string,
  layer: SpanLayer,
  labels: string[],
): { layer: PairSpans; labels: Map<string, PairSpans> } {
  const byLabel = new Map(labels.map((label) => [label, noMatches()]));
  const total = noMatches();
  let shared = 0;
  for (const document of documents) {
    if (!countsFor(document, a, b)) continue;
    shared += 1;
    countMatches(layerSpans(document, a, layer), layerSpans(document, b, layer), byLabel, total);
  }
  const figures = (counts: MatchCounts): PairSpans => ({ documents: shared, f1Exact: f1(counts.exact), f1Overlap: f1(counts.overlap) });
  return { layer: figures(total), labels: new Map([...byLabel].map(([label, counts]) => [label, figures(counts)])) };
}

/**
 * Adds one document's matches of `left`'s spans (the reference: unmatched ones are misses) and
 * `right`'s (unmatched ones are extras), label by label, to that label's counts and the total.
 */
export function countMatches(
  left: ReadonlyMap<string, readonly Span[]>,
  right: ReadonlyMap<string, readonly Span[]>,
  byLabel: Map<string, MatchCounts>,
  total: MatchCounts,
): void {
  for (const label of new Set([...left.keys(), ...right.keys()])) {
    const x = left.get(label) ?? [];
    const y = right.get(label) ?? [];
    if (!byLabel.has(label)) byLabel.set(label, noMatches());
    for (const mode of MODES) {
      const tp = spanMatches(x, y, mode);
      for (const counts of [byLabel.get(label)![mode], total[mode]]) {
        counts.tp += tp;
        counts.fp += y.length - tp;
        counts.fn += x.length - tp;
      }
    }
  }
}

export function noMatches(): MatchCounts {
  return { exact: { tp: 0, fp: 0, fn: 0 }, overlap: { tp: 0, fp: 0, fn: 0 } };
}

export function f1({ tp, fp, fn }: Counts): Figure {
  return tp + fp + fn === 0 ? undefinedFigure('neither annotator marked such spans') : { value: round((2 * tp) / (2 * tp + fp + fn)) };
}

/**
 * Disagreement of one document = 1 − mean pairwise overlap F1 of its annotators' spans over all
 * layers (spans match within a label); null with fewer than two annotators or no spans.
 */
export function documentDisagreement(document: ReportDocument): number | null {
  const byAuthor = new Map(document.annotators.map((a) => [a, new Map<string, ReportSpan[]>()]));
  const counted = document.spans.filter((s) => byAuthor.has(s.author));
  assertSpans(counted, `spans of document ${JSON.stringify(document.name)}`);
  for (const span of counted) {
    const labels = byAuthor.get(span.author)!;
    if (!labels.has(span.label)) labels.set(span.label, []);
    labels.get(span.label)!.push(span);
  }
  const size = (labels: Map<string, ReportSpan[]>) => [...labels.values()].reduce((n, spans) => n + spans.length, 0);
  const scores: number[] = [];
  document.annotators.forEach((a, i) => {
    for (const b of document.annotators.slice(i + 1)) {
      const left = byAuthor.get(a)!;
      const right = byAuthor.get(b)!;
      const spans = size(left) + size(right);
      if (spans === 0) continue;
      let tp = 0;
      for (const [label, x] of left) tp += spanMatches(x, right.get(label) ?? [], 'overlap');
      scores.push((2 * tp) / spans);
    }
  });
  return scores.length ? round(1 - scores.reduce((x, y) => x + y, 0) / scores.length) : null;
}

/**
 * α_u over the documents that every given annotator counts for (α_u needs each coder
 * to have coded the whole continuum). Segment values are labels: the layer's α_u
 * (Σ D_o / Σ D_e over its labels) and each label's own.
 */
export function continuumAlpha(
  documents: IndexedDocument[],
  annotators: string[],
  layer: SpanLayer,
  labels: string[],
): { layer: Figure & { documents: number }; labels: Map<string, Figure & { documents: number }> } {
  const crossed = documents.filter((d) => countsFor(d, ...annotators));
  const unavailable =
    annotators.length < 2 ? 'fewer than two annotators' : crossed.length === 0 ? 'no document was completed by all of these annotators' : null;
  if (unavailable !== null) {
    const none = { ...undefinedFigure(unavailable), documents: 0 };
    return { layer: none, labels: new Map(labels.map((label) => [label, none])) };
  }
  const coders = annotators.map(() => new Map<string, UnitSegment[]>(labels.map((label) => [label, []])));
  let offset = 0;
  for (const document of crossed) {
    annotators.forEach((annotator, i) => {
      for (const [label, spans] of layerSpans(document, annotator, layer)) {
        const segments = coders[i]!.get(label)!;
        for (const span of spans) segments.push({ start: offset + span.start, end: offset + span.end, value: label });
      }
    });
    offset += document.length;
  }
  // One α_u for the layer gives every label's own too (its byLabel), so labels are not unitized a second time.
  const overall = attempt(() =>
    unitizingAlpha(
      offset,
      coders.map((byLabel) => [...byLabel.values()].flat()),
    ),
  );
  const labelFigure = (label: string): Figure => {
    if (coders.every((byLabel) => byLabel.get(label)!.length === 0)) return undefinedFor('empty');
    // The layer is undefined only when every label is: Σ D_e = 0 with each D_e ≥ 0.
    if (overall instanceof AgreementUndefinedError) return figureOf(overall);
    const { alpha } = overall.byLabel[label]!;
    return alpha === null ? undefinedFor('no-variation') : figureOf(alpha);
  };
  return {
    layer: { ...figureOf(overall instanceof AgreementUndefinedError ? overall : overall.alpha), documents: crossed.length },
    labels: new Map(labels.map((label) => [label, { ...labelFigure(label), documents: crossed.length }])),
  };
}
