'use client';

import styles from './SchemaEditor.module.css';

interface MoveButtonsProps {
  /** The item's uid; the buttons' ids derive from it so focus can follow the item. */
  uid: string;
  name: string;
  position: number;
  count: number;
  onMove: (by: -1 | 1) => void;
}

const moveButtonId = (uid: string, by: -1 | 1) => `${uid}-move-${by < 0 ? 'up' : 'down'}`;

/** Up/down buttons; with them a keyboard user reorders as well as anyone could by dragging. */
export function MoveButtons({ uid, name, position, count, onMove }: MoveButtonsProps) {
  return (
    <span className={styles.moveButtons}>
      <button
        type="button"
        id={moveButtonId(uid, -1)}
        className={`button button--secondary ${styles.iconButton}`}
        disabled={position === 0}
        onClick={() => onMove(-1)}
      >
        <span aria-hidden="true">↑</span>
        <span className="visually-hidden">Move {name} up</span>
      </button>
      <button
        type="button"
        id={moveButtonId(uid, 1)}
        className={`button button--secondary ${styles.iconButton}`}
        disabled={position === count - 1}
        onClick={() => onMove(1)}
      >
        <span aria-hidden="true">↓</span>
        <span className="visually-hidden">Move {name} down</span>
      </button>
    </span>
  );
}

/**
 * Reordering moves the row in the DOM, which drops focus; this puts it back on
 * the same button, or on the other one when the row reached the end of the list.
 */
export function refocusMoveButton(uid: string, by: -1 | 1) {
  requestAnimationFrame(() => {
    const same = document.getElementById(moveButtonId(uid, by));
    const target = same instanceof HTMLButtonElement && !same.disabled ? same : document.getElementById(moveButtonId(uid, by < 0 ? 1 : -1));
    target?.focus();
  });
}
