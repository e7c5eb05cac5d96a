import { AgreementUndefinedError, unitInterval, type Interval, type IntervalOptions, type UnitContributions } from '@/lib/agreement';
import { attempt, round, undefinedFor } from './figure';

/** A figure's confidence interval as the report gives it (rounded), or why there is none. */
export type ReportInterval = Omit<Interval, 'value'>;
export type IntervalFigure = ReportInterval | { reason: string };

/**
 * The interval of a coefficient that `statistic` computes from summed per-unit contributions;
 * undefined (left out of the report) when intervals are off.
 */
export function intervalOf(options: IntervalOptions | null, units: () => UnitContributions, statistic: (totals: Float64Array) => number): IntervalFigure | undefined {
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
