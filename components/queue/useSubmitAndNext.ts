'use client';

import { useRouter } from 'next/navigation';
import { api, errorMessage } from '@/components/api';
import type * as contract from '@/lib/api/contracts/assignment';
import type { Notice } from '@/components/editor/types';

/**
 * Submits the document, then opens the caller's next unsubmitted document; with none left the
 * status line says the queue is done. `submit` answers an error message or null.
 */
export function useSubmitAndNext(projectId: string, submit: () => Promise<string | null>, notify: (notice: Notice) => void) {
  const router = useRouter();
  return async () => {
    const error = await submit();
    if (error) return notify({ tone: 'error', text: error });
    try {
      const next = await api<typeof contract.nextDocument>('GET /projects/{id}/queue/next', { params: { id: projectId } });
      if (next) router.push(`/projects/${projectId}/documents/${next.documentId}`);
      else notify({ tone: 'info', text: 'Submitted. Nothing is left to submit in your queue.' });
    } catch (caught) {
      notify({ tone: 'error', text: `Submitted, but the next document could not be found: ${errorMessage(caught)}` });
    }
  };
}
