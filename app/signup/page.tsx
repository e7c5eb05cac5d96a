import type { Metadata } from 'next';
import Link from 'next/link';
import { redirect } from 'next/navigation';
import { AuthCard } from '@/components/auth/AuthCard';
import { SignUpForm } from '@/components/auth/SignUpForm';
import { currentViewer } from '@/lib/next/viewer';
import { getPrisma } from '@/lib/db/client';
import { signUpClosed } from '@/lib/users/sign-up';

export const dynamic = 'force-dynamic';
export const metadata: Metadata = { title: 'Create an account' };

export default async function SignUpPage() {
  if (await currentViewer()) redirect('/');
  // Spares people a form that cannot succeed; the API still decides.
  const closed = await signUpClosed(getPrisma());

  return (
    <AuthCard title="Create your Glossa account">
      {closed ? <p>Sign-up is closed on this instance. Ask an administrator to create an account for you.</p> : <SignUpForm />}
      <p>
        Already have an account? <Link href="/signin">Sign in</Link>
      </p>
    </AuthCard>
  );
}
