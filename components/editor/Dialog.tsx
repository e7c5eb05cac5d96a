'use client';

import { useEffect, useId, useRef, type ReactNode } from 'react';
import styles from './dialog.module.css';

interface DialogProps {
  open: boolean;
  title: string;
  onClose(): void;
  /** False for dialogs that need an answer: Escape and the close button are withheld. */
  dismissable?: boolean;
  children: ReactNode;
}

/** A modal <dialog>: the browser traps focus, closes on Escape and restores focus afterwards. */
export function Dialog({ open, title, onClose, dismissable = true, children }: DialogProps) {
  const ref = useRef<HTMLDialogElement>(null);
  const titleId = useId();

  useEffect(() => {
    const dialog = ref.current;
    if (!dialog) return;
    if (open && !dialog.open) dialog.showModal();
    if (!open && dialog.open) dialog.close();
  }, [open]);

  return (
    <dialog
      ref={ref}
      className={styles.dialog}
      aria-labelledby={titleId}
      onClose={() => open && onClose()}
      onCancel={(event) => {
        if (!dismissable) event.preventDefault();
      }}
    >
      <div className={styles.header}>
        <h2 id={titleId}>{title}</h2>
        {dismissable && (
          <button type="button" className="button button--secondary" onClick={onClose}>
            Close
          </button>
        )}
      </div>
      <div className={styles.body}>{open && children}</div>
    </dialog>
  );
}
