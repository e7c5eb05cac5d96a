import { memo } from 'react';
import { shortQuote, type Catalog } from '@/lib/editor/catalog';
import type { Span } from '@/lib/editor/model';
import { Swatch } from './LabelOption';
import styles from './panel.module.css';

export interface SpanRowActions {
  onFocus(key: string): void;
  onRelabel(key: string): void;
  onDelete(key: string): void;
}

interface SpanRowProps extends SpanRowActions {
  catalog: Catalog;
  span: Span;
  /** What the span is, in words (spanTitle): a string, so a new span elsewhere re-renders no row. */
  title: string;
  active: boolean;
  readOnly: boolean;
}

/** Small marks for a span its author flagged unsure or wrote a note on (the note itself on hover). */
function SpanRemarkMarks({ span }: { span: Span }) {
  if (!span.unsure && span.note === null) return null;
  return (
    <span className={styles.rowMarks} title={span.note ?? undefined}>
      {span.unsure && <span aria-hidden="true">?</span>}
      {span.note !== null && <span aria-hidden="true">✎</span>}
      <span className="visually-hidden">{[span.unsure && 'marked unsure', span.note !== null && 'has a note'].filter(Boolean).join(', ')}</span>
    </span>
  );
}

/** Memoised: with thousands of spans, only the rows whose span or selection changed re-render. */
export const SpanRow = memo(function SpanRow({ catalog, span, title, active, readOnly, onFocus, onRelabel, onDelete }: SpanRowProps) {
  const label = catalog.labels.get(span.labelId);
  const quote = shortQuote(span.quote, 48);
  return (
    <li className={styles.row} aria-current={active ? 'true' : undefined}>
      <button type="button" className={styles.rowMain} title={title} onClick={() => onFocus(span.key)}>
        <Swatch color={label?.color ?? '#888888'} />
        <span className={styles.rowText}>
          <span className={styles.rowLabel}>{label?.key ?? '?'}</span>
          <span className={styles.rowQuote} dir="auto">
            {quote}
          </span>
        </span>
        <SpanRemarkMarks span={span} />
      </button>
      <button type="button" className={styles.rowAction} disabled={readOnly} aria-label={`Change label of “${quote}”`} onClick={() => onRelabel(span.key)}>
        Change
      </button>
      <button
        type="button"
        className={`${styles.rowAction} ${styles.rowDanger}`}
        disabled={readOnly}
        aria-label={`Delete ${label?.key ?? 'span'} “${quote}”`}
        onClick={() => onDelete(span.key)}
      >
        Delete
      </button>
    </li>
  );
});
