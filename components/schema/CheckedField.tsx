import type { ReactNode } from 'react';
import styles from './SchemaEditor.module.css';

/** What a CheckedField hands its control: the ids that tie it to its label, hint and error. */
export interface CheckedControlProps {
  id: string;
  'aria-describedby'?: string;
  'aria-invalid'?: true;
}

interface CheckedFieldProps {
  /** The control's DOM id (see controlId), so an error summary can link to it. */
  id: string;
  label: string;
  hint?: ReactNode;
  error?: string;
  optional?: boolean;
  className?: string;
  children: (control: CheckedControlProps) => ReactNode;
}

/**
 * Like components/forms/Field, plus an error message under the control. The
 * schema editor checks fields as they change, and the server's errors land here too.
 */
export function CheckedField({ id, label, hint, error, optional = false, className, children }: CheckedFieldProps) {
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
      {children({ id, ...(describedBy && { 'aria-describedby': describedBy }), ...(error && { 'aria-invalid': true }) })}
      {error && <FieldErrorText id={errorId} message={error} />}
    </div>
  );
}

export function FieldErrorText({ id, message }: { id: string; message: string }) {
  return (
    <p className={styles.fieldError} id={id}>
      {message}
    </p>
  );
}
