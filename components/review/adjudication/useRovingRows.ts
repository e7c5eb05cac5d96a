'use client';

import { useCallback, useEffect, useRef, useState } from 'react';

/**
 * One focusable row at a time (roving tabindex), moved with j/k. Tab enters the list
 * at the active row instead of walking through every row.
 */
export function useRovingRows(keys: readonly string[]) {
  const [activeKey, setActiveKey] = useState<string | null>(keys[0] ?? null);
  const elements = useRef(new Map<string, HTMLElement>());
  const lastIndex = useRef(0);

  const register = useCallback(
    (key: string) => (element: HTMLElement | null) => {
      if (!element) return;
      elements.current.set(key, element);
      return () => {
        elements.current.delete(key);
      };
    },
    [],
  );

  const focus = useCallback((key: string) => {
    setActiveKey(key);
    elements.current.get(key)?.focus();
  }, []);

  const move = useCallback(
    (from: string, step: 1 | -1) => {
      const next = keys[Math.min(keys.length - 1, Math.max(0, keys.indexOf(from) + step))];
      if (next !== undefined) focus(next);
    },
    [keys, focus],
  );

  // A row that disappears (a removed gold-only span) hands its place to its neighbour,
  // so keyboard focus does not fall back to the top of the page.
  useEffect(() => {
    if (activeKey !== null && keys.includes(activeKey)) {
      lastIndex.current = keys.indexOf(activeKey);
      return;
    }
    const next = keys[Math.min(lastIndex.current, keys.length - 1)] ?? null;
    setActiveKey(next);
    if (next !== null && document.activeElement === document.body) elements.current.get(next)?.focus();
  }, [keys, activeKey]);

  return { activeKey, setActiveKey, register, focus, move };
}
