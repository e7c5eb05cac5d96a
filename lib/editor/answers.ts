import type { Answer } from './model';

/** The values chosen for a question (for one target when the question is asked per target). */
export function valuesFor(answers: readonly Answer[], labelId: string, targetId: string | null): readonly string[] {
  return answers.find((answer) => answer.labelId === labelId && answer.targetId === targetId)?.values ?? [];
}

/**
 * The full answer set with one question's values replaced; no values removes the answer,
 * since the API takes the whole set and refuses empty answers.
 */
export function withValues(answers: readonly Answer[], labelId: string, targetId: string | null, values: readonly string[]): Answer[] {
  const others = answers.filter((answer) => !(answer.labelId === labelId && answer.targetId === targetId));
  return values.length === 0 ? others : [...others, { labelId, targetId, values }];
}

/** A checkbox (multiple) toggles `value`; a radio choice replaces the values. */
export function choose(values: readonly string[], value: string, multiple: boolean): string[] {
  if (!multiple) return [value];
  return values.includes(value) ? values.filter((v) => v !== value) : [...values, value];
}
