'use client';

import { useEffect } from 'react';

const NOT_TYPED = new Set(['checkbox', 'radio', 'button', 'submit', 'reset', 'range', 'color', 'file']);

/** Fields whose own Ctrl+Z and "?" must keep working (a radio button is not one). */
function isTextEntry(target: EventTarget | null): boolean {
  if (target instanceof HTMLInputElement) return !NOT_TYPED.has(target.type);
  return target instanceof HTMLTextAreaElement || target instanceof HTMLSelectElement;
}

/** Page-wide keys: Ctrl/Cmd+Z undo, Ctrl/Cmd+Shift+Z or Ctrl+Y redo, "?" the shortcut sheet. */
export function useGlobalKeys({ undo, redo, shortcuts }: { undo(): void; redo(): void; shortcuts(): void }) {
  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      // Not skipped when defaultPrevented: ProseMirror cancels Mod-z/y in the text to stop the browser's own undo.
      if (isTextEntry(event.target) || event.altKey) return;
      const modifier = event.ctrlKey || event.metaKey;
      const key = event.key.toLowerCase();
      if (modifier && key === 'z') {
        if (event.shiftKey) redo();
        else undo();
      } else if (modifier && key === 'y') redo();
      else if (!modifier && event.key === '?') shortcuts();
      else return;
      event.preventDefault();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [undo, redo, shortcuts]);
}
