import { decode } from 'next-auth/jwt';
import type { PrismaClient } from '@/lib/generated/prisma/client';
import { unauthorized } from '@/lib/http/errors';
import { userForToken } from './api-tokens';
import { hashSessionId, liveSession, touchSession } from './sessions';

/** Who is making a request: a signed-in user (session cookie) or an API token's owner. */
export interface Caller {
  userId: string;
  isAdmin: boolean;
  via: 'session' | 'token';
  /** For session callers: the SHA-256 of the session id, so "revoke the others" can keep this one. */
  sessionHash?: string;
}

const SESSION_COOKIES = ['__Secure-next-auth.session-token', 'next-auth.session-token'];

/**
 * A Bearer header is decisive: a bad or revoked token is a 401 even if a cookie is
 * also present. Sessions are next-auth JWTs, decoded here directly so the same code
 * serves route handlers, server components and tests with plain Request objects.
 */
export async function resolveCaller(db: PrismaClient, headers: Headers): Promise<Caller | null> {
  const authorization = headers.get('authorization');
  if (authorization) {
    const match = /^Bearer\s+(\S+)$/i.exec(authorization.trim());
    if (!match) throw unauthorized('Malformed Authorization header: expected "Bearer <token>".');
    const user = await userForToken(db, match[1]!);
    if (!user) throw unauthorized('The API token is invalid, expired or revoked.');
    return { userId: user.id, isAdmin: user.isAdmin, via: 'token' };
  }
  const session = await sessionClaims(headers.get('cookie'));
  if (!session) return null;
  // One round trip per request: the session record and its user, both still valid.
  const row = await liveSession(db, session.sub, session.sid);
  if (!row) return null;
  if (row.stale) await touchSession(db, session.sid);
  return { userId: session.sub, isAdmin: row.isAdmin, via: 'session', sessionHash: hashSessionId(session.sid) };
}

/** The user and session ids of a valid session JWT; JWTs without a session id (made before sessions were recorded) count as none. */
async function sessionClaims(cookieHeader: string | null): Promise<{ sub: string; sid: string } | null> {
  const secret = process.env.NEXTAUTH_SECRET;
  if (!cookieHeader || !secret) return null;
  const cookies = parseCookies(cookieHeader);
  for (const name of SESSION_COOKIES) {
    // next-auth splits large JWTs into name.0, name.1, …
    const token = cookies.get(name) ?? joinChunks(cookies, name);
    if (!token) continue;
    try {
      const payload = await decode({ token, secret });
      if (payload && typeof payload.sub === 'string' && typeof payload.sid === 'string') return { sub: payload.sub, sid: payload.sid };
    } catch {
      return null;
    }
  }
  return null;
}

function parseCookies(header: string): Map<string, string> {
  const cookies = new Map<string, string>();
  for (const part of header.split(';')) {
    const index = part.indexOf('=');
    if (index > 0) cookies.set(part.slice(0, index).trim(), decodeURIComponent(part.slice(index + 1).trim()));
  }
  return cookies;
}

function joinChunks(cookies: Map<string, string>, name: string): string | undefined {
  const chunks: string[] = [];
  for (let i = 0; cookies.has(`${name}.${i}`); i++) chunks.push(cookies.get(`${name}.${i}`)!);
  return chunks.length > 0 ? chunks.join('') : undefined;
}
