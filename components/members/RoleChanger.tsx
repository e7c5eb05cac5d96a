'use client';

import { useRouter } from 'next/navigation';
import { useId, useState } from 'react';
import { api } from '@/components/api';
import type * as members from '@/lib/api/contracts/members';
import { FormError } from '@/components/forms/FormError';
import { SubmitButton } from '@/components/forms/SubmitButton';
import { useAction } from '@/components/forms/useAction';
import type { Role } from '@/lib/generated/prisma/enums';
import { RoleSelect } from './RoleSelect';

interface RoleChangerProps {
  projectId: string;
  member: { userId: string; name: string; role: Role };
  roles: readonly Role[];
}

/**
 * A select plus an explicit button rather than saving on change: some browsers
 * fire a change for every arrow key press on a closed select.
 */
export function RoleChanger({ projectId, member, roles }: RoleChangerProps) {
  const router = useRouter();
  const id = useId();
  const [role, setRole] = useState<Role>(member.role);
  const { pending, error, submitWith } = useAction();

  const onSubmit = submitWith(async () => {
    await api<typeof members.updateMember>('PATCH /projects/{id}/members/{userId}', { params: { id: projectId, userId: member.userId }, body: { role } });
    router.refresh();
  });

  return (
    <form className="inline-form" onSubmit={onSubmit}>
      <label htmlFor={id} className="visually-hidden">
        Role of {member.name}
      </label>
      <RoleSelect id={id} roles={roles} value={role} onChange={(event) => setRole(event.target.value as Role)} />
      <SubmitButton pending={pending} pendingLabel="Saving…" variant="secondary" disabled={role === member.role}>
        Change
      </SubmitButton>
      <FormError message={error} />
    </form>
  );
}
