/**
 * Inter-annotator agreement, framework-free.
 *
 * Conventions shared by every function here:
 * - A coefficient you ask for either comes back as a finite number or the call throws; there is
 *   never a silent NaN.
 * - Valid data for which the coefficient is mathematically undefined throw
 *   `AgreementUndefinedError` with `reason`:
 *     'empty'             nothing to compare (empty table, no units, no spans, no segments)
 *     'no-pairable-units' no unit has values from two or more coders (Krippendorff's alpha)
 *     'no-variation'      zero expected disagreement, e.g. only one category used, so the
 *                         coefficient is 0/0 even when agreement is perfect
 *     'too-few-units'     an interval needs two or more units to resample
 *   Callers decide how to show that (e.g. "n/a: only one label used").
 * - Malformed input (non-square or ragged tables, negative counts, bad offsets, unequal rater
 *   counts, …) throws `AgreementInputError` with a message naming the offending cell or item.
 * - Inside a result object, a secondary figure that is undefined is `null`, never NaN, with a
 *   `reason` where one is needed: `SpanF1Result.precision/recall` when a side is empty, and
 *   `UnitizingAlphaResult.byLabel[label].alpha` so one degenerate label does not hide the others.
 *
 * Overlapping and stacked annotations:
 * - Unitizing coefficients merge a coder's overlapping segments that share a value (per label for
 *   the per-label coefficients); touching segments stay separate units. Results report this as
 *   `overlapHandling` plus the number of `mergedSegments`. `valuedUnitizingAlpha` rejects overlaps
 *   of different labels; use `binaryUnitizingAlpha` with `{ label }` for stacked annotation.
 * - Token views: `tokenLabelSequence` with a label gives a binary inside/outside variable per
 *   label; without one, each token's category is its sorted set of covering labels.
 *
 * Large inputs (the project report): `labelTokenCodes` gives the same token categories as integer
 * codes (`LabelSets`), `CoincidenceCounter` + `alphaFromCoincidences` and `fleissKappaFromTotals`
 * take counts instead of rows of values, and `spanMatches` skips validation, so callers check
 * their input once (`assertSpans`, `assertTokenOffsets`, `assertJoinableLabels`) and not in every
 * inner loop. The public coefficients run on the same cores.
 *
 * Intervals: a coefficient that is a function of sums over units (α of coincidence matrices, κ of
 * contingency tables) gets its interval from `unitInterval` over `UnitContributions`, one sparse
 * vector per unit: the unit bootstrap sums resampled units' vectors, the jackknife subtracts one
 * unit at a time from the total. `krippendorffAlphaInterval` does this for reliability data.
 */
export { AgreementInputError, AgreementUndefinedError, type UndefinedReason } from './errors';
export { cohenKappa, type KappaWeights } from './cohen-kappa';
export { fleissKappa, fleissKappaFromTotals, type FleissTotals } from './fleiss-kappa';
export { alphaFromCoincidences, CoincidenceCounter, krippendorffAlpha, type AlphaLevel, type AlphaValue } from './krippendorff-alpha';
export { krippendorffAlphaInterval, type AlphaInterval } from './alpha-interval';
export { DEFAULT_INTERVAL, MAX_REPLICATES, unitInterval, type Interval, type IntervalMethod, type IntervalOptions } from './interval';
export { UnitContributions } from './unit-contributions';
export { OVERLAP_HANDLING, type UnitSegment } from './continuum';
export { unitizingAlpha, type UnitizingAlphaResult, type UnitizingLabelAlpha } from './unitizing-alpha';
export { binaryUnitizingAlpha, valuedUnitizingAlpha, type UAlphaResult } from './unitizing-u-alpha';
export { assertSpans, type Span, type TokenOffsets } from './span';
export { spanF1, spanMatches, type SpanF1Result, type SpanMatchMode } from './span-f1';
export {
  assertJoinableLabels,
  assertTokenOffsets,
  LABEL_SET_SEPARATOR,
  labelTokenCodes,
  LabelSets,
  OUTSIDE,
  tokenLabelSequence,
} from './token-labels';
export { confusionMatrix } from './confusion-matrix';
