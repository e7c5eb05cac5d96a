import { AgreementUndefinedError, type UndefinedReason } from '@/lib/agreement';
import type { IntervalFigure } from './intervals';

/**
 * One reported coefficient: a value, or null with the reason it is undefined for this data; with
 * its confidence interval (or why it has none) when the report was asked for intervals.
 */
export interface Figure {
  value: number | null;
  reason?: string;
  interval?: IntervalFigure;
}

const REASONS: Record<UndefinedReason, string> = {
  empty: 'nothing to compare (no units or no annotations)',
  'no-pairable-units': 'no unit was coded by two or more annotators',
  'no-variation': 'only one category occurs, so chance agreement is total and the coefficient is 0/0',
  'too-few-units': 'fewer than two units to resample',
};

export function figure(compute: () => number): Figure {
  return figureOf(attempt(compute));
}

export function figureOf(result: number | AgreementUndefinedError): Figure {
  return result instanceof AgreementUndefinedError ? undefinedFor(result.reason) : { value: round(result) };
}

/** The result, or why the coefficient is undefined; other errors are thrown. */
export function attempt<T>(compute: () => T): T | AgreementUndefinedError {
  try {
    return compute();
  } catch (error) {
    if (error instanceof AgreementUndefinedError) return error;
    throw error;
  }
}

export function undefinedFor(reason: UndefinedReason): Figure {
  return { value: null, reason: REASONS[reason] };
}

export function undefinedFigure(reason: string): Figure {
  return { value: null, reason };
}

export function round(value: number): number {
  return Math.round(value * 10_000) / 10_000;
}
