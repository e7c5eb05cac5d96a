import type { DbClient } from '@/lib/db/client';

/**
 * Sign-in rate limiting kept in PostgreSQL, so it holds across app instances and
 * restarts: after MAX_FAILURES failed attempts within WINDOW for a key (an e-mail
 * or a client address), that key is locked for LOCK.
 */
export const MAX_FAILURES = 5;
const WINDOW_MS = 15 * 60_000;
const LOCK_MS = 15 * 60_000;

/** Seconds until the first locked key unlocks, or 0 when none is locked. */
export async function lockedFor(db: DbClient, keys: string[], now = new Date()): Promise<number> {
  const rows = await db.loginThrottle.findMany({ where: { key: { in: keys }, lockedUntil: { gt: now } } });
  const until = Math.max(0, ...rows.map((row) => row.lockedUntil!.getTime()));
  return until > 0 ? Math.ceil((until - now.getTime()) / 1000) : 0;
}

export async function recordFailure(db: DbClient, keys: string[], now = new Date()): Promise<void> {
  const windowStart = new Date(now.getTime() - WINDOW_MS);
  const lockedUntil = new Date(now.getTime() + LOCK_MS);
  for (const key of keys) {
    // One statement per key: concurrent failures are counted without lost updates.
    await db.$executeRaw`
      INSERT INTO "LoginThrottle" (key, failures, "firstFailureAt") VALUES (${key}, 1, ${now})
      ON CONFLICT (key) DO UPDATE SET
        failures = CASE WHEN "LoginThrottle"."firstFailureAt" < ${windowStart} THEN 1 ELSE "LoginThrottle".failures + 1 END,
        "firstFailureAt" = CASE WHEN "LoginThrottle"."firstFailureAt" < ${windowStart} THEN ${now} ELSE "LoginThrottle"."firstFailureAt" END,
        "lockedUntil" = CASE WHEN "LoginThrottle"."firstFailureAt" >= ${windowStart} AND "LoginThrottle".failures + 1 >= ${MAX_FAILURES}
                             THEN ${lockedUntil} ELSE "LoginThrottle"."lockedUntil" END`;
  }
}

export async function clearFailures(db: DbClient, key: string): Promise<void> {
  await db.loginThrottle.deleteMany({ where: { key } });
}
