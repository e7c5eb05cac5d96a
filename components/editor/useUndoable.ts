'use client';

import { useCallback, useRef, useState } from 'react';
import { emptyHistory, prepare, record, redo, undo, type History } from '@/lib/editor/history';
import type { Op } from '@/lib/editor/model';
import type { SyncEngine } from '@/lib/editor/sync';

/**
 * Changes go through here: recorded for undo, then applied and queued for saving. The
 * history is read from a ref so that keyboard handlers never see a stale stack.
 */
export function useUndoable(engine: SyncEngine) {
  const [history, setHistory] = useState<History>(emptyHistory);
  const current = useRef(history);
  const update = useCallback((next: History) => {
    current.current = next;
    setHistory(next);
  }, []);

  const perform = useCallback(
    (ops: readonly Op[], description: string) => {
      const { entry } = prepare(engine.snapshot().view, ops, description);
      if (entry.forward.length === 0) return false;
      update(record(current.current, entry));
      engine.apply(entry.forward);
      return true;
    },
    [engine, update],
  );

  /** Undoes or redoes one entry; returns what it was, for the status line, or null if there was none. */
  const step = useCallback(
    (direction: typeof undo | typeof redo) => {
      const next = direction(current.current, engine.snapshot().view);
      if (!next) return null;
      update(next.history);
      engine.apply(next.ops);
      return next.description;
    },
    [engine, update],
  );

  return {
    perform,
    undo: useCallback(() => step(undo), [step]),
    redo: useCallback(() => step(redo), [step]),
    canUndo: history.past.length > 0,
    canRedo: history.future.length > 0,
    nextUndo: history.past.at(-1)?.description,
    nextRedo: history.future.at(-1)?.description,
  };
}
