import { useId, type ReactNode } from 'react';

/** What a Field hands its control so the label, hint and error are tied to it. */
interface ControlProps {
  id: string;
  'aria-describedby'?: string;
  'aria-invalid'?: true;
}

export interface FieldProps {
  label: string;
  hint?: ReactNode;
  optional?: boolean;
  /** A fixed DOM id for the control (e.g. so an error summary can link to it); generated otherwise. */
  id?: string;
  /** Shown under the control and announced with it (the schema editor checks fields as they change). */
  error?: string;
  className?: string;
  /** A render prop, so any control (input, textarea, select) gets the ids. */
  children: (control: ControlProps) => ReactNode;
}

export function Field({ label, hint, optional = false, id: fixedId, error, className, children }: FieldProps) {
  const generatedId = useId();
  const id = fixedId ?? generatedId;
  const hintId = `${id}-hint`;
  const errorId = `${id}-error`;
  const describedBy = [hint ? hintId : null, error ? errorId : null].filter(Boolean).join(' ');
  return (
    <div className={className ? `field ${className}` : 'field'}>
      <label className="field__label" htmlFor={id}>
        {label}
        {optional && <span className="field__optional"> (optional)</span>}
      </label>
      {hint && (
        <p className="field__hint" id={hintId}>
          {hint}
        </p>
      )}
      {children({ id, ...(describedBy && { 'aria-describedby': describedBy }), ...(error && { 'aria-invalid': true as const }) })}
      {error && <FieldErrorText id={errorId} message={error} />}
    </div>
  );
}

export function FieldErrorText({ id, message }: { id: string; message: string }) {
  return (
    <p className="field__error" id={id}>
      {message}
    </p>
  );
}
