import { AgreementUndefinedError, DEFAULT_INTERVAL, unitInterval, type Interval, type IntervalOptions, type UnitContributions } from '@/lib/agreement';
import { attempt, round, undefinedFor } from './figure';

/** A figure's confidence interval as the report gives it (rounded), or why there is none. */
export type ReportInterval = Omit<Interval, 'value'>;
export type IntervalFigure = ReportInterval | { reason: string };

/**
 * The interval of a coefficient that `statistic` computes from summed per-unit contributions;
 * undefined (left out of the report) when intervals are off.
 */
export function intervalOf(
  options: IntervalOptions | null,
  units: () => UnitContributions,
  statistic: (totals: Float64Array) => number,
): IntervalFigure | undefined {
  if (!options) return undefined;
  return reportInterval(attempt(() => unitInterval(units(), statistic, options)));
}

export function reportInterval(result: Omit<Interval, 'value'> | AgreementUndefinedError): IntervalFigure {
  if (result instanceof AgreementUndefinedError) return { reason: undefinedFor(result.reason).reason! };
  const { lower, upper, method, confidence, units, replicates, undefinedReplicates, standardError, below } = result;
  return {
    lower: round(lower),
    upper: round(upper),
    method,
    confidence,
    units,
    ...(method === 'bootstrap' ? { replicates, undefinedReplicates } : { standardError: round(standardError!) }),
    ...(below ? { below: below.map((b) => ({ threshold: b.threshold, probability: round(b.probability) })) } : {}),
  };
}

/** `{ interval }` to spread into a figure, or nothing when intervals are off. */
export function optional(interval: IntervalFigure | undefined): { interval?: IntervalFigure } {
  return interval === undefined ? {} : { interval };
}

/** Computes `make` once, on first use: contributions only intervals need are never built without them. */
export function once<T>(make: () => T): () => T {
  let value: { made: T } | undefined;
  return () => (value ??= { made: make() }).made;
}

/** What the report's intervals are, in words, for its rules and the methods text. */
export function intervalRule(options: IntervalOptions): string {
  const level = `${percent(options.confidence ?? DEFAULT_INTERVAL.confidence)} confidence intervals`;
  const units = 'documents for the token figures, (document, target) pairs for stance and (document, question) units for document questions';
  if (options.method === 'jackknife') {
    return (
      `${level}: jackknife over units (${units}). With each unit i left out the coefficient is θ_(i); ` +
      `its variance is Hughes’ (2022) (n − 1)/n Σ (θ_(i) − θ̄)², and the interval θ̂ ± z·se (normal ` +
      `theory), its upper end cut at 1. ` +
      'The jackknife is applied to the customary coefficient; Hughes’ R package krippendorffsalpha ' +
      'applies it to his own analytical estimator on a log scale, so its intervals can differ slightly. ' +
      'The probability that a coefficient is below a threshold comes with the bootstrap only.'
    );
  }
  const replicates = (options.replicates ?? DEFAULT_INTERVAL.replicates).toLocaleString('en');
  return (
    `${level}: unit bootstrap (${units} drawn with replacement, ${replicates} replicates, seed ` +
    `${options.seed ?? DEFAULT_INTERVAL.seed}); percentile interval. ` +
    'A replicate sums the drawn units’ coincidence matrices or contingency tables, so it equals the ' +
    'coefficient of the resampled data. Replicates in which a coefficient is undefined (e.g. a single ' +
    'category) are counted and left out of its interval. ' +
    'The probability that a coefficient is below a threshold is the share of replicates below it (KALPHA; Hayes & Krippendorff 2007).'
  );
}

export function percent(confidence: number): string {
  return `${Math.round(confidence * 1000) / 10} %`;
}
