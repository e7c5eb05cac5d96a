/**
 * Binary search: how many leading indices in [0, length) satisfy `isBelow`.
 * `isBelow` must be monotone (all true, then all false); the result is the first index for
 * which it is false, or `length`.
 */
export function countBelow(length: number, isBelow: (i: number) => boolean): number {
  let low = 0;
  let high = length;
  while (low < high) {
    const mid = (low + high) >>> 1;
    if (isBelow(mid)) low = mid + 1;
    else high = mid;
  }
  return low;
}
