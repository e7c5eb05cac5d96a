'use client';

import { useRouter } from 'next/navigation';
import { useState } from 'react';
import { FormError } from '@/components/forms/FormError';
import { FormStatus } from '@/components/forms/FormStatus';
import { useAction } from '@/components/forms/useAction';
import { api } from '@/components/api';
import type * as review from '@/lib/api/contracts/review';

/** Marks the document's gold finished, or reopens it; the API refuses (409) while nobody has submitted. */
export function FinishToggle({ documentId, finished }: { documentId: string; finished: boolean }) {
  const router = useRouter();
  const { pending, error, run } = useAction();
  const [result, setResult] = useState<string | null>(null);

  const onClick = () => {
    setResult(null);
    run(async () => {
      await api<typeof review.finishReview>('PATCH /documents/{id}/review', { params: { id: documentId }, body: { adjudicated: !finished } });
      setResult(finished ? 'Reopened for review.' : 'Marked finished.');
      router.refresh();
    });
  };

  return (
    <div className="inline-form">
      <button type="button" className={`button ${finished ? 'button--secondary' : 'button--primary'}`} onClick={onClick} disabled={pending} aria-busy={pending}>
        {finished ? 'Reopen' : 'Mark finished'}
      </button>
      <FormError message={error} />
      <FormStatus message={result} />
    </div>
  );
}
