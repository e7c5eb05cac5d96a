import 'server-only';

/**
 * Which OAuth/OIDC sign-in providers are switched on: by environment variables
 * only. Both the next-auth configuration and the sign-in page read this list.
 */
interface OAuthProviderInfo {
  id: 'github' | 'oidc';
  name: string;
}

export function enabledOAuthProviders(env: NodeJS.ProcessEnv = process.env): OAuthProviderInfo[] {
  const providers: OAuthProviderInfo[] = [];
  if (env.GITHUB_ID && env.GITHUB_SECRET) providers.push({ id: 'github', name: 'GitHub' });
  if (env.OIDC_ISSUER && env.OIDC_CLIENT_ID && env.OIDC_CLIENT_SECRET) {
    providers.push({ id: 'oidc', name: env.OIDC_NAME ?? 'Institution sign-in' });
  }
  return providers;
}
