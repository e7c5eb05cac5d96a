import { crossOriginForbidden } from './errors';
import { publicUrl } from './public-url';

/**
 * Cross-site request forgery guard for every state-changing route. The rules are those of Go's
 * `http.CrossOriginProtection` (Filippo Valsorda, 2025), which need no token:
 *
 * - GET, HEAD and OPTIONS change nothing and always pass.
 * - A request with an `Authorization` header passes: browsers cannot attach one cross-origin
 *   without a CORS preflight, which Glossa never grants, so a forged request carries cookies only.
 * - `Sec-Fetch-Site` is set by every current browser and cannot be forged by a page: `same-origin`
 *   (our own pages) and `none` (typed by the user) pass, `same-site` (a sibling subdomain or
 *   another port) and `cross-site` are refused.
 * - Without it, `Origin` decides: it must be the configured public URL's origin (GLOSSA_PUBLIC_URL,
 *   else NEXTAUTH_URL), or, when none is configured, carry the request's own `Host`. `Origin: null`
 *   (sandboxed frames, some redirects) is refused.
 * - A request with neither header is not from a browser (curl, scripts): it passes, because a
 *   forger needs the victim's browser to send the victim's cookie, and browsers send Origin.
 */

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

export interface RequestFacts {
  method: string;
  authorization: boolean;
  secFetchSite: string | null;
  origin: string | null;
  host: string | null;
}

type OriginVerdict = { allowed: true } | { allowed: false; reason: string };

export function originVerdict(request: RequestFacts, ownOrigin: URL | null): OriginVerdict {
  if (SAFE_METHODS.has(request.method.toUpperCase()) || request.authorization) return { allowed: true };
  const site = request.secFetchSite?.trim().toLowerCase();
  if (site) {
    return site === 'same-origin' || site === 'none' ? { allowed: true } : { allowed: false, reason: `Sec-Fetch-Site: ${site}` };
  }
  if (request.origin === null) return { allowed: true };
  if (request.origin === 'null') return { allowed: false, reason: 'Origin: null' };
  let origin: URL;
  try {
    origin = new URL(request.origin);
  } catch {
    return { allowed: false, reason: `Origin: ${request.origin}` };
  }
  const own = ownOrigin ? origin.origin === ownOrigin.origin : request.host !== null && origin.host === request.host.toLowerCase();
  return own ? { allowed: true } : { allowed: false, reason: `Origin: ${origin.origin}` };
}

function requestFacts(request: Request): RequestFacts {
  const headers = request.headers;
  return {
    method: request.method,
    authorization: headers.has('authorization'),
    secFetchSite: headers.get('sec-fetch-site'),
    origin: headers.get('origin'),
    host: headers.get('host'),
  };
}

/** Throws 403 `cross_origin_forbidden` for a state-changing request another site made the browser send. */
export function assertSameOrigin(request: Request): void {
  const verdict = originVerdict(requestFacts(request), publicUrl());
  if (verdict.allowed) return;
  throw crossOriginForbidden(
    `Refused a state-changing request sent from another site (${verdict.reason}). Use Glossa's own ` +
      `pages, or an API token (Authorization: Bearer …) from scripts.`,
    { reason: verdict.reason },
  );
}
