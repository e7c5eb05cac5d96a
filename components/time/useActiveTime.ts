'use client';

import { useEffect } from 'react';
import { API_V1 } from '@/components/api';
import { HEARTBEAT_SECONDS, IDLE_SECONDS } from '@/lib/assignments/active-time';

const INPUT_EVENTS = ['keydown', 'pointerdown', 'wheel', 'scroll'] as const;

/**
 * Beats for the annotator's active time on this document (lib/assignments/active-time): every
 * HEARTBEAT_SECONDS while the tab is visible and there was input within IDLE_SECONDS, and a last
 * beat when either stops or the page goes. Only for a document assigned to them.
 */
export function useActiveTime(documentId: string, assigned: boolean) {
  useEffect(() => {
    if (!assigned) return;
    const url = `${API_V1}/documents/${encodeURIComponent(documentId)}/time`;
    // keepalive: the last beat must leave even when the page is being closed.
    const beat = (end: boolean) =>
      void fetch(url, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ end }),
        credentials: 'same-origin',
        keepalive: true,
      }).catch(() => undefined);
    let active = false;
    let idle: ReturnType<typeof setTimeout> | undefined;
    const stop = () => {
      clearTimeout(idle);
      if (active) beat(true);
      active = false;
    };
    const onInput = () => {
      if (document.visibilityState !== 'visible') return;
      if (!active) beat(false);
      active = true;
      clearTimeout(idle);
      idle = setTimeout(stop, IDLE_SECONDS * 1000);
    };
    const ticker = setInterval(() => active && beat(false), HEARTBEAT_SECONDS * 1000);
    const onVisibility = () => (document.visibilityState === 'visible' ? onInput() : stop());
    for (const name of INPUT_EVENTS) window.addEventListener(name, onInput, { passive: true, capture: true });
    document.addEventListener('visibilitychange', onVisibility);
    window.addEventListener('pagehide', stop);
    // Opening the document is the first input.
    onInput();
    return () => {
      stop();
      clearInterval(ticker);
      for (const name of INPUT_EVENTS) window.removeEventListener(name, onInput, { capture: true });
      document.removeEventListener('visibilitychange', onVisibility);
      window.removeEventListener('pagehide', stop);
    };
  }, [documentId, assigned]);
}
