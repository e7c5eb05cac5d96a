import { describe, expect, it } from 'vitest';
import { SignInError, signInWithPassword } from '@/lib/auth/sign-in';
import { ADDRESS, delaySeconds, MAX_DELAY_SECONDS, PAIR } from '@/lib/auth/throttle';
import { getPrisma } from '@/lib/db/client';
import { clientAddress, trustedProxies } from '@/lib/http/client-address';
import { makeUser, TEST_PASSWORD } from '../support/fixtures';

const db = getPrisma();
const ATTACKER = '203.0.113.66';
const OWNER_ADDRESS = '198.51.100.20';

async function attempt(email: string, password: string, address: string | undefined, at: Date) {
  return signInWithPassword(db, email, password, address, at).then(
    (user) => ({ ok: true as const, reason: 'signed-in' as const, user }),
    (error: unknown) => {
      if (!(error instanceof SignInError)) throw error;
      return { ok: false as const, reason: error.reason, wait: error.retryAfterSeconds, message: error.message };
    },
  );
}

const later = (from: Date, seconds: number) => new Date(from.getTime() + seconds * 1000);

describe('sign-in throttling', () => {
  it('has delays that grow 1, 2, 4 … seconds after the free attempts, up to the cap', () => {
    expect([4, 5, 6, 7, 8].map((n) => delaySeconds(n, PAIR))).toEqual([0, 1, 2, 4, 8]);
    expect(delaySeconds(40, PAIR)).toBe(MAX_DELAY_SECONDS);
    expect(delaySeconds(ADDRESS.free - 1, ADDRESS)).toBe(0);
  });

  it('makes each further wrong guess on one account from one address wait twice as long', async () => {
    const user = await makeUser(db, 'guessed');
    let now = new Date();
    for (let i = 0; i < PAIR.free; i++) expect((await attempt(user.email, `wrong ${i}`, ATTACKER, now)).reason).toBe('invalid');
    for (const expected of [1, 2, 4, 8]) {
      const early = await attempt(user.email, 'another guess', ATTACKER, now);
      expect(early).toMatchObject({ ok: false, reason: 'rate_limited', wait: expected });
      expect(early.ok === false && early.message).toBe(`Too many failed sign-in attempts. Try again in ${expected} second(s).`);
      // A refused attempt is not checked at all, even with the right password.
      expect((await attempt(user.email, TEST_PASSWORD, ATTACKER, now)).ok).toBe(false);
      now = later(now, expected);
      expect((await attempt(user.email, 'another guess', ATTACKER, now)).reason).toBe('invalid');
    }
  });

  it('never locks the owner out from another address, however many guesses were made', async () => {
    const user = await makeUser(db, 'owner');
    const now = new Date();
    for (let i = 0; i < PAIR.free + 10; i++) await attempt(user.email, `wrong ${i}`, ATTACKER, later(now, i * MAX_DELAY_SECONDS));
    const owner = await attempt(user.email, TEST_PASSWORD, OWNER_ADDRESS, later(now, 10 * MAX_DELAY_SECONDS));
    expect(owner).toMatchObject({ ok: true, user: { id: user.id } });
  });

  it('still throttles a guesser who forges a new X-Forwarded-For per guess', async () => {
    const user = await makeUser(db, 'forged');
    const now = new Date();
    const results = [];
    for (let i = 0; i < PAIR.free + 3; i++) {
      // What the route sees: the forged value, then the peer address scripts/peer-address.mjs appended.
      const headers = { 'x-forwarded-for': `10.0.${i}.1, ${ATTACKER}` };
      results.push(await attempt(user.email, `wrong ${i}`, clientAddress(headers, undefined, trustedProxies('')), now));
    }
    expect(results.slice(0, PAIR.free).every((r) => !r.ok && r.reason === 'invalid')).toBe(true);
    expect(results.slice(PAIR.free).map((r) => !r.ok && r.reason)).toEqual(['rate_limited', 'rate_limited', 'rate_limited']);
  });

  it('slows one address spraying a password across many accounts, without touching other addresses', async () => {
    const sprayer = '203.0.113.99';
    const now = new Date();
    for (let i = 0; i < ADDRESS.free; i++) expect((await attempt(`spray${i}@example.org`, 'Summer2026!', sprayer, now)).reason).toBe('invalid');
    const user = await makeUser(db, 'sprayed');
    expect(await attempt(user.email, TEST_PASSWORD, sprayer, now)).toMatchObject({ ok: false, reason: 'rate_limited', wait: 1 });
    expect(await attempt(user.email, TEST_PASSWORD, OWNER_ADDRESS, now)).toMatchObject({ ok: true });
  });

  it('clears the (account, address) counter on success and forgets counters an hour after the last failure', async () => {
    const user = await makeUser(db, 'forgiven');
    const now = new Date();
    for (let i = 0; i < PAIR.free - 1; i++) await attempt(user.email, 'wrong', ATTACKER, now);
    expect((await attempt(user.email, TEST_PASSWORD, ATTACKER, now)).ok).toBe(true);
    for (let i = 0; i < PAIR.free - 1; i++) await attempt(user.email, 'wrong', ATTACKER, now);
    // Had the success not cleared the counter, this would be failure 9: a wait.
    expect((await attempt(user.email, 'wrong', ATTACKER, now)).reason).toBe('invalid');
    expect((await attempt(user.email, 'wrong', ATTACKER, now)).reason).toBe('rate_limited');
    const anHourLater = later(now, 3601);
    expect((await attempt(user.email, 'wrong', ATTACKER, anHourLater)).reason).toBe('invalid');
    expect((await attempt(user.email, 'wrong', ATTACKER, anHourLater)).reason).toBe('invalid');
  });

  it('refuses oversized credentials before any work', async () => {
    expect(await attempt('x'.repeat(321), 'p', ATTACKER, new Date())).toMatchObject({ ok: false, reason: 'invalid' });
    expect(await db.loginThrottle.count({ where: { key: { contains: 'xxxxxxxx' } } })).toBe(0);
  });
});
