'use client';

import { memo, useCallback, useEffect, useId, useMemo, useRef, useState, type KeyboardEvent } from 'react';
import { Options } from '@/components/forms/Options';
import { shortQuote, type Catalog } from '@/lib/editor/catalog';
import type { Relation, Span } from '@/lib/editor/model';
import { relationRows, typeCounts, type RelationRow } from '@/lib/editor/relation-rows';
import styles from './panel.module.css';

/** Rows before "Show all", as in the span list: thousands of rows would make the panel sluggish. */
const PAGE = 200;

interface RelationListProps {
  catalog: Catalog;
  spans: ReadonlyMap<string, Span>;
  relations: ReadonlyMap<string, Relation>;
  readOnly: boolean;
  /** The selected relation; `focus` when an arc was clicked, to move focus to its row. */
  selection: { key: string | null; focus: boolean };
  onSelect(key: string | null): void;
  onFocusSpan(key: string): void;
  onDelete(key: string): void;
}

const quoteOf = (span: Span | null) => (span ? `“${shortQuote(span.quote, 28)}”` : '(deleted span)');

/**
 * Every relation as "source → type → target" with both ends' labels, in text order, filtered
 * by type with counts per type. A row is focusable: arrows move between rows, Delete removes
 * the relation; the quotes lead to the spans in the text.
 */
export const RelationList = memo(function RelationList({ catalog, spans, relations, readOnly, selection, onSelect, onFocusSpan, onDelete }: RelationListProps) {
  const id = useId();
  const listRef = useRef<HTMLUListElement>(null);
  const [typeFilter, setTypeFilter] = useState('ALL');
  const [expanded, setExpanded] = useState(false);
  const rows = useMemo(() => relationRows(catalog, spans, relations), [catalog, spans, relations]);
  const counts = useMemo(() => typeCounts(rows), [rows]);
  // A filter on a type whose last relation went shows everything rather than an empty list.
  const filter = counts.some((count) => count.labelId === typeFilter) ? typeFilter : 'ALL';
  const shown = useMemo(() => (filter === 'ALL' ? rows : rows.filter((row) => row.relation.labelId === filter)), [rows, filter]);

  const rowElement = useCallback((key: string) => listRef.current?.querySelector<HTMLElement>(`li[data-relation="${CSS.escape(key)}"]`) ?? null, []);

  // An arc was clicked: show its row (clearing a filter or page that hides it), then focus it, so Delete removes it.
  // Focusing the row selects it (onSelect), which ends the request.
  useEffect(() => {
    const key = selection.focus ? selection.key : null;
    if (!key) return;
    const index = shown.findIndex((row) => row.relation.key === key);
    if (index < 0) {
      if (filter !== 'ALL' && rows.some((row) => row.relation.key === key)) setTypeFilter('ALL');
    } else if (index >= PAGE && !expanded) setExpanded(true);
    else rowElement(key)?.focus();
  }, [selection, rows, shown, filter, expanded, rowElement]);

  if (relations.size === 0) {
    return <p className={styles.empty}>No relations yet. Select a span, press r (or “Link…”), then pick the other span.</p>;
  }
  const visible = expanded ? shown : shown.slice(0, PAGE);

  const onRowKey = (event: KeyboardEvent<HTMLLIElement>, index: number) => {
    const row = visible[index]!;
    const neighbour = visible[index + 1] ?? visible[index - 1];
    if ((event.key === 'Delete' || event.key === 'Backspace') && !readOnly) {
      event.preventDefault();
      onDelete(row.relation.key);
      if (neighbour) rowElement(neighbour.relation.key)?.focus();
    } else if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
      event.preventDefault();
      const next = visible[index + (event.key === 'ArrowDown' ? 1 : -1)];
      if (next) rowElement(next.relation.key)?.focus();
    }
  };

  const end = (span: Span | null) => {
    const label = span && catalog.labels.get(span.labelId);
    return (
      <button type="button" className={styles.rowMain} onClick={() => span && onFocusSpan(span.key)} disabled={!span}>
        <span className={styles.rowText}>
          <span className={styles.rowQuote} dir="auto">
            {quoteOf(span)}
          </span>
          {label && <span className={styles.rowLabel}>{label.name}</span>}
        </span>
      </button>
    );
  };

  const describe = (row: RelationRow) => `${row.type?.name ?? 'Unknown type'} from ${quoteOf(row.source)} to ${quoteOf(row.target)}`;

  return (
    <>
      <div className={styles.filters}>
        <div>
          <label htmlFor={`${id}-type`}>Type</label>
          <select id={`${id}-type`} value={filter} onChange={(event) => setTypeFilter(event.target.value)}>
            <option value="ALL">All types ({rows.length})</option>
            <Options choices={counts.map((count) => ({ value: count.labelId, label: `${count.name} (${count.count})` }))} />
          </select>
        </div>
      </div>
      <p className={styles.relationCounts}>{counts.map((count) => `${count.name} ${count.count}`).join(' · ')}</p>
      <ul ref={listRef} className={styles.list} aria-label="Relations">
        {visible.map((row, index) => (
          <li
            key={row.relation.key}
            data-relation={row.relation.key}
            // Focused by arrows and by a clicked arc, not a tab stop of its own: the row's buttons are.
            tabIndex={-1}
            aria-label={describe(row)}
            aria-current={row.relation.key === selection.key ? 'true' : undefined}
            className={`${styles.row} ${styles.relation}`}
            onFocus={() => onSelect(row.relation.key)}
            onKeyDown={(event) => onRowKey(event, index)}
          >
            {end(row.source)}
            <span aria-hidden="true">→</span>
            <span className={styles.relationType} style={{ borderColor: row.type?.color }} title={row.type?.key}>
              {row.type?.name ?? '?'}
            </span>
            <span aria-hidden="true">→</span>
            {end(row.target)}
            {row.backward && <span className={styles.relationBack}>(points back)</span>}
            <button
              type="button"
              className={`${styles.rowAction} ${styles.rowDanger}`}
              disabled={readOnly}
              aria-label={`Delete relation ${row.type?.key ?? ''} from ${quoteOf(row.source)} to ${quoteOf(row.target)}`}
              onClick={() => onDelete(row.relation.key)}
            >
              Delete
            </button>
          </li>
        ))}
      </ul>
      {visible.length < shown.length && (
        <button type="button" className={styles.more} onClick={() => setExpanded(true)}>
          Show all {shown.length} relations
        </button>
      )}
    </>
  );
});
