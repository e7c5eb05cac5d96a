'use client';

import { useState } from 'react';
import { Field } from '@/components/forms/Field';
import styles from './SchemaEditor.module.css';

const HEX = /^#[0-9a-f]{6}$/i;

interface ColorFieldProps {
  id: string;
  error?: string;
  title: string;
  value: string;
  onChange: (color: string) => void;
}

/** The browser's colour picker and the hex code side by side; either edits the same value. */
export function ColorField({ id, error, title, value, onChange }: ColorFieldProps) {
  // The picker only understands a complete #rrggbb; while the hex is half-typed it keeps the last complete one.
  const [pickerValue, setPickerValue] = useState(HEX.test(value) ? value.toLowerCase() : '#888888');
  if (HEX.test(value) && value.toLowerCase() !== pickerValue) setPickerValue(value.toLowerCase());
  return (
    <Field id={id} error={error} label="Colour" hint="#rrggbb, or pick one.">
      {(control) => (
        <span className={styles.colorInputs}>
          <input
            type="color"
            className={styles.colorPicker}
            aria-label={`Pick the colour of ${title}`}
            value={pickerValue}
            onChange={(event) => onChange(event.target.value)}
          />
          <input
            {...control}
            value={value}
            maxLength={7}
            spellCheck={false}
            autoComplete="off"
            className={styles.code}
            onChange={(event) => onChange(event.target.value.trim())}
          />
        </span>
      )}
    </Field>
  );
}
