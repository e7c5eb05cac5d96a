import { useId, type ReactNode } from 'react';

/** What a Field hands its control so the label and hint are tied to it. */
export interface ControlProps {
  id: string;
  'aria-describedby'?: string;
}

interface FieldProps {
  label: string;
  hint?: ReactNode;
  optional?: boolean;
  /** A render prop, so any control (input, textarea, select) gets the generated ids. */
  children: (control: ControlProps) => ReactNode;
}

export function Field({ label, hint, optional = false, children }: FieldProps) {
  const id = useId();
  const hintId = `${id}-hint`;
  return (
    <div className="field">
      <label className="field__label" htmlFor={id}>
        {label}
        {optional && <span className="field__optional"> (optional)</span>}
      </label>
      {hint && (
        <p className="field__hint" id={hintId}>
          {hint}
        </p>
      )}
      {children(hint ? { id, 'aria-describedby': hintId } : { id })}
    </div>
  );
}
