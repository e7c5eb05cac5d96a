import { AgreementUndefinedError } from '@/lib/agreement';

/** One reported coefficient: a value, or null with the reason it is undefined for this data. */
export interface Figure {
  value: number | null;
  reason?: string;
}

const REASONS: Record<string, string> = {
  empty: 'nothing to compare (no units or no annotations)',
  'no-pairable-units': 'no unit was coded by two or more annotators',
  'no-variation': 'only one category occurs, so chance agreement is total and the coefficient is 0/0',
};

export function figure(compute: () => number): Figure {
  try {
    return { value: round(compute()) };
  } catch (error) {
    if (error instanceof AgreementUndefinedError) return { value: null, reason: REASONS[error.reason] ?? error.message };
    throw error;
  }
}

export function undefinedFigure(reason: string): Figure {
  return { value: null, reason };
}

export function round(value: number): number {
  return Math.round(value * 10_000) / 10_000;
}
