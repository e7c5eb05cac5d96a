'use client';

import { useRouter } from 'next/navigation';
import { useState } from 'react';
import { CheckboxField } from '@/components/forms/CheckboxField';
import { Field } from '@/components/forms/Field';
import { FormError } from '@/components/forms/FormError';
import { FormStatus } from '@/components/forms/FormStatus';
import { readChecked, readInteger } from '@/components/forms/form-data';
import { SubmitButton } from '@/components/forms/SubmitButton';
import { useAction } from '@/components/forms/useAction';
import { api } from '@/components/api';
import { describeAutoAccept } from '@/components/review/accept-summary';
import type * as review from '@/lib/api/contracts/review';

interface AcceptThresholdFormProps {
  projectId: string;
  /** Limits the action to one document (its review view); the whole project otherwise. */
  documentId?: string;
  /** n: the most annotators that can agree on anything in scope. */
  annotators: number;
  defaultAgreement: number;
}

/** "Accept everything at least k of n annotators agree on", for a document or the whole project. */
export function AcceptThresholdForm({ projectId, documentId, annotators, defaultAgreement }: AcceptThresholdFormProps) {
  const router = useRouter();
  const { pending, error, submitWith } = useAction();
  const [result, setResult] = useState<string | null>(null);

  const onSubmit = submitWith(async (data) => {
    setResult(null);
    const minAgreement = readInteger(data, 'minAgreement');
    const body = documentId ? { minAgreement, documentIds: [documentId] } : { minAgreement, finish: readChecked(data, 'finish') };
    setResult(describeAutoAccept(await api<typeof review.autoAcceptGold>('POST /projects/{id}/gold/auto', { params: { id: projectId }, body })));
    router.refresh();
  });

  return (
    <form className="form form--row" onSubmit={onSubmit}>
      <Field label={`At least k of ${annotators} agreeing`} hint="k = how many annotators must have proposed an item.">
        {(control) => <input {...control} name="minAgreement" type="number" min={1} max={Math.max(1, annotators)} defaultValue={defaultAgreement} required />}
      </Field>
      {!documentId && <CheckboxField name="finish" label="Also mark those documents finished" />}
      <SubmitButton pending={pending} pendingLabel="Accepting…" variant="secondary">
        Accept everything with at least k agreeing
      </SubmitButton>
      <FormError message={error} />
      <FormStatus message={result} />
    </form>
  );
}
