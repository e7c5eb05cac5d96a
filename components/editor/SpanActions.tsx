'use client';

import { shortQuote, spanTitle, type Catalog } from '@/lib/editor/catalog';
import type { Span } from '@/lib/editor/model';
import styles from './popover.module.css';

interface SpanActionsProps {
  catalog: Catalog;
  spans: ReadonlyMap<string, Span>;
  span: Span;
  isStance: boolean;
  readOnly: boolean;
  onRelabel(): void;
  onRetarget(): void;
  onLink(): void;
  onDelete(): void;
}

/** What can be done with the selected span; each button names the key that does the same in the text. */
export function SpanActions({ catalog, spans, span, isStance, readOnly, onRelabel, onRetarget, onLink, onDelete }: SpanActionsProps) {
  const action = (label: string, key: string, run: () => void, danger = false) => (
    <button
      type="button"
      className={`button ${danger ? 'button--danger-quiet' : 'button--secondary'}`}
      disabled={readOnly}
      onClick={run}
      aria-keyshortcuts={key}
    >
      {label} <kbd className={styles.kbd}>{key === 'Delete' ? 'Del' : key}</kbd>
    </button>
  );
  return (
    <>
      <p className={styles.title}>
        <q>{shortQuote(span.quote, 50)}</q> — {spanTitle(catalog, spans, span)}
      </p>
      <div className={styles.actions}>
        {action('Change label', 'c', onRelabel)}
        {isStance && action('Target', 't', onRetarget)}
        {action('Link…', 'r', onLink)}
        {action('Delete', 'Delete', onDelete, true)}
      </div>
      <p className={styles.hint}>Enter selects the next span here · Esc closes</p>
    </>
  );
}
