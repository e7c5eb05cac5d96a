import { HttpError } from '@/lib/http/errors';

/**
 * The operator's allow-list of outbound hosts (GLOSSA_RECOMMENDER_HOSTS, comma-separated
 * host[:port]). A URL field on a server lets whoever fills it make the server send requests
 * (request forgery: cloud metadata, internal admin pages), so when the list is set, only those
 * hosts are accepted on create/update and again at run time (the list may have changed since).
 * An entry without a port allows every port of that host.
 */
/** process.env, or a test's own variables. */
export type Environment = Readonly<Record<string, string | undefined>>;

export function allowedHosts(env: Environment = process.env): string[] | null {
  const raw = env.GLOSSA_RECOMMENDER_HOSTS?.trim();
  if (!raw) return null;
  return raw
    .split(',')
    .map((h) => h.trim().toLowerCase())
    .filter((h) => h !== '');
}

/** Why `url` may not be called, or null when it may. */
export function hostRefusal(url: string, env: Environment = process.env): string | null {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return `${url} is not a URL.`;
  }
  if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') return `${url} is not an http(s) URL.`;
  const allowed = allowedHosts(env);
  if (!allowed) return null;
  const host = parsed.hostname.toLowerCase();
  const port = parsed.port || (parsed.protocol === 'https:' ? '443' : '80');
  if (allowed.includes(host) || allowed.includes(`${host}:${port}`)) return null;
  return `${parsed.host} is not in GLOSSA_RECOMMENDER_HOSTS (${allowed.join(', ')}); the operator decides which hosts recommenders may call.`;
}

/** For create/update: a 422 naming the field. */
export function assertHostAllowed(url: string, field: string, env: Environment = process.env): void {
  const refusal = hostRefusal(url, env);
  if (refusal) throw new HttpError(422, 'host_not_allowed', `${field}: ${refusal}`, [{ path: field, message: refusal }]);
}
