import { AgreementInputError, AgreementUndefinedError } from './errors';
import { assertSpans, type Span } from './span';

export type SpanMatchMode = 'exact' | 'overlap';

export interface SpanF1Result {
  /** tp / |b|; `null` when b has no spans. */
  precision: number | null;
  /** tp / |a|; `null` when a has no spans. */
  recall: number | null;
  /** 2·tp / (|a| + |b|): symmetric in a and b, so it doubles as pairwise agreement. */
  f1: number;
  tp: number;
  /** Spans of b left unmatched. */
  fp: number;
  /** Spans of a left unmatched. */
  fn: number;
}

/**
 * Span-level precision / recall / F1 of `b` against `a` with one-to-one matching: each span is
 * matched at most once, so duplicates or one long span covering two short ones do not inflate tp.
 *
 * - `exact`: same start, end and label.
 * - `overlap`: same label and at least one shared character. Candidate pairs are taken greedily,
 *   largest character overlap first; ties go to the pair with the smaller boundary difference
 *   |Δstart| + |Δend|, then to the pair that comes first by position. Every criterion is
 *   symmetric in the two spans, so swapping a and b swaps precision and recall and leaves tp and
 *   F1 unchanged.
 *
 * @throws AgreementUndefinedError `empty` when both lists are empty (F1 would be 0/0).
 * @throws AgreementInputError for malformed spans or an unknown mode.
 */
export function spanF1(a: readonly Span[], b: readonly Span[], mode: SpanMatchMode): SpanF1Result {
  assertSpans(a, 'first span list');
  assertSpans(b, 'second span list');
  if (mode !== 'exact' && mode !== 'overlap') {
    throw new AgreementInputError(`Unknown span match mode ${JSON.stringify(mode)}; use 'exact' or 'overlap'.`);
  }
  if (a.length === 0 && b.length === 0) {
    throw new AgreementUndefinedError('empty', 'Span F1 is undefined when neither side has any span.');
  }
  const tp = spanMatches(a, b, mode);
  return {
    precision: b.length === 0 ? null : tp / b.length,
    recall: a.length === 0 ? null : tp / a.length,
    f1: (2 * tp) / (a.length + b.length),
    tp,
    fp: b.length - tp,
    fn: a.length - tp,
  };
}

/** spanF1's tp, for callers that validated their spans once (assertSpans) and match many lists. */
export function spanMatches(a: readonly Span[], b: readonly Span[], mode: SpanMatchMode): number {
  return mode === 'exact' ? exactMatches(a, b) : greedyOverlapMatches(a, b);
}

/** Size of the multiset intersection of (label, start, end), by merging the two sorted lists. */
function exactMatches(a: readonly Span[], b: readonly Span[]): number {
  const x = sorted(a);
  const y = sorted(b);
  let i = 0;
  let j = 0;
  let tp = 0;
  while (i < x.length && j < y.length) {
    const order = byLabelAndPosition(x[i] as Span, y[j] as Span);
    if (order === 0) tp++;
    if (order <= 0) i++;
    if (order >= 0) j++;
  }
  return tp;
}

/** Callers that match the same lists many times can keep them sorted, and then nothing is copied. */
function sorted(spans: readonly Span[]): readonly Span[] {
  for (let i = 1; i < spans.length; i++) {
    if (byLabelAndPosition(spans[i - 1] as Span, spans[i] as Span) > 0) return [...spans].sort(byLabelAndPosition);
  }
  return spans;
}

interface Candidate {
  i: number;
  j: number;
  overlap: number;
  distance: number;
  first: Span;
  second: Span;
}

function greedyOverlapMatches(a: readonly Span[], b: readonly Span[]): number {
  const candidates: Candidate[] = [];
  const perA = new Uint32Array(a.length);
  const perB = new Uint32Array(b.length);
  let contested = false;
  a.forEach((x, i) => {
    b.forEach((y, j) => {
      if (!overlaps(x, y)) return;
      contested ||= perA[i]! > 0 || perB[j]! > 0;
      perA[i]! += 1;
      perB[j]! += 1;
      const [first, second] = byPosition(x, y) <= 0 ? [x, y] : [y, x];
      candidates.push({
        i,
        j,
        overlap: Math.min(x.end, y.end) - Math.max(x.start, y.start),
        distance: Math.abs(x.start - y.start) + Math.abs(x.end - y.end),
        first,
        second,
      });
    });
  });
  // When no span has two candidates, the greedy order cannot matter: every candidate is taken.
  if (!contested) return candidates.length;
  candidates.sort((p, q) => q.overlap - p.overlap || p.distance - q.distance || byPosition(p.first, q.first) || byPosition(p.second, q.second));
  const usedA = new Set<number>();
  const usedB = new Set<number>();
  let tp = 0;
  for (const c of candidates) {
    if (usedA.has(c.i) || usedB.has(c.j)) continue;
    usedA.add(c.i);
    usedB.add(c.j);
    tp++;
  }
  return tp;
}

function overlaps(x: Span, y: Span): boolean {
  return x.label === y.label && x.start < y.end && y.start < x.end;
}

function byLabelAndPosition(x: Span, y: Span): number {
  return x.label < y.label ? -1 : x.label > y.label ? 1 : byPosition(x, y);
}

function byPosition(x: Span, y: Span): number {
  return x.start - y.start || x.end - y.end;
}
