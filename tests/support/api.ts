import { encode } from 'next-auth/jwt';
import { startSession } from '@/lib/auth/sessions';
import { getPrisma } from '@/lib/db/client';

/**
 * Calls the real route modules under app/api/v1 with real Request objects, the
 * way Next.js does, so tests cover the wiring as well as the handlers.
 */
export interface CallOptions {
  token?: string;
  cookie?: string;
  body?: unknown;
  rawBody?: string;
  contentType?: string;
  /** For endless streams (server-sent events): take the status and headers, then hang up. */
  hangUp?: boolean;
}

type Handler = (request: Request, context: { params: Promise<Record<string, string>> }) => Promise<Response>;

export async function routeModule(path: string): Promise<Record<string, Handler | undefined>> {
  const file = path.replace(/\{(\w+)\}/g, '[$1]');
  return import(/* @vite-ignore */ `../../app/api/v1${file}/route.ts`);
}

/** `template` uses {param} placeholders, e.g. `/projects/{id}`; `params` fills them. */
export async function call(method: string, template: string, params: Record<string, string> = {}, options: CallOptions = {}) {
  const [route = '', search = ''] = template.split('?');
  const handler = (await routeModule(route))[method];
  if (!handler) throw new Error(`No ${method} handler for ${route}`);
  const pathname = route.replace(/\{(\w+)\}/g, (_m, name: string) => encodeURIComponent(params[name]!));
  const headers = new Headers();
  if (options.token) headers.set('authorization', `Bearer ${options.token}`);
  if (options.cookie) headers.set('cookie', options.cookie);
  const body = options.rawBody ?? (options.body === undefined ? undefined : JSON.stringify(options.body));
  if (body !== undefined) headers.set('content-type', options.contentType ?? 'application/json');
  const request = new Request(`http://localhost/api/v1${pathname}${search ? `?${search}` : ''}`, { method, headers, body });
  const routeParams = Object.fromEntries(
    Object.keys(params)
      .filter((k) => template.includes(`{${k}}`))
      .map((k) => [k, params[k]!]),
  );
  const response = await handler(request, { params: Promise.resolve(routeParams) });
  if (options.hangUp && response.ok) {
    await response.body?.cancel();
    return { status: response.status, body: null, headers: response.headers };
  }
  const text = await response.text();
  return { status: response.status, body: text ? (JSON.parse(text) as any) : null, headers: response.headers };
}

/** A next-auth session cookie for `userId`, signed like the real one, with its server-side session record. */
export async function sessionCookie(userId: string): Promise<string> {
  return sessionCookieFor({ sub: userId, sid: await startSession(getPrisma(), userId) });
}

/** A signed session cookie carrying exactly `claims` (e.g. the token next-auth's jwt callback returned). */
export async function sessionCookieFor(claims: Record<string, unknown>): Promise<string> {
  const token = await encode({ token: claims, secret: process.env.NEXTAUTH_SECRET! });
  return `next-auth.session-token=${token}`;
}
