'use client';

import { useRouter } from 'next/navigation';
import { useState } from 'react';
import { api } from '@/components/api';
import type * as invitations from '@/lib/api/contracts/invitations';
import { Field } from '@/components/forms/Field';
import { FormError } from '@/components/forms/FormError';
import { FormStatus } from '@/components/forms/FormStatus';
import { readText } from '@/components/forms/form-data';
import { SubmitButton } from '@/components/forms/SubmitButton';
import { useAction } from '@/components/forms/useAction';
import type { Role } from '@/lib/generated/prisma/enums';
import { RoleSelect } from './RoleSelect';

export function InviteMemberForm({ projectId, roles }: { projectId: string; roles: readonly Role[] }) {
  const router = useRouter();
  const { pending, error, submitWith } = useAction();
  const [invited, setInvited] = useState<string | null>(null);

  const onSubmit = submitWith(async (data, form) => {
    setInvited(null);
    const email = readText(data, 'email');
    await api<typeof invitations.invite>('POST /projects/{id}/invitations', {
      params: { id: projectId },
      body: { email, role: readText(data, 'role') as Role },
    });
    form.reset();
    setInvited(`Invited ${email}. Tell them: they accept on their Glossa home page, after signing in or up with this address.`);
    router.refresh();
  });

  return (
    <form className="form form--row" onSubmit={onSubmit}>
      <Field label="E-mail" hint="They join when they accept; Glossa sends no e-mail.">
        {(control) => <input {...control} name="email" type="email" autoComplete="off" required maxLength={320} />}
      </Field>
      <Field label="Role">{(control) => <RoleSelect {...control} name="role" roles={roles} defaultValue="ANNOTATOR" />}</Field>
      <SubmitButton pending={pending} pendingLabel="Inviting…">
        Invite
      </SubmitButton>
      <FormError message={error} />
      <FormStatus message={invited} />
    </form>
  );
}
