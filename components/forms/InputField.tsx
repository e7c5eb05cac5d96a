import type { InputHTMLAttributes } from 'react';
import { Field, type FieldProps } from './Field';

/** The input's own attributes (its class too), beside the Field's label, hint and error; `id` is the Field's. */
export type InputFieldProps = Omit<FieldProps, 'children' | 'className'> & Omit<InputHTMLAttributes<HTMLInputElement>, 'id'>;

/** A labelled input: the Field's label, hint and error tied to it. */
export function InputField({ label, hint, optional, id, error, ...input }: InputFieldProps) {
  return (
    <Field label={label} hint={hint} optional={optional} id={id} error={error}>
      {(control) => <input {...control} {...input} />}
    </Field>
  );
}
