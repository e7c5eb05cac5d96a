'use client';

import { useRouter } from 'next/navigation';
import { useState } from 'react';
import { FormError } from '@/components/forms/FormError';
import { FormStatus } from '@/components/forms/FormStatus';
import { useAction } from '@/components/forms/useAction';
import { api } from '@/components/api';
import { describeAutoAccept } from '@/components/review/accept-summary';
import type * as review from '@/lib/api/contracts/review';

/** Preset: documents where every submitted annotator produced the same work need no curator; take them as gold and close them. */
export function FinishAgreedButton({ projectId }: { projectId: string }) {
  const router = useRouter();
  const { pending, error, run } = useAction();
  const [result, setResult] = useState<string | null>(null);

  const onClick = () => {
    if (!window.confirm('Accept into gold and mark finished every document on which all its annotators fully agree?')) return;
    setResult(null);
    run(async () => {
      setResult(
        describeAutoAccept(
          await api<typeof review.autoAcceptGold>('POST /projects/{id}/gold/auto', {
            params: { id: projectId },
            body: { minAgreement: 2, onlyFullAgreement: true, finish: true },
          }),
        ),
      );
      router.refresh();
    });
  };

  return (
    <div className="stack">
      <p className="field__hint">
        For documents with two or more submissions where everyone marked exactly the same spans, relations and answers: accept that work into gold and mark the
        document finished. Documents with any difference are left for review.
      </p>
      <div>
        <button type="button" className="button button--primary" onClick={onClick} disabled={pending} aria-busy={pending}>
          {pending ? 'Finishing…' : 'Finish all documents where annotators fully agree'}
        </button>
      </div>
      <FormError message={error} />
      <FormStatus message={result} />
    </div>
  );
}
