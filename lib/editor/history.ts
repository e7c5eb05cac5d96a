import { applyOp, inverseOf, isApplicable, type DocState, type Op } from './model';

/**
 * Undo and redo as a stack of operation groups. Each entry keeps the operations that did a
 * change and those that undo it, computed against the state at the time: create ↔ delete,
 * update ↔ update back, delete ↔ re-create (with the span's relations).
 *
 * Entries never hold server ids or versions. Operations name spans by client key, and a
 * re-created span keeps its key; the sync layer sends each operation with the id and
 * version current at that moment, so later entries follow the re-created span's new id
 * and every update goes out with a fresh version.
 */
interface Entry {
  /** Shown on the undo/redo buttons, e.g. "create PERSON". */
  readonly description: string;
  readonly forward: readonly Op[];
  readonly backward: readonly Op[];
}

export interface History {
  readonly past: readonly Entry[];
  readonly future: readonly Entry[];
}

export const emptyHistory: History = { past: [], future: [] };

const LIMIT = 500;

/** The applicable part of `ops` on `doc`, applied in order, and the undo of that part. */
export function prepare(doc: DocState, ops: readonly Op[], description: string): { entry: Entry; doc: DocState } {
  const forward: Op[] = [];
  const backward: Op[] = [];
  let state = doc;
  for (const op of ops) {
    if (!isApplicable(state, op)) continue;
    forward.push(op);
    backward.unshift(...inverseOf(state, op));
    state = applyOp(state, op);
  }
  return { entry: { description, forward, backward }, doc: state };
}

/** A new change: it goes on the undo stack and ends any redo branch. */
export function record(history: History, entry: Entry): History {
  if (entry.forward.length === 0) return history;
  return { past: [...history.past, entry].slice(-LIMIT), future: [] };
}

interface Step {
  readonly history: History;
  /** What to apply now; operations that no longer apply (their change was rolled back) are left out. */
  readonly ops: readonly Op[];
  readonly description: string;
}

function applicable(doc: DocState, ops: readonly Op[]): Op[] {
  const kept: Op[] = [];
  let state = doc;
  for (const op of ops) {
    if (!isApplicable(state, op)) continue;
    kept.push(op);
    state = applyOp(state, op);
  }
  return kept;
}

export function undo(history: History, doc: DocState): Step | null {
  const entry = history.past.at(-1);
  if (!entry) return null;
  return {
    history: { past: history.past.slice(0, -1), future: [...history.future, entry] },
    ops: applicable(doc, entry.backward),
    description: entry.description,
  };
}

export function redo(history: History, doc: DocState): Step | null {
  const entry = history.future.at(-1);
  if (!entry) return null;
  return {
    history: { past: [...history.past, entry], future: history.future.slice(0, -1) },
    ops: applicable(doc, entry.forward),
    description: entry.description,
  };
}
