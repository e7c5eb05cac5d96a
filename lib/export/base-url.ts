import { publicUrl } from '@/lib/http/public-url';

/**
 * Where a project's W3C annotation IRIs live: `<public URL>/projects/<id>`. The configured public
 * URL (GLOSSA_PUBLIC_URL, else NEXTAUTH_URL; a path prefix such as `/glossa` is kept) makes the ids
 * stable across exports and dereferenceable by readers. Without one, the origin the request was
 * sent to stands in; a bind-all address (0.0.0.0, ::), which is where the server listens and not
 * an address anyone can reach, is never written: `localhost` is named instead.
 */
export function projectBaseUrl(projectId: string, fallbackOrigin: string, env: Record<string, string | undefined> = process.env): string {
  const base = publicUrl(env) ?? reachable(new URL(fallbackOrigin));
  const prefix = base.pathname.replace(/\/+$/, '');
  return `${base.origin}${prefix}/projects/${encodeURIComponent(projectId)}`;
}

const BIND_ALL = new Set(['0.0.0.0', '[::]']);

function reachable(url: URL): URL {
  if (BIND_ALL.has(url.hostname)) url.hostname = 'localhost';
  return url;
}

/** The origin a request was addressed to: its Host header when it has one (the request URL may carry the bind address). */
export function requestOrigin(request: Request): string {
  const url = new URL(request.url);
  const host = request.headers.get('host');
  if (host) {
    try {
      return new URL(`${url.protocol}//${host}`).origin;
    } catch {
      // A malformed Host header names no origin; the request URL's is still one.
    }
  }
  return url.origin;
}
