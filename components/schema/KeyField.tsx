import { InputField, type InputFieldProps } from '@/components/forms/InputField';
import { asKey } from './model';
import styles from './SchemaEditor.module.css';

interface KeyFieldProps extends Pick<InputFieldProps, 'hint' | 'id' | 'error'> {
  label?: string;
  /** The label, target or option whose key this is; a saved label's or target's key is fixed (exports refer to it). */
  item: { key: string; stored?: boolean };
  onChange: (key: string) => void;
}

/** A schema item's key: code, not words (no spell check or autofill), kept to what keys allow as it is typed. */
export function KeyField({ label = 'Key', item, onChange, ...field }: KeyFieldProps) {
  return (
    <InputField
      {...field}
      label={label}
      value={item.key}
      readOnly={item.stored}
      maxLength={64}
      spellCheck={false}
      autoComplete="off"
      className={styles.code}
      onChange={(event) => onChange(asKey(event.target.value))}
    />
  );
}
