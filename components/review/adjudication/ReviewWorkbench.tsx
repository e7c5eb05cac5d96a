'use client';

import { useRouter } from 'next/navigation';
import { useCallback, useEffect, useMemo, useRef, useState, type KeyboardEvent } from 'react';
import { FormError } from '@/components/forms/FormError';
import { FormStatus } from '@/components/forms/FormStatus';
import { useAction } from '@/components/forms/useAction';
import type { GoldSpan } from './row-actions';
import { EmptyState } from '@/components/ui/EmptyState';
import { OffsetIndex, type CodePointRange } from '@/lib/offsets';
import { disagreementUnits, nextDisagreement } from '@/lib/review/disagreements';
import { CandidateGroups } from './CandidateGroups';
import type { RowAction } from './CandidateRow';
import { ReviewText, type TextMark } from './ReviewText';
import { acceptRow, goldSpanFor, mayEdit, rejectRow } from './row-actions';
import { addGoldSpan, moveGoldToSelection } from './gold-selection';
import { buildRows, unitItems, type ReviewRow } from './rows';
import { SelectionBar } from './SelectionBar';
import { SpanEditor } from './SpanEditor';
import { KeyHelp } from './KeyHelp';
import { TextLegend } from './TextLegend';
import type { ReviewData, ReviewLabel, ReviewTarget } from './types';
import { useRovingRows } from './useRovingRows';
import styles from './review.module.css';

interface ReviewWorkbenchProps {
  view: ReviewData;
  labels: ReviewLabel[];
  targets: ReviewTarget[];
  mayWriteGold: boolean;
  /** The project's rule for selections, which the editor applies too. */
  snapToWords: boolean;
}

const ACTION_KEYS: Record<string, RowAction> = { a: 'accept', x: 'reject', e: 'edit' };

/** Keys that move between disagreements: next, previous, next unresolved (wrapping around). */
const DISAGREEMENT_KEYS: Record<string, { step: 1 | -1; unresolved: boolean }> = {
  n: { step: 1, unresolved: false },
  p: { step: -1, unresolved: false },
  u: { step: 1, unresolved: true },
};

/**
 * The text with every candidate drawn on it beside the candidate list, each filling the
 * viewport and scrolling on its own. Rows accept, remove and edit gold; text selected in the
 * text moves the focused gold span or becomes a new gold span.
 */
export function ReviewWorkbench({ view, labels, targets, mayWriteGold, snapToWords }: ReviewWorkbenchProps) {
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
  const units = useMemo(() => disagreementUnits(unitItems(rows)), [rows]);
  const [selection, setSelection] = useState<CodePointRange | null>(null);
  const [picking, setPicking] = useState(false);
  const activeRow = rows.find((row) => row.key === roving.activeKey);
  // The gold span written from the selection: its row (a candidate it now matches, or a gold-only
  // row) is focused when the refreshed list arrives, so the keys act on it next.
  const focusWhenListed = useRef<string | null>(null);
  const onTextSelect = useCallback((range: CodePointRange | null) => {
    setSelection(range);
    if (!range) setPicking(false);
  }, []);

  useEffect(() => {
    const goldId = focusWhenListed.current;
    if (!goldId) return;
    focusWhenListed.current = null;
    const row = rows.find((r) => r.gold === goldId);
    if (row) roving.focus(row.key);
  }, [rows, roving.focus]);

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
        return 'Editing the gold span: change its label (or type offsets; selecting text and pressing b is quicker), then save (Escape cancels).';
      });
  };

  const fromSelection = (write: (range: CodePointRange) => Promise<{ id: string; message: string }>) => {
    if (pending || !selection || !mayWriteGold) return;
    perform(async () => {
      const { id, message } = await write(selection);
      focusWhenListed.current = id;
      setSelection(null);
      window.getSelection()?.removeAllRanges();
      return message;
    });
  };
  const moveGold = () => fromSelection((range) => moveGoldToSelection(documentId, activeRow, text, range, snapToWords));
  const addGold = (label: ReviewLabel, targetId: string | null) => fromSelection((range) => addGoldSpan(documentId, label, text, range, snapToWords, targetId));

  const goToDisagreement = (step: 1 | -1, unresolved: boolean) => {
    const key = nextDisagreement(units, roving.activeKey, step, unresolved);
    if (key) roving.focus(key);
    else setStatus(unresolved ? 'No unresolved disagreement left.' : `No ${step === 1 ? 'later' : 'earlier'} disagreement.`);
  };

  // Keys that work wherever focus is in the workbench (rows, text), but not while typing.
  const onWorkbenchKey = (event: KeyboardEvent<HTMLElement>) => {
    if (event.defaultPrevented || event.altKey || event.ctrlKey || event.metaKey) return;
    if ((event.target as HTMLElement).closest('input, select, textarea, [role="listbox"], [role="dialog"]')) return;
    const jump = DISAGREEMENT_KEYS[event.key];
    if (jump) goToDisagreement(jump.step, jump.unresolved);
    else if (event.key === 'b' && selection && mayWriteGold) moveGold();
    else if (event.key === 'g' && selection && mayWriteGold) setPicking(true);
    else return;
    event.preventDefault();
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
    // Shortcut keys bubble up here from the rows and the text, which are the focusable elements.
    <div className={styles.workbench} onKeyDown={onWorkbenchKey}>
      <div className={styles.textPanel}>
        {mayWriteGold && (
          <SelectionBar
            text={text}
            selection={selection}
            goldTarget={activeRow?.span && mayEdit(activeRow) ? activeRow.text : null}
            pending={pending}
            labels={labels}
            targets={targets}
            picking={picking}
            onPicking={setPicking}
            onMove={moveGold}
            onAdd={addGold}
          />
        )}
        <ReviewText index={text} marks={marks} activeKey={roving.activeKey} onSelect={roving.focus} onTextSelect={onTextSelect} />
        <TextLegend />
        <FormError message={error} />
        <FormStatus message={status} />
      </div>
      <section aria-labelledby="candidates-heading" className={styles.listPanel}>
        <h2 id="candidates-heading">Candidates</h2>
        <KeyHelp mayWriteGold={mayWriteGold} />
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
    </div>
  );
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
