/**
 * next-auth reports failures as codes (in ?error= or in signIn()'s result). Only
 * known codes are turned into text: the query string is attacker-controlled, so
 * it is never echoed onto the page.
 */
const MESSAGES: Record<string, string> = {
  CredentialsSignin: 'The e-mail or password is incorrect.',
  OAuthSignin: 'Could not start signing in with that provider. Please try again.',
  OAuthCallback: 'The sign-in provider returned an error. Please try again.',
  OAuthCreateAccount: 'Could not create an account from the provider’s profile.',
  OAuthAccountNotLinked: 'This e-mail already belongs to an account that signs in another way. Use that method instead.',
  Callback: 'Signing in could not be completed. Please try again.',
  AccessDenied: 'Access was denied.',
  Configuration: 'Sign-in is misconfigured on this server. Ask an administrator.',
  SessionRequired: 'Please sign in to continue.',
};

export function describeSignInError(code: string): string | undefined {
  return MESSAGES[code];
}

export const GENERIC_SIGN_IN_ERROR = 'Sign-in failed. Please try again.';
