'use client';

import { useEffect, useLayoutEffect, useRef, useState, type ReactNode } from 'react';
import type { Anchor } from './TextView';
import styles from './popover.module.css';

/** Presses inside an element with this attribute leave popovers open: the label palette applies to their selection. */
export const KEEPS_SELECTION = 'data-keeps-selection';

interface PopoverProps {
  anchor: Anchor;
  /** Accessible name of the popover. */
  label: string;
  /** A press outside the popover, the text (clicks there have their own meaning) and the label palette. */
  onDismiss(): void;
  children: ReactNode;
}

/** A non-modal panel below a place in the text, kept inside the text area's width. */
export function Popover({ anchor, label, onDismiss, children }: PopoverProps) {
  const ref = useRef<HTMLDivElement>(null);
  const [left, setLeft] = useState(anchor.left);

  useLayoutEffect(() => {
    const element = ref.current;
    const area = element?.parentElement;
    if (!element || !area) return;
    setLeft(Math.max(8, Math.min(anchor.left - 16, area.clientWidth - element.offsetWidth - 8)));
    element.scrollIntoView({ block: 'nearest' });
  }, [anchor]);

  useEffect(() => {
    const dismiss = (event: PointerEvent) => {
      const area = ref.current?.parentElement;
      const target = event.target;
      if (!area || !(target instanceof Node) || area.contains(target)) return;
      if (!(target instanceof Element && target.closest(`[${KEEPS_SELECTION}]`))) onDismiss();
    };
    document.addEventListener('pointerdown', dismiss);
    return () => document.removeEventListener('pointerdown', dismiss);
  }, [onDismiss]);

  return (
    <div ref={ref} role="dialog" aria-label={label} className={styles.popover} style={{ top: anchor.top, left }}>
      {children}
    </div>
  );
}
