'use client';

import { useRouter } from 'next/navigation';
import { RoleBadge } from '@/components/projects/RoleBadge';
import { api } from '@/components/api';
import type * as invitations from '@/lib/api/contracts/invitations';
import { FormError } from '@/components/forms/FormError';
import { useAction } from '@/components/forms/useAction';
import type { Role } from '@/lib/generated/prisma/enums';

interface ReceivedInvitation {
  id: string;
  role: Role;
  project: { id: string; name: string };
  invitedBy: string | null;
}

/** The signed-in user's pending invitations, each accepted or declined here. */
export function InvitationList({ invitations }: { invitations: ReceivedInvitation[] }) {
  return (
    <ul className="invitation-list">
      {invitations.map((invitation) => (
        <InvitationItem key={invitation.id} invitation={invitation} />
      ))}
    </ul>
  );
}

function InvitationItem({ invitation }: { invitation: ReceivedInvitation }) {
  const router = useRouter();
  const { pending, error, run } = useAction();
  const answer = (verb: 'accept' | 'decline') =>
    run(async () => {
      const params = { id: invitation.id };
      if (verb === 'accept') await api<typeof invitations.acceptInvitation>('POST /invitations/{id}/accept', { params });
      else await api<typeof invitations.declineInvitation>('POST /invitations/{id}/decline', { params });
      if (verb === 'accept') router.push(`/projects/${invitation.project.id}`);
      router.refresh();
    });
  return (
    <li>
      <strong>{invitation.project.name}</strong> as <RoleBadge role={invitation.role} />
      {invitation.invitedBy && <span className="muted"> — invited by {invitation.invitedBy}</span>}{' '}
      <button type="button" className="button button--primary" disabled={pending} onClick={() => answer('accept')}>
        Accept<span className="visually-hidden"> the invitation to {invitation.project.name}</span>
      </button>{' '}
      <button type="button" className="button button--secondary" disabled={pending} onClick={() => answer('decline')}>
        Decline<span className="visually-hidden"> the invitation to {invitation.project.name}</span>
      </button>
      <FormError message={error} />
    </li>
  );
}
