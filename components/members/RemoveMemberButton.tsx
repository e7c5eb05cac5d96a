'use client';

import { useRouter } from 'next/navigation';
import { api } from '@/components/api';
import type * as members from '@/lib/api/contracts/members';
import { FormError } from '@/components/forms/FormError';
import { useAction } from '@/components/forms/useAction';

interface RemoveMemberButtonProps {
  projectId: string;
  member: { userId: string; name: string };
  isSelf: boolean;
}

export function RemoveMemberButton({ projectId, member, isSelf }: RemoveMemberButtonProps) {
  const router = useRouter();
  const { pending, error, run } = useAction();

  function handleClick() {
    const question = isSelf
      ? 'Leave this project? You will lose access to it; your annotations stay.'
      : `Remove ${member.name} from this project? Their annotations stay.`;
    if (!window.confirm(question)) return;
    run(async () => {
      await api<typeof members.removeMember>('DELETE /projects/{id}/members/{userId}', { params: { id: projectId, userId: member.userId } });
      // Having left, the project page would only say "not found".
      if (isSelf) router.push('/');
      router.refresh();
    });
  }

  return (
    <div className="inline-form">
      <button type="button" className="button button--danger-quiet" onClick={handleClick} disabled={pending} aria-busy={pending}>
        {isSelf ? 'Leave' : 'Remove'}
        <span className="visually-hidden"> {member.name}</span>
      </button>
      <FormError message={error} />
    </div>
  );
}
