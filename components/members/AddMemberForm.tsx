'use client';

import { useRouter } from 'next/navigation';
import { useState } from 'react';
import { API_V1, apiFetch } from '@/components/api';
import { Field } from '@/components/forms/Field';
import { FormError } from '@/components/forms/FormError';
import { FormStatus } from '@/components/forms/FormStatus';
import { readText } from '@/components/forms/form-data';
import { SubmitButton } from '@/components/forms/SubmitButton';
import { useAction } from '@/components/forms/useAction';
import type { Role } from '@/lib/generated/prisma/enums';
import { RoleSelect } from './RoleSelect';

export function AddMemberForm({ projectId, roles }: { projectId: string; roles: readonly Role[] }) {
  const router = useRouter();
  const { pending, error, submitWith } = useAction();
  const [added, setAdded] = useState<string | null>(null);

  const onSubmit = submitWith(async (data, form) => {
    setAdded(null);
    const email = readText(data, 'email');
    await apiFetch(`${API_V1}/projects/${projectId}/members`, { method: 'POST', body: { email, role: readText(data, 'role') } });
    form.reset();
    setAdded(`Added ${email}.`);
    router.refresh();
  });

  return (
    <form className="form form--row" onSubmit={onSubmit}>
      <Field label="E-mail" hint="They need a Glossa account already.">
        {(control) => <input {...control} name="email" type="email" autoComplete="off" required />}
      </Field>
      <Field label="Role">{(control) => <RoleSelect {...control} name="role" roles={roles} defaultValue="ANNOTATOR" />}</Field>
      <SubmitButton pending={pending} pendingLabel="Adding…">
        Add member
      </SubmitButton>
      <FormError message={error} />
      <FormStatus message={added} />
    </form>
  );
}
