import 'server-only';
import type { PrismaClient } from '@/lib/generated/prisma/client';
import { unauthorized } from '@/lib/http/errors';
import { sessionClaims } from '@/lib/next/session-cookie';
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

/**
 * A Bearer header is decisive: a bad or revoked token is a 401 even if a cookie is
 * also present. Sessions are next-auth JWTs, decoded directly (lib/next/session-cookie.ts) so the same code
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
