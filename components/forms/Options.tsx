import type { ReactNode } from 'react';

/** One option of a select: the value it submits and what the reader sees. */
export interface Choice<T extends string = string> {
  value: T;
  label: ReactNode;
}

/** The choices of a name table, in `values`' order (by default the table's own). */
export function choicesOf<T extends string>(names: Readonly<Record<T, ReactNode>>, values: readonly T[] = Object.keys(names) as T[]): Choice<T>[] {
  return values.map((value) => ({ value, label: names[value] }));
}

/** A select's options, one per choice, keyed by value (a select's values are unique). */
export function Options<T extends string>({ choices }: { choices: readonly Choice<T>[] }) {
  return (
    <>
      {choices.map((choice) => (
        <option key={choice.value} value={choice.value}>
          {choice.label}
        </option>
      ))}
    </>
  );
}
