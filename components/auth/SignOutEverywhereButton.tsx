'use client';

import { api } from '@/components/api';
import type * as account from '@/lib/api/contracts/account';
import { FormError } from '@/components/forms/FormError';
import { useAction } from '@/components/forms/useAction';

/** Ends every session of the account, this one included, then goes to the sign-in page. */
export function SignOutEverywhereButton() {
  const { pending, error, run } = useAction();

  function handleClick() {
    if (!window.confirm('Sign out on every browser and device, including this one? API tokens keep working.')) return;
    run(async () => {
      await api<typeof account.revokeAllSessions>('POST /sessions/revoke-all');
      window.location.assign('/signin');
    });
  }

  return (
    <div className="inline-form">
      <button type="button" className="button button--danger-quiet" onClick={handleClick} disabled={pending} aria-busy={pending}>
        Sign out everywhere
      </button>
      <FormError message={error} />
    </div>
  );
}
