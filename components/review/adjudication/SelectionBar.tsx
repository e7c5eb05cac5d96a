'use client';

import { useState } from 'react';
import { LabelPicker, usePickerFilter } from '@/components/editor/LabelPicker';
import { shortQuote } from '@/lib/editor/catalog';
import type { CodePointRange, OffsetIndex } from '@/lib/offsets';
import type { ReviewLabel, ReviewTarget } from './types';
import styles from './review.module.css';

interface SelectionBarProps {
  text: OffsetIndex;
  selection: CodePointRange | null;
  /** The focused row's text when it is a span that can take the selection's boundaries. */
  goldTarget: string | null;
  pending: boolean;
  labels: readonly ReviewLabel[];
  targets: readonly ReviewTarget[];
  picking: boolean;
  onPicking: (open: boolean) => void;
  onMove: () => void;
  onAdd: (label: ReviewLabel, targetId: string | null) => void;
}

// Buttons keep the text selection: pressing one must not collapse what it acts on.
const keepSelection = (event: { preventDefault(): void }) => event.preventDefault();

/** What the curator can do with text selected in the review text: move the focused gold span there, or add a gold span. */
export function SelectionBar({ text, selection, goldTarget, pending, labels, targets, picking, onPicking, onMove, onAdd }: SelectionBarProps) {
  const filter = usePickerFilter();
  const [stance, setStance] = useState<ReviewLabel | null>(null);
  const active = targets.filter((target) => !target.retired);
  const [targetId, setTargetId] = useState(active[0]?.id ?? '');

  const quote = selection ? text.slice(selection.start, selection.end) : '';
  const close = () => {
    setStance(null);
    filter.setQuery('');
    onPicking(false);
  };
  const choose = (label: ReviewLabel) => {
    // A stance needs its target before the span can exist (the API refuses one without).
    if (label.layer === 'STANCE') setStance(label);
    else {
      onAdd(label, null);
      close();
    }
  };

  return (
    <section className={styles.selectionBar} aria-label="Selected text">
      {/* The same height with or without a selection: the text below must not move under a dragging pointer. */}
      <p className={styles.selectionQuote}>
        {selection ? (
          <>
            Selected: <q>{shortQuote(quote)}</q>
          </>
        ) : (
          <span className="muted">No text selected.</span>
        )}
      </p>
      <div className={styles.actions}>
        <button
          type="button"
          className={`button button--secondary ${styles.small}`}
          aria-keyshortcuts="b"
          disabled={pending || selection === null || goldTarget === null}
          title={goldTarget === null ? 'Focus a span in the candidate list first' : undefined}
          onMouseDown={keepSelection}
          onClick={onMove}
        >
          Set boundaries to selection
          {goldTarget !== null && <span className="visually-hidden"> (gold span of {goldTarget})</span>} <kbd className={`keycap ${styles.kbd}`}>b</kbd>
        </button>
        <button
          type="button"
          className={`button button--secondary ${styles.small}`}
          aria-keyshortcuts="g"
          aria-expanded={picking}
          disabled={pending || selection === null}
          onMouseDown={keepSelection}
          onClick={() => onPicking(!picking)}
        >
          Add gold span… <kbd className={`keycap ${styles.kbd}`}>g</kbd>
        </button>
      </div>
      {selection && picking && !stance && (
        <div className={styles.picker}>
          <LabelPicker
            labels={labels}
            title={`Gold label for “${shortQuote(quote, 40)}”`}
            filter={filter}
            onChoose={choose}
            onCancel={close}
            inputRef={null}
            autoFocus
          />
        </div>
      )}
      {selection && picking && stance && (
        <form
          className={styles.picker}
          onSubmit={(event) => {
            event.preventDefault();
            onAdd(stance, targetId);
            close();
          }}
        >
          <label>
            Stance target of {stance.name}{' '}
            <select value={targetId} onChange={(event) => setTargetId(event.target.value)} autoFocus>
              {active.map((target) => (
                <option key={target.id} value={target.id}>
                  {target.name}
                </option>
              ))}
            </select>
          </label>{' '}
          <button type="submit" className={`button button--primary ${styles.small}`} disabled={!targetId}>
            Add gold stance
          </button>{' '}
          <button type="button" className={`button button--secondary ${styles.small}`} onClick={close}>
            Cancel
          </button>
        </form>
      )}
    </section>
  );
}
