'use client';

import { useRouter } from 'next/navigation';
import { RoleBadge } from '@/components/projects/RoleBadge';
import { api } from '@/components/api';
import type * as invitations from '@/lib/api/contracts/invitations';
import { FormError } from '@/components/forms/FormError';
import { useAction } from '@/components/forms/useAction';
import type { Role } from '@/lib/generated/prisma/enums';

interface PendingInvitation {
  id: string;
  email: string;
  role: Role;
  expiresAt: Date;
}

/** A project's invitations not yet answered, for its owners and managers. */
export function PendingInvitations({ projectId, invitations }: { projectId: string; invitations: PendingInvitation[] }) {
  if (invitations.length === 0) return <p className="muted">No pending invitations.</p>;
  return (
    <ul className="invitation-list">
      {invitations.map((invitation) => (
        <li key={invitation.id}>
          {invitation.email} <RoleBadge role={invitation.role} /> <span className="muted">until {invitation.expiresAt.toISOString().slice(0, 10)}</span>{' '}
          <WithdrawButton projectId={projectId} invitation={invitation} />
        </li>
      ))}
    </ul>
  );
}

function WithdrawButton({ projectId, invitation }: { projectId: string; invitation: PendingInvitation }) {
  const router = useRouter();
  const { pending, error, run } = useAction();
  return (
    <span className="inline-form">
      <button
        type="button"
        className="button button--danger-quiet"
        disabled={pending}
        aria-busy={pending}
        onClick={() =>
          run(async () => {
            await api<typeof invitations.cancelInvitation>('DELETE /projects/{id}/invitations/{invitationId}', {
              params: { id: projectId, invitationId: invitation.id },
            });
            router.refresh();
          })
        }
      >
        Withdraw<span className="visually-hidden"> the invitation of {invitation.email}</span>
      </button>
      <FormError message={error} />
    </span>
  );
}
