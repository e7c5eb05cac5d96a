import type { Metadata } from 'next';
import Link from 'next/link';
import { redirect } from 'next/navigation';
import { AuthCard } from '@/components/auth/AuthCard';
import { safeCallbackUrl } from '@/lib/auth/callback-url';
import { OAuthButtons } from '@/components/auth/OAuthButtons';
import { enabledOAuthProviders } from '@/lib/auth/providers';
import { describeSignInError, GENERIC_SIGN_IN_ERROR } from '@/components/auth/sign-in-errors';
import { SignInForm } from '@/components/auth/SignInForm';
import { currentViewer } from '@/lib/next/viewer';

// Reads the session and the OAuth environment of the running server, not the build's.
export const dynamic = 'force-dynamic';
export const metadata: Metadata = { title: 'Sign in' };

type SearchParams = Promise<Record<string, string | string[] | undefined>>;

export default async function SignInPage({ searchParams }: { searchParams: SearchParams }) {
  const params = await searchParams;
  const callbackUrl = safeCallbackUrl(params.callbackUrl);
  if (await currentViewer()) redirect(callbackUrl);
  // next-auth sends failed OAuth attempts back here with ?error=<code>.
  const code = typeof params.error === 'string' ? params.error : null;
  const initialError = code ? (describeSignInError(code) ?? GENERIC_SIGN_IN_ERROR) : null;

  return (
    <AuthCard title="Sign in to Glossa">
      <SignInForm callbackUrl={callbackUrl} initialError={initialError} />
      <OAuthButtons providers={enabledOAuthProviders()} callbackUrl={callbackUrl} />
      <p>
        New to Glossa? <Link href="/signup">Create an account</Link>
      </p>
      <p className="note">
        First time on a fresh install? <code>npm start</code> prints the demo account’s e-mail and password once, in its terminal output.
      </p>
    </AuthCard>
  );
}
