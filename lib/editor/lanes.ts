export interface Interval {
  readonly start: number;
  readonly end: number;
}

export interface LaneAssignment {
  /** lanes[i] is the lane of intervals[i]; overlapping intervals never share a lane. */
  readonly lanes: number[];
  /** Lanes used: one more than the highest lane, 0 for no intervals. */
  readonly count: number;
}

/** Index of the first interval in `lane` (sorted by start) starting at or after `offset`. */
function firstStartingFrom(lane: readonly Interval[], offset: number): number {
  let low = 0;
  let high = lane.length;
  while (low < high) {
    const mid = (low + high) >>> 1;
    if (lane[mid]!.start < offset) low = mid + 1;
    else high = mid;
  }
  return low;
}

/**
 * Greedy interval colouring, longest interval first, each into the lowest lane where it
 * overlaps nothing. Longest first puts an enclosing span (ORG "Hafiz Gul Bahadur group")
 * nearest the text and what is nested in it (PERSON "Hafiz Gul Bahadur") below, so nesting
 * reads top-down; ties go by position so the result does not depend on input order.
 *
 * Intervals within one lane do not overlap, so sorted by start they are also sorted by end,
 * and the only candidate for an overlap with [start, end) is the last one starting before
 * `end`. With binary search that makes n intervals in L lanes O(n · L · log n).
 */
export function assignLanes(intervals: readonly Interval[]): LaneAssignment {
  const order = intervals.map((_, i) => i);
  order.sort((a, b) => {
    const x = intervals[a]!;
    const y = intervals[b]!;
    return y.end - y.start - (x.end - x.start) || x.start - y.start || a - b;
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
