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
  onToggleUnsure(): void;
  onNote(): void;
  onDelete(): void;
}

/** What can be done with the selected span; each button names the key that does the same in the text. */
export function SpanActions(props: SpanActionsProps) {
  const { catalog, spans, span, isStance, readOnly, onRelabel, onRetarget, onLink, onToggleUnsure, onNote, onDelete } = props;
  const action = (label: string, key: string, run: () => void, danger = false, pressed?: boolean) => (
    <button
      type="button"
      className={`button ${danger ? 'button--danger-quiet' : 'button--secondary'}`}
      disabled={readOnly}
      onClick={run}
      aria-keyshortcuts={key}
      aria-pressed={pressed}
    >
      {label} <kbd className={`keycap ${styles.kbd}`}>{key === 'Delete' ? 'Del' : key}</kbd>
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
        {action('Unsure', 'u', onToggleUnsure, false, span.unsure)}
        {action(span.note ? 'Edit note…' : 'Note…', 'n', onNote)}
        {action('Delete', 'Delete', onDelete, true)}
      </div>
      {span.note && <p className={styles.spanNote}>{span.note}</p>}
      <p className={styles.hint}>Enter selects the next span here · Esc closes</p>
    </>
  );
}
