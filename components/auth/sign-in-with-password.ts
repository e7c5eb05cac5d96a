import { signIn } from 'next-auth/react';
import { describeSignInError, GENERIC_SIGN_IN_ERROR } from './sign-in-errors';

/**
 * Credentials sign-in without next-auth's own redirect: its redirect URL is built
 * from NEXTAUTH_URL, which may not match the address the user is on. Throws with
 * the text to show; our server's own messages (wrong password, rate limit) pass through.
 */
export async function signInWithPassword(email: string, password: string): Promise<void> {
  const result = await signIn('credentials', { email, password, redirect: false });
  if (!result) throw new Error(GENERIC_SIGN_IN_ERROR);
  if (result.error) throw new Error(describeSignInError(result.error) ?? result.error);
}
