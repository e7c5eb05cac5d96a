import { InputField, type InputFieldProps } from '@/components/forms/InputField';
import { asKey } from './model';
import styles from './SchemaEditor.module.css';

type KeyFieldProps = Pick<InputFieldProps, 'label' | 'hint' | 'id' | 'error' | 'readOnly'> & { value: string; onChange: (key: string) => void };

/** A label's, target's or option's key: code, not words (no spell check or autofill), kept to what keys allow as it is typed. */
export function KeyField({ onChange, ...field }: KeyFieldProps) {
  return (
    <InputField
      {...field}
      maxLength={64}
      spellCheck={false}
      autoComplete="off"
      className={styles.code}
      onChange={(event) => onChange(asKey(event.target.value))}
    />
  );
}
