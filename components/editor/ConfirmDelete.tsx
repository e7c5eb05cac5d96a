'use client';

import type { KeyboardEvent } from 'react';
import { shortQuote } from '@/lib/editor/catalog';
import { relationCount, type Span } from '@/lib/editor/model';
import styles from './popover.module.css';

interface ConfirmDeleteProps {
  span: Span;
  relations: number;
  onConfirm(): void;
  onCancel(): void;
}

/** Asks before a span's relations are deleted with it; Enter (focus starts on Delete) confirms, Escape keeps. */
export function ConfirmDelete({ span, relations, onConfirm, onCancel }: ConfirmDeleteProps) {
  const onKeyDown = (event: KeyboardEvent) => {
    if (event.key !== 'Escape') return;
    event.preventDefault();
    onCancel();
  };
  const one = relations === 1;
  return (
    <div onKeyDown={onKeyDown}>
      <p className={styles.title}>
        Delete <q>{shortQuote(span.quote, 50)}</q>? {relationCount(relations)} {one ? 'uses' : 'use'} it and will be deleted with it (Ctrl+Z brings{' '}
        {one ? 'it' : 'them'} back).
      </p>
      <div className={styles.actions}>
        <button type="button" className="button button--danger-quiet" autoFocus onClick={onConfirm}>
          Delete span and {relationCount(relations)}
        </button>
        <button type="button" className="button button--secondary" onClick={onCancel}>
          Keep
        </button>
      </div>
    </div>
  );
}
