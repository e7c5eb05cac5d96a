'use client';

import { useRouter } from 'next/navigation';
import { useState } from 'react';
import { api } from '@/components/api';
import type * as projects from '@/lib/api/contracts/projects';
import { Field } from '@/components/forms/Field';
import { FormError } from '@/components/forms/FormError';
import { SubmitButton } from '@/components/forms/SubmitButton';
import { useAction } from '@/components/forms/useAction';

/** Deleting is permanent and takes every document and annotation along, hence typing the name. */
export function DeleteProjectForm({ project }: { project: { id: string; name: string } }) {
  const router = useRouter();
  const { pending, error, submitWith } = useAction();
  const [typed, setTyped] = useState('');

  const onSubmit = submitWith(async () => {
    await api<typeof projects.deleteProject>('DELETE /projects/{id}', { params: { id: project.id } });
    router.push('/');
    router.refresh();
  });

  return (
    <form className="form" onSubmit={onSubmit}>
      <Field label={`Type the project name “${project.name}” to confirm`}>
        {(control) => <input {...control} value={typed} onChange={(event) => setTyped(event.target.value)} autoComplete="off" spellCheck={false} />}
      </Field>
      <FormError message={error} />
      <SubmitButton pending={pending} pendingLabel="Deleting…" variant="danger" disabled={typed !== project.name}>
        Delete this project
      </SubmitButton>
    </form>
  );
}
