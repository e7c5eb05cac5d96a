'use client';

import { useRouter } from 'next/navigation';
import { api } from '@/components/api';
import type * as tokens from '@/lib/api/contracts/tokens';
import { FormError } from '@/components/forms/FormError';
import { useAction } from '@/components/forms/useAction';

export function RevokeTokenButton({ token }: { token: { id: string; name: string } }) {
  const router = useRouter();
  const { pending, error, run } = useAction();

  function handleClick() {
    if (!window.confirm(`Revoke the token “${token.name}”? Scripts using it stop working at once.`)) return;
    run(async () => {
      await api<typeof tokens.revokeToken>('DELETE /tokens/{id}', { params: { id: token.id } });
      router.refresh();
    });
  }

  return (
    <div className="inline-form">
      <button type="button" className="button button--danger-quiet" onClick={handleClick} disabled={pending} aria-busy={pending}>
        Revoke<span className="visually-hidden"> {token.name}</span>
      </button>
      <FormError message={error} />
    </div>
  );
}
