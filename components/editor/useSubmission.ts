'use client';

import { useState } from 'react';
import { api, errorMessage } from '@/components/api';
import { ASSIGNMENT_CHANGED } from '@/components/queue/events';
import type * as contract from '@/lib/api/contracts/assignment';
import type { EditorData } from './types';

type Assignment = EditorData['assignment'];

/**
 * The caller's own status on the document: submit it when done, reopen it to change it again
 * (the server says whether they still may: not once gold was shown to them).
 */
export function useSubmission(documentId: string, initial: Assignment) {
  const [assignment, setAssignment] = useState(initial);
  const [busy, setBusy] = useState(false);
  const params = { id: documentId };
  const keep = (next: NonNullable<Assignment> | null) =>
    setAssignment(next && { status: next.status, submittedAt: next.submittedAt, mayReopen: next.mayReopen });

  /** Returns an error message, or null when the status changed. */
  const change = async (status: 'SUBMITTED' | 'IN_PROGRESS'): Promise<string | null> => {
    setBusy(true);
    try {
      keep(await api<typeof contract.updateOwnAssignment>('PATCH /documents/{id}/assignment', { params, body: { status } }));
      window.dispatchEvent(new Event(ASSIGNMENT_CHANGED));
      return null;
    } catch (error) {
      return errorMessage(error);
    } finally {
      setBusy(false);
    }
  };

  return {
    submitted: assignment?.status === 'SUBMITTED',
    submittedAt: assignment?.submittedAt ?? null,
    mayReopen: assignment?.mayReopen ?? false,
    busy,
    submit: () => change('SUBMITTED'),
    reopen: () => change('IN_PROGRESS'),
    /** Reads the status again, e.g. after gold was shown (which can take the right to reopen away). */
    refresh: async () => keep(await api<typeof contract.readOwnAssignment>('GET /documents/{id}/assignment', { params })),
  };
}
