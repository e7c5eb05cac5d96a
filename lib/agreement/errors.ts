/**
 * Why a coefficient has no value for well-formed data:
 * - `empty`: nothing to compare (no table cells, no units, no spans).
 * - `no-pairable-units`: data exist, but no unit carries two or more values.
 * - `no-variation`: expected disagreement is zero (a single category / value was used),
 *   so the coefficient is 0/0 however well the coders agree.
 * - `too-few-units`: the coefficient is defined, but an interval needs at least two units to resample.
 */
export type UndefinedReason = 'empty' | 'no-pairable-units' | 'no-variation' | 'too-few-units';

/** Thrown when the data are valid but the requested coefficient is mathematically undefined. */
export class AgreementUndefinedError extends Error {
  override readonly name = 'AgreementUndefinedError';

  constructor(
    readonly reason: UndefinedReason,
    message: string,
  ) {
    super(message);
  }
}

/** Thrown when the input is malformed (wrong shape, negative counts, out-of-range offsets, …). */
export class AgreementInputError extends Error {
  override readonly name = 'AgreementInputError';
}
