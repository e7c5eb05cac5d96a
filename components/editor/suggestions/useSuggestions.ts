'use client';

import { useCallback, useEffect, useRef, useState, useSyncExternalStore, type RefObject } from 'react';
import { api, errorMessage } from '@/components/api';
import type * as contract from '@/lib/api/contracts/suggestions';
import type { Catalog } from '@/lib/editor/catalog';
import { ghostsOf, type Ghost } from '@/lib/editor/suggestions';
import type { SegmentTable } from '@/lib/offsets';
import type { TextController } from '../TextView';
import type { Notice } from '../types';
import { GhostStore } from './ghost-store';

interface SuggestionOptions {
  documentId: string;
  table: SegmentTable;
  catalog: Catalog;
  /** Submitted or not the caller's to change: no ghosts are offered. */
  readOnly: boolean;
  textRef: RefObject<TextController | null>;
  notify(notice: Notice): void;
  /** A ghost was selected: the editor lets go of its own selection (span popover). */
  onSelect(): void;
}

/**
 * The caller's pending suggestions for the document, drawn as ghosts, and their decisions. The
 * accepted span reaches the editor's own state through the live stream, like a change made in
 * another tab: the server wrote it, so the editor adopts it from there.
 */
export function useSuggestions({ documentId, table, catalog, readOnly, textRef, notify, onSelect }: SuggestionOptions) {
  const [store] = useState(() => new GhostStore());
  const state = useSyncExternalStore(store.subscribe, store.snapshot, store.snapshot);
  const [busy, setBusy] = useState(false);
  const tableRef = useRef({ table, catalog });
  tableRef.current = { table, catalog };

  const load = useCallback(async () => {
    const { items } = await api<typeof contract.listSuggestions>('GET /documents/{id}/suggestions', { params: { id: documentId } });
    store.setGhosts(ghostsOf(items, tableRef.current.table, tableRef.current.catalog.labels));
  }, [documentId, store]);

  useEffect(() => {
    if (readOnly) {
      store.setGhosts([]);
      return;
    }
    load().catch((error: unknown) => notify({ tone: 'error', text: `Suggestions could not be loaded: ${errorMessage(error)}` }));
  }, [load, readOnly, store, notify]);

  /** Runs one decision; the ghost goes at once, and comes back (with the reason) if the server refused. */
  const decide = async (ghost: Ghost | null, request: () => Promise<string>) => {
    if (busy) return;
    setBusy(true);
    if (ghost) store.setGhosts(store.snapshot().ghosts.filter((g) => g.id !== ghost.id));
    try {
      notify({ tone: 'info', text: await request() });
    } catch (error) {
      notify({ tone: 'error', text: errorMessage(error) });
    } finally {
      setBusy(false);
      await load().catch(() => undefined);
      textRef.current?.focus();
    }
  };

  const accept = (ghost: Ghost) =>
    decide(ghost, async () => {
      await api<typeof contract.acceptSuggestion>('POST /suggestions/{id}/accept', { params: { id: ghost.id } });
      return `Accepted: ${ghost.labelName} “${ghost.quote}”`;
    });
  const reject = (ghost: Ghost) =>
    decide(ghost, async () => {
      await api<typeof contract.rejectSuggestion>('POST /suggestions/{id}/reject', { params: { id: ghost.id } });
      return `Rejected: ${ghost.labelName} “${ghost.quote}”`;
    });
  const acceptAll = (ghost: Ghost) =>
    decide(null, async () => {
      const result = await api<typeof contract.acceptAllSuggestions>('POST /documents/{id}/suggestions/accept-all', {
        params: { id: documentId },
        body: { label: ghost.label },
      });
      const skipped = result.skippedOverlaps ? `; ${result.skippedOverlaps} overlapping a span of yours left as suggestions` : '';
      const remaining = result.remaining ? `; ${result.remaining} more remain, accept all again for them` : '';
      return `Accepted ${result.accepted} ${ghost.labelName} suggestion${result.accepted === 1 ? '' : 's'}${skipped}${remaining}`;
    });

  store.actions = {
    accept: (ghost) => void accept(ghost),
    reject: (ghost) => void reject(ghost),
    selected(ghost) {
      onSelect();
      textRef.current?.reveal(ghost);
      textRef.current?.placeCaret(ghost.start);
    },
  };

  const selected = state.ghosts.find((g) => g.id === state.selectedId) ?? null;
  return { store, ghosts: state.ghosts, selected, busy, accept, reject, acceptAll, dismiss: () => store.select(undefined) };
}

export type Suggestions = ReturnType<typeof useSuggestions>;
