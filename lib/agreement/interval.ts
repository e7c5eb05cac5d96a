import { AgreementInputError, AgreementUndefinedError } from './errors';
import { normalQuantile } from './normal';
import type { UnitContributions } from './unit-contributions';

export type IntervalMethod = 'bootstrap' | 'jackknife';

export interface IntervalOptions {
  method: IntervalMethod;
  /** Two-sided level, default .95. */
  confidence?: number;
  /** Bootstrap replicates, default 1,000. */
  replicates?: number;
  /** Seed of the bootstrap's generator, default 1: the same data and seed give the same interval. */
  seed?: number;
  /** Bootstrap only: report the share of replicates below each (KALPHA's q), default .667 and .800. */
  thresholds?: number[];
}

export interface Interval {
  /** The point estimate over all units. */
  value: number;
  lower: number;
  upper: number;
  method: IntervalMethod;
  confidence: number;
  /** Units resampled (bootstrap) or left out one at a time (jackknife). */
  units: number;
  /** Bootstrap: replicates drawn, and how many of them left the coefficient undefined (e.g. one category only); those are not in the percentiles. */
  replicates?: number;
  undefinedReplicates?: number;
  /** Jackknife: the standard error. */
  standardError?: number;
  /** Bootstrap: the share of defined replicates below each threshold (the probability that the coefficient is below it). */
  below?: { threshold: number; probability: number }[];
}

export const DEFAULT_INTERVAL = { confidence: 0.95, replicates: 1000, seed: 1, thresholds: [0.667, 0.8] } as const;
// The report runs on the server's one thread: 1,000 replicates over 1,000 documents cost ~1 s of CPU
// for the whole report, so 5,000 (enough for any paper) bounds what one request can ask for.
export const MAX_REPLICATES = 5_000;

/**
 * A confidence interval for a coefficient that is a function (`statistic`) of per-unit
 * contributions summed over units.
 *
 * - `bootstrap`: units are drawn n times with replacement (n = the units that contribute),
 *   `replicates` times, from a seeded generator; the interval is the percentile interval
 *   (quantiles of the replicates, R's type 7). The share of replicates below a threshold is
 *   KALPHA's probability of failing to reach that α.
 * - `jackknife`: the leave-one-unit-out values θ_(i) give Hughes' (2022) variance
 *   (n − 1)/n Σ (θ_(i) − θ̄)²; the interval is the normal-theory θ̂ ± z·se, its upper end cut at 1
 *   (no agreement coefficient exceeds 1; the normal approximation ignores that bound).
 *
 * @throws AgreementUndefinedError when the coefficient itself is undefined, with `too-few-units`
 *   for fewer than two contributing units, and when every bootstrap replicate (or any
 *   leave-one-out value) is undefined.
 * @throws AgreementInputError for options out of range.
 */
export function unitInterval(contributions: UnitContributions, statistic: (totals: Float64Array) => number, options: IntervalOptions): Interval {
  const { method, confidence, replicates, seed, thresholds } = checkOptions(options);
  const value = statistic(contributions.total());
  const n = contributions.units;
  if (n < 2) {
    throw new AgreementUndefinedError('too-few-units', `An interval needs at least two units to resample; there ${n === 1 ? 'is 1' : `are ${n}`}.`);
  }
  const tail = (1 - confidence) / 2;
  if (method === 'jackknife') {
    const leaveOneOut = jackknifeValues(contributions, statistic);
    const mean = leaveOneOut.reduce((a, b) => a + b, 0) / n;
    const standardError = Math.sqrt(((n - 1) / n) * leaveOneOut.reduce((sum, v) => sum + (v - mean) ** 2, 0));
    const z = normalQuantile(1 - tail);
    return { value, lower: value - z * standardError, upper: Math.min(1, value + z * standardError), method, confidence, units: n, standardError };
  }
  const values = bootstrapValues(contributions, statistic, replicates, seed);
  if (values.length === 0) {
    throw new AgreementUndefinedError('no-variation', `Every one of the ${replicates} bootstrap replicates leaves the coefficient undefined.`);
  }
  values.sort((a, b) => a - b);
  return {
    value,
    lower: quantile(values, tail),
    upper: quantile(values, 1 - tail),
    method,
    confidence,
    units: n,
    replicates,
    undefinedReplicates: replicates - values.length,
    below: thresholds.map((threshold) => ({ threshold, probability: countBelow(values, threshold) / values.length })),
  };
}

function checkOptions(options: IntervalOptions): Required<IntervalOptions> {
  const {
    method,
    confidence = DEFAULT_INTERVAL.confidence,
    replicates = DEFAULT_INTERVAL.replicates,
    seed = DEFAULT_INTERVAL.seed,
    thresholds = [...DEFAULT_INTERVAL.thresholds],
  } = options;
  if (method !== 'bootstrap' && method !== 'jackknife')
    throw new AgreementInputError(`Unknown interval method ${JSON.stringify(method)}; use 'bootstrap' or 'jackknife'.`);
  if (!(typeof confidence === 'number' && confidence > 0 && confidence < 1))
    throw new AgreementInputError(`The confidence level must be between 0 and 1 (e.g. 0.95), got ${String(confidence)}.`);
  if (!Number.isInteger(replicates) || replicates < 1 || replicates > MAX_REPLICATES) {
    throw new AgreementInputError(`The number of bootstrap replicates must be a whole number from 1 to ${MAX_REPLICATES}, got ${String(replicates)}.`);
  }
  if (!Number.isSafeInteger(seed)) throw new AgreementInputError(`The seed must be a whole number, got ${String(seed)}.`);
  if (!Array.isArray(thresholds) || thresholds.some((t) => typeof t !== 'number' || !Number.isFinite(t))) {
    throw new AgreementInputError(`Thresholds must be finite numbers, got ${JSON.stringify(thresholds)}.`);
  }
  return { method, confidence, replicates, seed, thresholds };
}

/** θ with each unit left out in turn: the total minus that unit, no resumming. */
function jackknifeValues(contributions: UnitContributions, statistic: (totals: Float64Array) => number): number[] {
  const total = contributions.total();
  const scale = total.reduce((m, v) => Math.max(m, Math.abs(v)), 0);
  const without = new Float64Array(total.length);
  const values: number[] = [];
  for (let unit = 0; unit < contributions.units; unit++) {
    without.set(total);
    contributions.addUnit(without, unit, -1);
    // A cell the left-out unit alone filled must be 0, not the rounding residue of the subtraction:
    // the coefficients test for zero expected disagreement.
    for (let cell = 0; cell < without.length; cell++) if (Math.abs(without[cell]!) <= scale * 1e-12) without[cell] = 0;
    try {
      values.push(statistic(without));
    } catch (error) {
      if (!(error instanceof AgreementUndefinedError)) throw error;
      throw new AgreementUndefinedError(error.reason, `The jackknife is undefined: without unit ${unit + 1} of ${contributions.units}, ${error.message}`);
    }
  }
  return values;
}

function bootstrapValues(contributions: UnitContributions, statistic: (totals: Float64Array) => number, replicates: number, seed: number): number[] {
  const n = contributions.units;
  const random = generator(seed);
  const counts = new Int32Array(n);
  const sum = new Float64Array(contributions.length);
  const values: number[] = [];
  for (let r = 0; r < replicates; r++) {
    counts.fill(0);
    for (let draw = 0; draw < n; draw++) counts[Math.floor(random() * n)]! += 1;
    sum.fill(0);
    for (let unit = 0; unit < n; unit++) if (counts[unit]! > 0) contributions.addUnit(sum, unit, counts[unit]!);
    try {
      values.push(statistic(sum));
    } catch (error) {
      if (!(error instanceof AgreementUndefinedError)) throw error;
    }
  }
  return values;
}

/** R's default (type 7) sample quantile of sorted values. */
function quantile(sorted: readonly number[], p: number): number {
  const h = (sorted.length - 1) * p;
  const lo = Math.floor(h);
  const hi = Math.min(lo + 1, sorted.length - 1);
  return sorted[lo]! + (h - lo) * (sorted[hi]! - sorted[lo]!);
}

function countBelow(sorted: readonly number[], threshold: number): number {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (sorted[mid]! < threshold) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** mulberry32: a small, fast, seedable generator; the bootstrap needs reproducibility, not cryptography. */
export function generator(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
