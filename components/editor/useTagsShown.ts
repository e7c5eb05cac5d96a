'use client';

import { useCallback, useSyncExternalStore } from 'react';

/** Per browser, not per account: whether tags help depends on the screen and the reader, not the project. */
const STORAGE_KEY = 'glossa.editor.tags';

// The storage event reaches other tabs only; this tab's editors hear of a change through these.
const listeners = new Set<() => void>();

function subscribe(listener: () => void): () => void {
  listeners.add(listener);
  window.addEventListener('storage', listener);
  return () => {
    listeners.delete(listener);
    window.removeEventListener('storage', listener);
  };
}

// Where storage is unavailable (some private windows) the choice lasts until the page is left.
let unstored = true;

// On by default: only a stored "off" hides them.
function shown(): boolean {
  try {
    return window.localStorage.getItem(STORAGE_KEY) !== 'off';
  } catch {
    return unstored;
  }
}

/** Whether the text shows each span's tag (lib/editor/tags.ts), remembered in localStorage. */
export function useTagsShown(): { shown: boolean; set(shown: boolean): void } {
  const current = useSyncExternalStore(subscribe, shown, () => true);
  const set = useCallback((next: boolean) => {
    try {
      window.localStorage.setItem(STORAGE_KEY, next ? 'on' : 'off');
    } catch {
      unstored = next;
    }
    for (const listener of listeners) listener();
  }, []);
  return { shown: current, set };
}
