'use client';

import { useCallback, useEffect, useState } from 'react';
import { api, errorMessage } from '@/components/api';
import type * as contracts from '@/lib/api/contracts/comments';
import type { ResponseOf } from '@/lib/api/client';

export type Comment = ResponseOf<typeof contracts.listComments>['items'][number];

/** A document's thread as the caller may read it (the server applies blind mode), and the changes they may make to it. */
export function useComments(documentId: string) {
  const [comments, setComments] = useState<Comment[] | null>(null);
  const [error, setError] = useState<string | null>(null);

  const reload = useCallback(async () => {
    try {
      const answer = await api<typeof contracts.listComments>('GET /documents/{id}/comments', { params: { id: documentId } });
      setComments(answer.items);
      setError(null);
    } catch (caught) {
      setError(errorMessage(caught));
    }
  }, [documentId]);

  useEffect(() => {
    void reload();
  }, [reload]);

  /** Runs a change, then shows the thread as the server has it; answers whether it worked. */
  const change = async (run: () => Promise<unknown>): Promise<boolean> => {
    try {
      await run();
      await reload();
      return true;
    } catch (caught) {
      setError(errorMessage(caught));
      return false;
    }
  };

  return {
    comments,
    error,
    post: (body: string) => change(() => api<typeof contracts.createComment>('POST /documents/{id}/comments', { params: { id: documentId }, body: { body } })),
    edit: (id: string, body: string) => change(() => api<typeof contracts.updateComment>('PATCH /comments/{id}', { params: { id }, body: { body } })),
    remove: (id: string) => change(() => api<typeof contracts.deleteComment>('DELETE /comments/{id}', { params: { id } })),
  };
}
