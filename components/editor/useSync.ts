'use client';

import { useEffect, useState, useSyncExternalStore } from 'react';
import { SyncEngine } from '@/lib/editor/sync';
import { stateFromServer } from '@/lib/editor/server';
import { decodeSpanColumns } from '@/lib/editor/span-columns';
import type { OffsetIndex } from '@/lib/offsets';
import { fetchTransport } from './transport';
import type { EditorWork } from './types';

/**
 * The autosave queue for one document. It is never torn down with the component: changes
 * still queued when the user navigates away within the app keep being sent.
 */
export function useSync(documentId: string, work: EditorWork, text: OffsetIndex) {
  const [engine] = useState(() => {
    const { doc, refs } = stateFromServer(decodeSpanColumns(work.spans, text), work.relations, work.answers);
    return new SyncEngine({ documentId, doc, refs, transport: fetchTransport });
  });
  const snapshot = useSyncExternalStore(engine.subscribe, engine.snapshot, engine.snapshot);

  useEffect(() => {
    const warnBeforeLeaving = (event: BeforeUnloadEvent) => {
      if (engine.snapshot().pending > 0) event.preventDefault();
    };
    const retry = () => engine.retryNow();
    // The backoff grows to 30 s during a long outage; a user who comes back to the tab gets an attempt at once.
    const retryIfShown = () => document.visibilityState === 'visible' && retry();
    window.addEventListener('beforeunload', warnBeforeLeaving);
    window.addEventListener('online', retry);
    window.addEventListener('focus', retry);
    document.addEventListener('visibilitychange', retryIfShown);
    return () => {
      window.removeEventListener('beforeunload', warnBeforeLeaving);
      window.removeEventListener('online', retry);
      window.removeEventListener('focus', retry);
      document.removeEventListener('visibilitychange', retryIfShown);
    };
  }, [engine]);

  return { engine, snapshot };
}
