'use client';

import { useId, useState, type DragEvent } from 'react';
import { ACCEPTED_EXTENSIONS } from './formats';
import styles from './Import.module.css';

/** Files by drag and drop, or by the file picker (a real file input, so keyboards and assistive tech can use it). */
export function FileDropZone({ onFiles, disabled }: { onFiles: (files: File[]) => void; disabled: boolean }) {
  const inputId = useId();
  const [over, setOver] = useState(false);

  const onDragOver = (event: DragEvent<HTMLDivElement>) => {
    if (disabled || !event.dataTransfer.types.includes('Files')) return;
    event.preventDefault();
    event.dataTransfer.dropEffect = 'copy';
    setOver(true);
  };
  const onDrop = (event: DragEvent<HTMLDivElement>) => {
    event.preventDefault();
    setOver(false);
    if (!disabled) onFiles([...event.dataTransfer.files]);
  };

  return (
    <div
      className={`${styles.dropZone} ${over ? styles.dropZoneOver : ''}`}
      onDragOver={onDragOver}
      // Leaving for a child element is not leaving the zone.
      onDragLeave={(event) => !event.currentTarget.contains(event.relatedTarget as Node | null) && setOver(false)}
      onDrop={onDrop}
    >
      <p className={styles.dropTitle}>Drop files here, or</p>
      <input
        id={inputId}
        type="file"
        multiple
        accept={ACCEPTED_EXTENSIONS.join(',')}
        className={`visually-hidden ${styles.picker}`}
        aria-describedby={`${inputId}-hint`}
        disabled={disabled}
        onChange={(event) => {
          onFiles([...(event.target.files ?? [])]);
          // Choosing the same file again after removing it must fire change again.
          event.target.value = '';
        }}
      />
      <label htmlFor={inputId} className={`button button--secondary ${styles.pickerButton}`}>
        Choose files…
      </label>
      <p id={`${inputId}-hint`} className="field__hint">
        {ACCEPTED_EXTENSIONS.join(' ')}. Several at once; a brat <code>.txt</code> goes with its <code>.ann</code>.
      </p>
    </div>
  );
}
