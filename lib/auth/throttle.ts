import 'server-only';
import { Prisma } from '@/lib/generated/prisma/client';
import type { DbClient } from '@/lib/db/client';

/**
 * Sign-in throttling kept in PostgreSQL, so it holds across app instances and
 * restarts. Two counters, each with growing delays instead of a hard lock:
 *
 * - per (account, client address): after PAIR.free failures the next attempt must
 *   wait 2^(n - free) s, up to MAX_DELAY. Guessing one account's password stays slow
 *   from every address, and the owner signing in from another address is never
 *   held up by someone else's failures (the key includes the address);
 * - per client address, across accounts: the same, from a much higher threshold, so
 *   spraying one password over many accounts slows down too.
 *
 * A counter is forgotten FORGET after its last failure; a successful sign-in clears
 * its (account, address) counter (not the address's: a sprayer who knows one
 * password must not reset their budget).
 */
interface Rule {
  free: number;
}
export const PAIR: Rule = { free: 5 };
export const ADDRESS: Rule = { free: 50 };
export const MAX_DELAY_SECONDS = 15 * 60;
const FORGET_MS = 60 * 60_000;

interface ThrottleKey {
  key: string;
  rule: Rule;
}

/** The counters one attempt is charged to; an unknown address still gets its own shared counter. */
export function throttleKeys(email: string, address: string | undefined): ThrottleKey[] {
  const from = address ?? 'unknown';
  return [
    { key: `account:${email}|address:${from}`, rule: PAIR },
    { key: `address:${from}`, rule: ADDRESS },
  ];
}

/** The delay after `failures` failures under `rule`, in seconds (0: no wait). */
export function delaySeconds(failures: number, rule: Rule): number {
  return failures < rule.free ? 0 : Math.min(MAX_DELAY_SECONDS, 2 ** (failures - rule.free));
}

/** Seconds until every given counter allows an attempt, or 0 when none is waiting. */
export async function waitFor(db: DbClient, keys: ThrottleKey[], now = new Date()): Promise<number> {
  const rows = await db.loginThrottle.findMany({ where: { key: { in: keys.map((k) => k.key) }, lockedUntil: { gt: now } } });
  const until = Math.max(0, ...rows.map((row) => row.lockedUntil!.getTime()));
  return until > 0 ? Math.ceil((until - now.getTime()) / 1000) : 0;
}

export async function recordFailure(db: DbClient, keys: ThrottleKey[], now = new Date()): Promise<void> {
  const forgetBefore = new Date(now.getTime() - FORGET_MS);
  for (const { key, rule } of keys) {
    const failures = Prisma.sql`(CASE WHEN "LoginThrottle"."lastFailureAt" < ${forgetBefore} THEN 1 ELSE "LoginThrottle".failures + 1 END)`;
    // One statement per key: concurrent failures are counted without lost updates, and the delay follows the new count.
    await db.$executeRaw`
      INSERT INTO "LoginThrottle" (key, failures, "lastFailureAt", "lockedUntil")
      VALUES (${key}, 1, ${now}, ${lockedUntil(Prisma.sql`1`, rule, now)})
      ON CONFLICT (key) DO UPDATE SET
        failures = ${failures},
        "lastFailureAt" = ${now},
        "lockedUntil" = ${lockedUntil(failures, rule, now)}`;
  }
}

/** SQL for "now + delaySeconds(failures)", or NULL below the threshold. */
function lockedUntil(failures: Prisma.Sql, rule: Rule, now: Date): Prisma.Sql {
  return Prisma.sql`CASE WHEN ${failures} >= ${rule.free}
    THEN ${now}::timestamp(3) + make_interval(secs => LEAST(${MAX_DELAY_SECONDS}, power(2, ${failures} - ${rule.free})))
    END`;
}

export async function clearFailures(db: DbClient, key: ThrottleKey): Promise<void> {
  await db.loginThrottle.deleteMany({ where: { key: key.key } });
}
