import type { Metadata } from 'next';
import Link from 'next/link';
import { ChangePasswordForm } from '@/components/auth/ChangePasswordForm';
import { SignOutEverywhereButton } from '@/components/auth/SignOutEverywhereButton';
import { PageHeader } from '@/components/ui/PageHeader';
import { requirePageCaller } from '@/lib/next/page-access';
import { getPrisma } from '@/lib/db/client';
import { getAccount } from '@/lib/users/store';

export const dynamic = 'force-dynamic';
export const metadata: Metadata = { title: 'Account' };

export default async function AccountPage() {
  const caller = await requirePageCaller();
  const account = await getAccount(getPrisma(), caller.userId);

  return (
    <>
      <PageHeader title="Account" lead={`Signed in as ${account.name} (${account.email}).`} />
      {account.hasPassword && (
        <section aria-labelledby="password-heading" className="panel">
          <h2 id="password-heading">Change password</h2>
          <p>Every other browser signed in to this account is signed out.</p>
          <ChangePasswordForm />
        </section>
      )}
      <section aria-labelledby="sessions-heading" className="panel">
        <h2 id="sessions-heading">Sessions</h2>
        <p>
          Lost a device, or signed in on a shared computer? End every session of this account. <Link href="/settings/tokens">API tokens</Link> are revoked
          separately.
        </p>
        <SignOutEverywhereButton />
      </section>
    </>
  );
}
