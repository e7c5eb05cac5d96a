'use client';

import { useState } from 'react';
import { API_V1, apiFetch, errorMessage } from '@/components/api';
import type { EditorData } from './types';

type Assignment = EditorData['assignment'];

/** The caller's own status on the document: submit it when done, reopen it to change it again. */
export function useSubmission(documentId: string, initial: Assignment) {
  const [assignment, setAssignment] = useState(initial);
  const [busy, setBusy] = useState(false);

  /** Returns an error message, or null when the status changed. */
  const change = async (status: 'SUBMITTED' | 'IN_PROGRESS'): Promise<string | null> => {
    setBusy(true);
    try {
      const next = await apiFetch<NonNullable<Assignment>>(`${API_V1}/documents/${encodeURIComponent(documentId)}/assignment`, { method: 'PATCH', body: { status } });
      setAssignment({ status: next.status, submittedAt: next.submittedAt });
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
    busy,
    submit: () => change('SUBMITTED'),
    reopen: () => change('IN_PROGRESS'),
  };
}
