'use client';

import { useEffect, useId, useRef, type ReactNode } from 'react';
import { focusSoon } from './focus';
import styles from './SchemaEditor.module.css';

interface RetireConfirmProps {
  title: string;
  /** The button that opened this, which gets focus back on "Keep it". */
  returnFocusTo: string;
  children: ReactNode;
  onConfirm: () => void;
  onCancel: () => void;
}

/** An inline "are you sure", so the warning can explain what happens to existing annotations. */
export function RetireConfirm({ title, returnFocusTo, children, onConfirm, onCancel }: RetireConfirmProps) {
  const headingId = useId();
  const confirmRef = useRef<HTMLButtonElement>(null);
  useEffect(() => confirmRef.current?.focus(), []);
  return (
    <div role="group" aria-labelledby={headingId} className={`warning ${styles.confirm}`}>
      <p id={headingId}>
        <strong>Retire {title}?</strong>
      </p>
      {children}
      <div className="cluster">
        <button type="button" ref={confirmRef} className="button button--danger-quiet" onClick={onConfirm}>
          Retire
        </button>
        <button
          type="button"
          className="button button--secondary"
          onClick={() => {
            onCancel();
            focusSoon(returnFocusTo);
          }}
        >
          Keep it
        </button>
      </div>
    </div>
  );
}
