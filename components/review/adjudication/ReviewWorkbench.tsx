'use client';

import { useRouter } from 'next/navigation';
import { useMemo, useState, type KeyboardEvent } from 'react';
import { FormError } from '@/components/forms/FormError';
import { FormStatus } from '@/components/forms/FormStatus';
import { useAction } from '@/components/forms/useAction';
import type { GoldSpan } from './row-actions';
import { EmptyState } from '@/components/ui/EmptyState';
import { OffsetIndex } from '@/lib/offsets';
import { CandidateGroups } from './CandidateGroups';
import type { RowAction } from './CandidateRow';
import { ReviewText, type TextMark } from './ReviewText';
import { acceptRow, goldSpanFor, rejectRow } from './row-actions';
import { buildRows, type ReviewRow } from './rows';
import { SpanEditor } from './SpanEditor';
import { TextLegend } from './TextLegend';
import type { ReviewData, ReviewLabel, ReviewTarget } from './types';
import { useRovingRows } from './useRovingRows';
import styles from './review.module.css';

interface ReviewWorkbenchProps {
  view: ReviewData;
  labels: ReviewLabel[];
  targets: ReviewTarget[];
  mayWriteGold: boolean;
}

const ACTION_KEYS: Record<string, RowAction> = { a: 'accept', x: 'reject', e: 'edit' };

/** The text with every candidate drawn on it, and the candidate list that accepts, removes and edits gold. */
export function ReviewWorkbench({ view, labels, targets, mayWriteGold }: ReviewWorkbenchProps) {
  const router = useRouter();
  const documentId = view.document.id;
  const text = useMemo(() => new OffsetIndex(view.document.text), [view.document.text]);
  const rows = useMemo(() => buildRows(view, text, labels, targets), [view, text, labels, targets]);
  const keys = useMemo(() => rows.map((row) => row.key), [rows]);
  const marks = useMemo(() => rows.flatMap((row): TextMark[] => (row.span ? [toMark(row, row.span)] : [])), [rows]);
  const roving = useRovingRows(keys);
  const { pending, error, run } = useAction();
  const [status, setStatus] = useState<string | null>(null);
  const [editing, setEditing] = useState<{ rowKey: string; span: GoldSpan } | null>(null);

  // Refreshed after failures too: a 409 means someone else changed gold, and the view should show it.
  const perform = (work: () => Promise<string>) => {
    setStatus(null);
    run(async () => {
      try {
        setStatus(await work());
      } finally {
        router.refresh();
      }
    });
  };

  const act = (action: RowAction, row: ReviewRow) => {
    if (pending) return;
    if (action === 'accept') perform(() => acceptRow(documentId, row));
    else if (action === 'reject') perform(() => rejectRow(row));
    else
      perform(async () => {
        setEditing({ rowKey: row.key, span: await goldSpanFor(documentId, row) });
        return 'Editing the gold span: change its label or offsets, then save (Escape cancels).';
      });
  };

  const onRowKey = (event: KeyboardEvent<HTMLElement>, row: ReviewRow) => {
    if (event.altKey || event.ctrlKey || event.metaKey || (event.target as HTMLElement).closest('input, select, textarea')) return;
    const action = ACTION_KEYS[event.key];
    if (event.key === 'j' || event.key === 'k') roving.move(row.key, event.key === 'j' ? 1 : -1);
    else if (action && mayWriteGold) act(action, row);
    else return;
    event.preventDefault();
  };

  const closeEditor = (message: string | null) => {
    const rowKey = editing?.rowKey;
    setEditing(null);
    if (message) {
      setStatus(message);
      router.refresh();
    }
    if (rowKey) roving.focus(rowKey);
  };

  const editedLayer = editing ? rows.find((row) => row.key === editing.rowKey)?.span?.layer : undefined;
  const editor =
    editing && editedLayer
      ? {
          rowKey: editing.rowKey,
          node: (
            <SpanEditor
              span={editing.span}
              text={text}
              labels={labels.filter((l) => l.layer === editedLayer && (!l.retired || l.id === editing.span.labelId))}
              onSaved={closeEditor}
              onCancel={() => closeEditor(null)}
            />
          ),
        }
      : null;

  return (
    <>
      <div className={styles.textPanel}>
        <ReviewText index={text} marks={marks} activeKey={roving.activeKey} onSelect={roving.focus} />
        <TextLegend />
        <FormError message={error} />
        <FormStatus message={status} />
      </div>
      <section aria-labelledby="candidates-heading" className="panel">
        <h2 id="candidates-heading">Candidates</h2>
        <p className={`note ${styles.keys}`}>
          Click a row or Tab into the list, then <Key>j</Key> / <Key>k</Key> move to the next / previous row
          {mayWriteGold && (
            <>
              , <Key>a</Key> accepts into gold, <Key>x</Key> removes from gold, <Key>e</Key> edits the gold span
            </>
          )}
          . The buttons do the same.
        </p>
        {rows.length === 0 ? (
          <EmptyState title="No candidates yet.">
            <p>Candidates appear when annotators submit this document.</p>
          </EmptyState>
        ) : (
          <CandidateGroups
            rows={rows}
            activeKey={roving.activeKey}
            mayWriteGold={mayWriteGold}
            pending={pending}
            register={roving.register}
            onRowFocus={(row) => roving.setActiveKey(row.key)}
            onRowKey={onRowKey}
            onAction={act}
            editor={editor}
          />
        )}
      </section>
    </>
  );
}

function Key({ children }: { children: string }) {
  return <kbd className={styles.kbd}>{children}</kbd>;
}

function toMark(row: ReviewRow, span: NonNullable<ReviewRow['span']>): TextMark {
  return {
    key: row.key,
    start: span.start,
    end: span.end,
    color: span.color,
    label: row.label,
    agreement: row.agreement,
    disputed: row.agreement !== null && !row.unanimous,
    gold: row.gold !== null,
  };
}
