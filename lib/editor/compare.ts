/**
 * "Compare with gold": the caller's spans against the gold layer, pair by pair. Pure and
 * deterministic, so the panel and the unit tests see the same classification.
 */

/** One span as the comparison sees it. */
export interface CompareSpan {
  /** The caller's client key, or the gold span's server id. */
  readonly key: string;
  /** Spans are only compared within one layer (ENTITY, STANCE, FRAME). */
  readonly layer: string;
  readonly labelId: string;
  /** Code point offsets, end-exclusive. */
  readonly start: number;
  readonly end: number;
  readonly quote: string;
  /**
   * What a stance is about, as a comparable string (see `targetKeyOf`), or null. Span
   * targets are compared by the offsets of the span they point at, since the caller's
   * keys and gold ids never coincide.
   */
  readonly target: string | null;
}

/**
 * - match: same offsets, label and target
 * - label: same offsets, different label or target; also an overlapping pair that
 *   differs in both offsets and label/target (`offsetsDiffer` tells them apart)
 * - boundary: overlapping, same label and target, different offsets
 * - missed: a gold span no caller span was paired with
 * - extra: a caller span no gold span was paired with
 */
export type CompareClass = 'match' | 'label' | 'boundary' | 'missed' | 'extra';

export const COMPARE_CLASSES: readonly CompareClass[] = ['missed', 'extra', 'label', 'boundary', 'match'];

export interface Difference {
  readonly kind: CompareClass;
  readonly layer: string;
  /** The caller's span; null when missed. */
  readonly mine: CompareSpan | null;
  /** The gold span; null when extra. */
  readonly gold: CompareSpan | null;
  /** For `label`: whether the offsets differ too. */
  readonly offsetsDiffer: boolean;
}

interface CompareSummary {
  readonly counts: Readonly<Record<CompareClass, number>>;
  readonly mine: number;
  readonly gold: number;
  /** Exact matches over the caller's spans; null when the caller has none. */
  readonly precision: number | null;
  /** Exact matches over the gold spans; null when gold has none. */
  readonly recall: number | null;
  /** Null when precision or recall is undefined; 0 when both are 0. */
  readonly f1: number | null;
}

export interface Comparison {
  /** In text order (then by class, then keys). */
  readonly differences: readonly Difference[];
  readonly summary: CompareSummary;
}

/** A stance target as a comparable string: a project target by id, a span target by the offsets of that span. */
export function targetKeyOf(target: { kind: 'target'; id: string } | { kind: 'span'; range: { start: number; end: number } | null } | null): string | null {
  if (target === null) return null;
  if (target.kind === 'target') return `target:${target.id}`;
  return target.range ? `span:${target.range.start}-${target.range.end}` : 'span:?';
}

function overlap(a: CompareSpan, b: CompareSpan): number {
  return Math.min(a.end, b.end) - Math.max(a.start, b.start);
}

function sameOffsets(a: CompareSpan, b: CompareSpan): boolean {
  return a.start === b.start && a.end === b.end;
}

function sameLabel(a: CompareSpan, b: CompareSpan): boolean {
  return a.labelId === b.labelId && a.target === b.target;
}

function byPosition(a: CompareSpan, b: CompareSpan): number {
  return a.start - b.start || a.end - b.end || (a.key < b.key ? -1 : a.key > b.key ? 1 : 0);
}

interface Candidate {
  mine: CompareSpan;
  gold: CompareSpan;
  overlap: number;
  exact: boolean;
  same: boolean;
}

function classify(mine: CompareSpan, gold: CompareSpan): Difference {
  const exact = sameOffsets(mine, gold);
  const same = sameLabel(mine, gold);
  const kind: CompareClass = exact ? (same ? 'match' : 'label') : same ? 'boundary' : 'label';
  return { kind, layer: gold.layer, mine, gold, offsetsDiffer: !exact };
}

/**
 * Pairs caller and gold spans one to one within each layer, greedily by largest overlap
 * (ties: identical offsets, then same label and target, then text order), and classifies
 * each pair and each span left over.
 */
export function compareWithGold(mine: readonly CompareSpan[], gold: readonly CompareSpan[]): Comparison {
  const candidates: Candidate[] = [];
  for (const m of mine) {
    for (const g of gold) {
      if (m.layer !== g.layer) continue;
      const amount = overlap(m, g);
      if (amount <= 0) continue;
      candidates.push({ mine: m, gold: g, overlap: amount, exact: sameOffsets(m, g), same: sameLabel(m, g) });
    }
  }
  candidates.sort(
    (a, b) =>
      b.overlap - a.overlap || Number(b.exact) - Number(a.exact) || Number(b.same) - Number(a.same) || byPosition(a.gold, b.gold) || byPosition(a.mine, b.mine),
  );

  const usedMine = new Set<CompareSpan>();
  const usedGold = new Set<CompareSpan>();
  const differences: Difference[] = [];
  for (const candidate of candidates) {
    if (usedMine.has(candidate.mine) || usedGold.has(candidate.gold)) continue;
    usedMine.add(candidate.mine);
    usedGold.add(candidate.gold);
    differences.push(classify(candidate.mine, candidate.gold));
  }
  for (const g of gold) if (!usedGold.has(g)) differences.push({ kind: 'missed', layer: g.layer, mine: null, gold: g, offsetsDiffer: false });
  for (const m of mine) if (!usedMine.has(m)) differences.push({ kind: 'extra', layer: m.layer, mine: m, gold: null, offsetsDiffer: false });

  const order = (d: Difference) => COMPARE_CLASSES.indexOf(d.kind);
  differences.sort((a, b) => {
    const sa = a.gold ?? a.mine!;
    const sb = b.gold ?? b.mine!;
    return byPosition(sa, sb) || order(a) - order(b) || byPosition(a.mine ?? sa, b.mine ?? sb);
  });

  const counts: Record<CompareClass, number> = { match: 0, label: 0, boundary: 0, missed: 0, extra: 0 };
  for (const difference of differences) counts[difference.kind] += 1;
  const precision = mine.length === 0 ? null : counts.match / mine.length;
  const recall = gold.length === 0 ? null : counts.match / gold.length;
  const f1 = precision === null || recall === null ? null : precision + recall === 0 ? 0 : (2 * precision * recall) / (precision + recall);
  return { differences, summary: { counts, mine: mine.length, gold: gold.length, precision, recall, f1 } };
}
