'use client';

import { useState } from 'react';
import { itemHasProblems, useSchemaEditor } from './context';
import { addButtonId, focusSoon } from './focus';
import { LabelForm } from './LabelForm';
import type { DraftLabel } from './model';
import { MoveButtons, refocusMoveButton } from './MoveButtons';
import { RetireConfirm } from './RetireConfirm';
import styles from './SchemaEditor.module.css';
import { controlId, fieldKey } from './validation';

export const editButtonId = (uid: string) => `${uid}-edit`;
const retireButtonId = (uid: string) => `${uid}-retire`;

interface LabelRowProps {
  label: DraftLabel;
  position: number;
  count: number;
  announce: (message: string) => void;
}

/** One label: a one-line summary with its actions, opening into its form. */
export function LabelRow({ label, position, count, announce }: LabelRowProps) {
  const { draft, dispatch, shown } = useSchemaEditor();
  // A label just added opens at once: it has nothing to show yet.
  const [expanded, setExpanded] = useState(!label.stored);
  const [confirming, setConfirming] = useState(false);
  const hasProblems = itemHasProblems(shown.fields, label.uid);
  // A problem opens the row, and it stays open while the user fixes it (closing on the last fix would drop their focus).
  if (hasProblems && !expanded) setExpanded(true);
  const title = label.name.trim() || label.key || 'New label';
  const formId = `${label.uid}-form`;

  const move = (by: -1 | 1) => {
    dispatch({ type: 'moveLabel', uid: label.uid, by });
    refocusMoveButton(label.uid, by);
    announce(`${title} moved to position ${position + by + 1} of ${count}.`);
  };
  const retire = () => {
    dispatch({ type: 'retire', list: 'labels', uid: label.uid });
    focusSoon(addButtonId(label.layer));
    announce(label.stored ? `${title} retired; restore it from the Retired list.` : `${title} removed.`);
  };
  const usedBy = draft.labels.filter((other) => other.sourceTypes.includes(label.uid) || other.targetTypes.includes(label.uid));

  return (
    <li className={`${styles.row} ${hasProblems ? styles.rowProblem : ''}`}>
      <div className={styles.rowSummary}>
        <span className={styles.swatch} style={{ backgroundColor: label.color }} aria-hidden="true" />
        <span className={styles.rowTitle}>
          <strong>{title}</strong> {label.key && <code>{label.key}</code>}
          {label.hotkey && (
            <>
              {' '}
              <kbd className={styles.kbd} title="Hotkey">
                <span className="visually-hidden">hotkey </span>
                {label.hotkey}
              </kbd>
            </>
          )}
          {hasProblems && <span className={styles.problemBadge}> needs attention</span>}
        </span>
        <span className={styles.rowDescription}>{label.description}</span>
        <span className={styles.rowActions}>
          <MoveButtons uid={label.uid} name={title} position={position} count={count} onMove={move} />
          <button
            type="button"
            id={editButtonId(label.uid)}
            className="button button--secondary"
            aria-expanded={expanded}
            aria-controls={formId}
            onClick={() => {
              setExpanded(!expanded);
              if (!expanded) focusSoon(controlId(fieldKey(label.uid, 'name')));
            }}
          >
            {expanded ? 'Close' : 'Edit'}
            <span className="visually-hidden"> {title}</span>
          </button>
          <button
            type="button"
            id={retireButtonId(label.uid)}
            className="button button--secondary"
            onClick={() => (label.stored ? setConfirming(true) : retire())}
          >
            {label.stored ? 'Retire' : 'Remove'}
            <span className="visually-hidden"> {title}</span>
          </button>
        </span>
      </div>
      {confirming && (
        <RetireConfirm title={title} returnFocusTo={retireButtonId(label.uid)} onConfirm={retire} onCancel={() => setConfirming(false)}>
          <p>
            Once you save, annotators are no longer offered it. Existing annotations keep it: they stay readable and exportable, and you can restore the label
            from the Retired list at any time.
          </p>
          {usedBy.length > 0 && (
            <p>The relation types {usedBy.map((relation) => relation.name || relation.key).join(', ')} allow it at one end; untick it there before saving.</p>
          )}
        </RetireConfirm>
      )}
      {expanded && (
        <div id={formId}>
          <LabelForm label={label} title={title} />
        </div>
      )}
    </li>
  );
}
