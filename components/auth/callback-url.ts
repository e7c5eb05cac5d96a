/**
 * Where to go after signing in. Only same-site paths are accepted, so a crafted
 * link cannot bounce a freshly signed-in user to another site.
 */
export function safeCallbackUrl(value: string | string[] | undefined): string {
  if (typeof value !== 'string' || !value.startsWith('/') || value.startsWith('//') || value.startsWith('/\\')) return '/';
  return value;
}
