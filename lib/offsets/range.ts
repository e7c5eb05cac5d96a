/** Offsets cross API and database boundaries, so NaN, fractions and negatives must fail loudly rather than coerce. */
export function assertOffset(value: number, max: number, what: string): void {
  if (!Number.isInteger(value) || value < 0 || value > max) {
    throw new RangeError(`${what} ${value} is outside [0, ${max}]`);
  }
}
