import { useId, type InputHTMLAttributes, type ReactNode } from 'react';

type CheckboxFieldProps = Omit<InputHTMLAttributes<HTMLInputElement>, 'type' | 'id'> & {
  label: string;
  hint?: ReactNode;
};

/** A checkbox with its label beside it (not above, as in Field) and an optional hint. */
export function CheckboxField({ label, hint, ...input }: CheckboxFieldProps) {
  const id = useId();
  const hintId = `${id}-hint`;
  return (
    <div className="checkbox-field">
      <input type="checkbox" id={id} aria-describedby={hint ? hintId : undefined} {...input} />
      <div>
        <label htmlFor={id}>{label}</label>
        {hint && (
          <p className="field__hint" id={hintId}>
            {hint}
          </p>
        )}
      </div>
    </div>
  );
}
