import { Field, type FieldProps } from './Field';
import { type Choice, Options } from './Options';

interface SelectFieldProps<T extends string> extends Omit<FieldProps, 'children'> {
  choices: readonly Choice<T>[];
  /** A first option with the empty value ("Any status", "Detect from each file"): only where '' is one of the values. */
  none?: '' extends T ? string : never;
  /** Controlled: the chosen value, and the choice the reader makes (always one of `choices`, or '' for `none`). */
  value?: T;
  onChange?: (value: T) => void;
  /** Uncontrolled, in a plain GET form: what the choice is submitted as, and where it starts. */
  name?: string;
  defaultValue?: T;
  disabled?: boolean;
  autoFocus?: boolean;
}

/** A labelled select of fixed choices: the Field's label, hint and error tied to it. */
export function SelectField<T extends string>({ choices, none, value, onChange, name, defaultValue, disabled, autoFocus, ...field }: SelectFieldProps<T>) {
  // The cast is what `none`'s type allows only when '' is a T.
  const all: readonly Choice<T>[] = none === undefined ? choices : [{ value: '' as T, label: none }, ...choices];
  const choose = (chosen: string) => {
    const choice = all.find((candidate) => candidate.value === chosen);
    if (choice) onChange?.(choice.value);
  };
  return (
    <Field {...field}>
      {(control) => (
        <select
          {...control}
          name={name}
          value={value}
          defaultValue={defaultValue}
          disabled={disabled}
          autoFocus={autoFocus}
          onChange={onChange && ((event) => choose(event.target.value))}
        >
          <Options choices={all} />
        </select>
      )}
    </Field>
  );
}
