'use client';

import { useEffect, useState } from 'react';
import { API_V1, api } from '@/components/api';
import type * as contracts from '@/lib/api/contracts/annotations';
import { stateFromServer } from '@/lib/editor/server';
import type { SyncEngine } from '@/lib/editor/sync';

/**
 * Live collaboration for the editor: who else has the document open, and the
 * caller's own layer kept in step when it changes elsewhere (another tab, a script
 * using the API, a curator's edit). Runs on the document's server-sent events; a
 * lost connection is shown, and everything is refetched when it comes back.
 */
export interface LiveState {
  present: { id: string; name: string; connections: number }[];
  connected: boolean;
}

const RETRY_WHILE_BUSY_MS = 1000;
const RECONNECT_MS = [1000, 2000, 5000, 10_000, 30_000];

export function useLive(documentId: string, engine: SyncEngine): LiveState {
  const [state, setState] = useState<LiveState>({ present: [], connected: true });

  useEffect(() => {
    let timer: ReturnType<typeof setTimeout> | undefined;
    let cancelled = false;
    const resync = () => {
      clearTimeout(timer);
      timer = setTimeout(async () => {
        const params = { id: documentId };
        const readSince = engine.readMark();
        try {
          const [annotations, relations, answers] = await Promise.all([
            api<typeof contracts.listAnnotations>('GET /documents/{id}/annotations', { params }),
            api<typeof contracts.listRelations>('GET /documents/{id}/relations', { params }),
            api<typeof contracts.listAnswers>('GET /documents/{id}/labels', { params }),
          ]);
          if (cancelled) return;
          // Local changes still saving, or saved after these reads began, win; read again once the queue is empty.
          if (!engine.adopt((keyOf) => stateFromServer(annotations.items, relations.items, answers.items, keyOf), readSince)) resync();
        } catch {
          resync();
        }
      }, RETRY_WHILE_BUSY_MS / 4);
    };

    let source: EventSource | undefined;
    let reconnect: ReturnType<typeof setTimeout> | undefined;
    let failures = 0;
    let lost = false;
    const connect = () => {
      const current = new EventSource(`${API_V1}/documents/${documentId}/events`);
      source = current;
      current.addEventListener('presence', (event) => setState((s) => ({ ...s, present: JSON.parse((event as MessageEvent<string>).data) })));
      current.addEventListener('change', resync);
      current.addEventListener('resync', resync);
      current.onopen = () => {
        failures = 0;
        setState((s) => ({ ...s, connected: true }));
        if (lost) resync();
        lost = false;
      };
      current.onerror = () => {
        lost = true;
        setState((s) => ({ ...s, connected: false }));
        // The browser retries a dropped connection by itself but gives up for good after an
        // error answer (a 503 while the database is down, a restarting server), so do it here.
        if (current.readyState === EventSource.CLOSED && !cancelled) {
          reconnect = setTimeout(connect, RECONNECT_MS[Math.min(failures++, RECONNECT_MS.length - 1)]);
        }
      };
    };
    connect();
    return () => {
      cancelled = true;
      clearTimeout(timer);
      clearTimeout(reconnect);
      source?.close();
    };
  }, [documentId, engine]);

  return state;
}
