import { countBelow } from '@/lib/offsets';

export interface Interval {
  readonly start: number;
  readonly end: number;
}

/** An interval with a stable identity: ties between equal intervals go by key, not by input order. */
export interface KeyedInterval extends Interval {
  readonly key: string;
}

function byKey(x: Interval | KeyedInterval, y: Interval | KeyedInterval): number {
  const a = 'key' in x ? x.key : '';
  const b = 'key' in y ? y.key : '';
  return a < b ? -1 : a > b ? 1 : 0;
}

interface LaneAssignment {
  /** lanes[i] is the lane of intervals[i]; overlapping intervals never share a lane. */
  readonly lanes: number[];
  /** Lanes used: one more than the highest lane, 0 for no intervals. */
  readonly count: number;
}

/** Index of the first interval in `lane` (sorted by start) starting at or after `offset`. */
function firstStartingFrom(lane: readonly Interval[], offset: number): number {
  return countBelow(lane.length, (i) => lane[i]!.start < offset);
}

/**
 * Greedy interval colouring, longest interval first, each into the lowest lane where it
 * overlaps nothing. Longest first puts an enclosing span (ORG "Hafiz Gul Bahadur group")
 * nearest the text and what is nested in it (PERSON "Hafiz Gul Bahadur") below, so nesting
 * reads top-down; ties go by position, then key (for keyed intervals), so the result does not
 * depend on input order (which lets updateLanes recompute only part of it).
 *
 * Intervals within one lane do not overlap, so sorted by start they are also sorted by end,
 * and the only candidate for an overlap with [start, end) is the last one starting before
 * `end`. With binary search that makes n intervals in L lanes O(n · L · log n).
 */
export function assignLanes(intervals: readonly (Interval | KeyedInterval)[]): LaneAssignment {
  const order = intervals.map((_, i) => i);
  order.sort((a, b) => {
    const x = intervals[a]!;
    const y = intervals[b]!;
    return y.end - y.start - (x.end - x.start) || x.start - y.start || byKey(x, y) || a - b;
  });
  const laneContents: Interval[][] = [];
  const lanes = new Array<number>(intervals.length).fill(0);
  for (const i of order) {
    const interval = intervals[i]!;
    let lane = 0;
    for (; lane < laneContents.length; lane++) {
      const contents = laneContents[lane]!;
      const at = firstStartingFrom(contents, interval.end);
      const before = contents[at - 1];
      if (!before || before.end <= interval.start) {
        contents.splice(at, 0, interval);
        break;
      }
    }
    if (lane === laneContents.length) laneContents.push([interval]);
    lanes[i] = lane;
  }
  return { lanes, count: laneContents.length };
}

/** Where an interval was and the lane it had: what updateLanes needs of the last assignment. */
export interface PlacedInterval extends Interval {
  readonly lane: number;
}

/**
 * The lanes assignLanes would give `intervals`, recomputed only where they can differ from
 * `previous`. Greedy colouring decides each connected group of overlapping intervals on its
 * own, so only the groups touching an added, moved or removed interval (at its old or new
 * place) are coloured again; every other interval keeps its lane. One new span among 5,000
 * re-sorts a handful instead of all of them.
 */
export function updateLanes(intervals: readonly KeyedInterval[], previous: ReadonlyMap<string, PlacedInterval>): LaneAssignment {
  let low = Infinity;
  let high = -Infinity;
  const widen = (interval: Interval) => {
    low = Math.min(low, interval.start);
    high = Math.max(high, interval.end);
  };
  const member = new Array<boolean>(intervals.length).fill(false);
  const present = new Set<string>();
  intervals.forEach((interval, i) => {
    present.add(interval.key);
    const before = previous.get(interval.key);
    if (before && before.start === interval.start && before.end === interval.end) return;
    if (before) widen(before);
    widen(interval);
    member[i] = true;
  });
  for (const [key, before] of previous) if (!present.has(key)) widen(before);
  // Everything overlapping [low, high) joins, which widens it, until nothing more does: the
  // result is a union of whole groups, since nothing outside overlaps anything inside.
  for (let grew = low < high; grew; ) {
    grew = false;
    intervals.forEach((interval, i) => {
      if (member[i] || interval.start >= high || interval.end <= low) return;
      member[i] = true;
      widen(interval);
      grew = true;
    });
  }
  const recoloured = intervals.filter((_, i) => member[i]);
  const fresh = assignLanes(recoloured).lanes;
  let next = 0;
  const lanes = intervals.map((interval, i) => (member[i] ? fresh[next++]! : previous.get(interval.key)!.lane));
  return { lanes, count: intervals.length === 0 ? 0 : Math.max(...lanes) + 1 };
}
