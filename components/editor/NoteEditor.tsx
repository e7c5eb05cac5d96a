'use client';

import { useState, type FormEvent, type KeyboardEvent } from 'react';
import { CancelButton } from '@/components/forms/CancelButton';
import { MAX_SPAN_NOTE } from '@/lib/annotations/invariants';
import { shortQuote } from '@/lib/editor/catalog';
import type { Span } from '@/lib/editor/model';
import styles from './popover.module.css';

interface NoteEditorProps {
  span: Span;
  onSave(note: string): void;
  onCancel(): void;
}

/** The span's note for the curators: Ctrl+Enter (or Save) keeps it, Escape leaves it as it was; an emptied note is removed. */
export function NoteEditor({ span, onSave, onCancel }: NoteEditorProps) {
  const [text, setText] = useState(span.note ?? '');
  const submit = (event?: FormEvent) => {
    event?.preventDefault();
    onSave(text);
  };
  const onKeyDown = (event: KeyboardEvent) => {
    if (event.key === 'Escape') {
      event.preventDefault();
      onCancel();
    } else if (event.key === 'Enter' && (event.ctrlKey || event.metaKey)) submit(event);
  };
  return (
    <form onSubmit={submit} onKeyDown={onKeyDown} className={styles.noteForm}>
      <label className={styles.title} htmlFor="span-note">
        Note on <q>{shortQuote(span.quote, 40)}</q> for the curators
      </label>
      <textarea id="span-note" rows={4} maxLength={MAX_SPAN_NOTE} value={text} onChange={(event) => setText(event.target.value)} autoFocus />
      <p className={styles.hint}>
        {text.length} / {MAX_SPAN_NOTE} · Ctrl+Enter saves · Esc cancels
      </p>
      <div className={styles.actions}>
        <button type="submit" className="button">
          Save note
        </button>
        <CancelButton onClick={onCancel} />
      </div>
    </form>
  );
}
