'use client';

import Link from 'next/link';
import { useEffect, useState } from 'react';
import { api } from '@/components/api';
import type * as contract from '@/lib/api/contracts/assignment';
import type { QueuePlace } from '@/lib/assignments/queue';
import { ASSIGNMENT_CHANGED } from './events';

/** The caller's queue around this document: previous and next, and how many are still to do. */
export function QueueNav({ projectId, documentId, initial }: { projectId: string; documentId: string; initial: QueuePlace }) {
  const [place, setPlace] = useState(initial);

  // Read again when the caller submits or reopens: the count of what is left changes.
  useEffect(() => {
    let current = true;
    const load = () =>
      api<typeof contract.queuePlace>('GET /documents/{id}/queue', { params: { id: documentId } })
        .then((next) => current && setPlace(next))
        // The queue is a convenience: the editor works without it.
        .catch(() => undefined);
    window.addEventListener(ASSIGNMENT_CHANGED, load);
    return () => {
      current = false;
      window.removeEventListener(ASSIGNMENT_CHANGED, load);
    };
  }, [documentId]);

  if (place.total === 0) return null;
  const href = (id: string) => `/projects/${projectId}/documents/${id}`;
  return (
    <nav aria-label="Your queue" className="queue-nav">
      {place.previous ? (
        <Link href={href(place.previous.documentId)} rel="prev">
          ← Previous<span className="visually-hidden">: {place.previous.name}</span>
        </Link>
      ) : (
        <span className="muted">← Previous</span>
      )}
      <span>
        {place.position !== null && `Document ${place.position} of ${place.total} in your queue · `}
        {place.remaining === 0 ? 'all submitted' : `${place.remaining} left to submit`}
      </span>
      {place.next ? (
        <Link href={href(place.next.documentId)} rel="next">
          Next<span className="visually-hidden">: {place.next.name}</span> →
        </Link>
      ) : (
        <span className="muted">Next →</span>
      )}
    </nav>
  );
}
