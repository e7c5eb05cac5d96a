import 'server-only';
import { createHash, randomBytes } from 'node:crypto';
import type { DbClient } from '@/lib/db/client';

/**
 * Server-side records of browser sessions. The session JWT carries a random id
 * (`sid`); the database keeps only its SHA-256, so a leaked table opens no session.
 * Every request checks the record (lib/auth/caller.ts), which is what makes signing
 * out, "sign out everywhere", a password reset and disabling an account take effect
 * at once instead of when the 30-day JWT expires.
 */
export function hashSessionId(sessionId: string): string {
  return createHash('sha256').update(sessionId).digest('hex');
}

/** A session unused this long ends (lib/auth/caller.ts refuses it), like the JWT's own 30-day lifetime. */
const SESSION_IDLE_DAYS = 30;

/**
 * Records a new session for `userId` and returns its id, to be put into the JWT.
 * The user's ended sessions (revoked, or idle past SESSION_IDLE_DAYS) are deleted
 * here, so the table holds about one row per live session.
 */
export async function startSession(db: DbClient, userId: string): Promise<string> {
  const idleSince = new Date(Date.now() - SESSION_IDLE_DAYS * 24 * 3600_000);
  await db.authSession.deleteMany({ where: { userId, OR: [{ revokedAt: { not: null } }, { lastSeenAt: { lt: idleSince } }] } });
  const sessionId = randomBytes(32).toString('base64url');
  await db.authSession.create({ data: { idHash: hashSessionId(sessionId), userId } });
  return sessionId;
}

/** Revokes one session (sign-out); unknown or already revoked ids change nothing. */
export async function revokeSession(db: DbClient, sessionId: string): Promise<void> {
  await db.authSession.updateMany({ where: { idHash: hashSessionId(sessionId), revokedAt: null }, data: { revokedAt: new Date() } });
}

/**
 * Revokes every live session of a user, except the one whose hash is `keepHash`
 * (a password change keeps the session it was made in). Returns how many ended.
 */
export async function revokeUserSessions(db: DbClient, userId: string, keepHash?: string): Promise<number> {
  const { count } = await db.authSession.updateMany({
    where: { userId, revokedAt: null, ...(keepHash ? { NOT: { idHash: keepHash } } : {}) },
    data: { revokedAt: new Date() },
  });
  return count;
}

/**
 * The live session `sessionId` of `userId` with what a request needs of its user, in
 * one round trip; null when the session was revoked, went idle, or the account is
 * disabled. `stale`: its last-seen stamp is over a minute old.
 */
export async function liveSession(db: DbClient, userId: string, sessionId: string): Promise<{ isAdmin: boolean; stale: boolean } | null> {
  const [row] = await db.$queryRaw<Array<{ isAdmin: boolean; stale: boolean }>>`
    SELECT u."isAdmin", (s."lastSeenAt" < now() - interval '1 minute') AS stale
    FROM "AuthSession" s JOIN "User" u ON u.id = s."userId"
    WHERE s."idHash" = ${hashSessionId(sessionId)} AND s."userId" = ${userId} AND s."revokedAt" IS NULL AND u."disabledAt" IS NULL
      AND s."lastSeenAt" > now() - make_interval(days => ${SESSION_IDLE_DAYS})`;
  return row ?? null;
}

/** Coarse last-seen stamp, like API tokens': callers write it at most once a minute (see `stale`). */
export async function touchSession(db: DbClient, sessionId: string): Promise<void> {
  // updateMany: the row may have been deleted meanwhile.
  await db.authSession.updateMany({ where: { idHash: hashSessionId(sessionId) }, data: { lastSeenAt: new Date() } });
}
