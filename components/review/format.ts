import type { Figure } from '@/lib/review/figure';

/** Coefficients are reported to three decimals, the convention in reliability studies. */
export function formatCoefficient(value: number): string {
  // toFixed keeps "-0.000" for tiny negatives, which reads as a distinct value; it is not.
  return (Object.is(Math.round(value * 1000), -0) ? 0 : value).toFixed(3);
}

export function formatPercent(fraction: number): string {
  return `${Math.round(fraction * 100)}%`;
}

/**
 * Krippendorff's own guidance: rely on data with α ≥ .800, draw only tentative
 * conclusions from .667 ≤ α < .800, and discard data below that.
 */
export const ALPHA_RELIABLE = 0.8;
export const ALPHA_TENTATIVE = 0.667;

type Reliability = 'reliable' | 'tentative' | 'unreliable';

export function reliability(alpha: number): Reliability {
  if (alpha >= ALPHA_RELIABLE) return 'reliable';
  if (alpha >= ALPHA_TENTATIVE) return 'tentative';
  return 'unreliable';
}

/** A figure's value for drawing, where "undefined" draws as an empty bar. */
export function barFraction(figure: Figure): number {
  return figure.value === null ? 0 : Math.min(1, Math.max(0, figure.value));
}

/** Ids to names for the people a report or view mentions; an unknown id is shown as is. */
export function namesOf(people: readonly { id: string; name: string }[]): (id: string) => string {
  const names = new Map(people.map((p) => [p.id, p.name]));
  return (id) => names.get(id) ?? id;
}

/** "1 document", "3 documents"; `many` for irregular plurals. */
export function plural(count: number, one: string, many = `${one}s`): string {
  return `${count} ${count === 1 ? one : many}`;
}
