import { describe, expect, it } from 'vitest';
import type { JWT } from 'next-auth/jwt';
import { authOptions } from '@/lib/next/auth-options';
import { hashSessionId } from '@/lib/auth/sessions';
import { signInWithPassword } from '@/lib/auth/sign-in';
import { getPrisma } from '@/lib/db/client';
import { setDisabled } from '@/lib/users/store';
import { call, sessionCookie, sessionCookieFor } from '../support/api';
import { makeUser, TEST_PASSWORD } from '../support/fixtures';

const db = getPrisma();
const projects = (cookie: string) => call('GET', '/projects', {}, { cookie });

/** What next-auth does at sign-in: run the jwt callback with the user, then sign the token into the cookie. */
async function signInThroughCallbacks(userId: string): Promise<{ cookie: string; token: JWT }> {
  const jwt = authOptions().callbacks!.jwt!;
  const token = await jwt({ token: { sub: userId }, user: { id: userId } as never, account: null, trigger: 'signIn' } as never);
  return { cookie: await sessionCookieFor(token as Record<string, unknown>), token: token as JWT };
}

describe('server-side sessions', () => {
  it('records a session at sign-in and rejects its cookie once signed out', async () => {
    const user = await makeUser(db, 'signout');
    const { cookie, token } = await signInThroughCallbacks(user.id);
    expect(typeof token.sid).toBe('string');
    const record = await db.authSession.findUniqueOrThrow({ where: { idHash: hashSessionId(token.sid as string) } });
    expect(record).toMatchObject({ userId: user.id, revokedAt: null });
    expect((await projects(cookie)).status).toBe(200);

    // next-auth's own session endpoint runs the jwt callback without a user: fine while live, an error once ended.
    const refresh = () => authOptions().callbacks!.jwt!({ token, trigger: 'update' } as never);
    expect(await refresh()).toMatchObject({ sub: user.id, sid: token.sid });
    await authOptions().events!.signOut!({ token, session: undefined as never });
    await expect(refresh()).rejects.toThrow('The session has ended.');
    const after = await projects(cookie);
    expect(after.status).toBe(401);
    expect(after.body.error.code).toBe('unauthorized');
    expect((await db.authSession.findUniqueOrThrow({ where: { id: record.id } })).revokedAt).toBeInstanceOf(Date);
  });

  it('rejects a validly signed JWT without a session id, or with one that was never recorded', async () => {
    const user = await makeUser(db, 'legacy');
    expect((await projects(await sessionCookieFor({ sub: user.id }))).status).toBe(401);
    expect((await projects(await sessionCookieFor({ sub: user.id, sid: 'made-up-session-id' }))).status).toBe(401);
  });

  it('ends a session unused for 30 days, and clears ended sessions at the next sign-in', async () => {
    const user = await makeUser(db, 'idle');
    const { cookie, token } = await signInThroughCallbacks(user.id);
    const idHash = hashSessionId(token.sid as string);
    await db.authSession.update({ where: { idHash }, data: { lastSeenAt: new Date(Date.now() - 31 * 24 * 3600_000) } });
    expect((await projects(cookie)).status).toBe(401);
    await signInThroughCallbacks(user.id);
    expect(await db.authSession.count({ where: { idHash } })).toBe(0);
    expect(await db.authSession.count({ where: { userId: user.id } })).toBe(1);
  });

  it("rejects another user's session id under a forged subject", async () => {
    const victim = await makeUser(db, 'victim');
    const attacker = await makeUser(db, 'attacker');
    const { token } = await signInThroughCallbacks(attacker.id);
    expect(await projects(await sessionCookieFor({ sub: victim.id, sid: token.sid }))).toMatchObject({ status: 401 });
  });

  it('signs out everywhere: every session of the account ends, other accounts keep theirs', async () => {
    const user = await makeUser(db, 'everywhere');
    const other = await makeUser(db, 'bystander');
    const laptop = await sessionCookie(user.id);
    const phone = await sessionCookie(user.id);
    const bystander = await sessionCookie(other.id);
    const response = await call('POST', '/sessions/revoke-all', {}, { cookie: laptop });
    expect(response.status).toBe(200);
    expect(response.body).toEqual({ revokedSessions: 2 });
    expect((await projects(laptop)).status).toBe(401);
    expect((await projects(phone)).status).toBe(401);
    expect((await projects(bystander)).status).toBe(200);
  });

  it('ends every other session when the password changes, keeps this one, and refuses tokens and wrong passwords', async () => {
    const user = await makeUser(db, 'password');
    const here = await sessionCookie(user.id);
    const elsewhere = await sessionCookie(user.id);
    const body = { currentPassword: TEST_PASSWORD, newPassword: 'a brand new passphrase' };

    const viaToken = await call('POST', '/account/password', {}, { token: user.token, body });
    expect(viaToken.status).toBe(403);
    const wrong = await call('POST', '/account/password', {}, { cookie: here, body: { ...body, currentPassword: 'not my password' } });
    expect(wrong.status).toBe(400);
    expect(wrong.body.error.details).toEqual([{ path: 'body.currentPassword', message: 'incorrect' }]);
    const short = await call('POST', '/account/password', {}, { cookie: here, body: { ...body, newPassword: 'short' } });
    expect(short.body.error.details).toEqual([{ path: 'body.newPassword', message: 'use at least 10 characters' }]);
    expect((await projects(elsewhere)).status).toBe(200);

    const changed = await call('POST', '/account/password', {}, { cookie: here, body });
    expect(changed).toMatchObject({ status: 200, body: { revokedSessions: 1 } });
    expect((await projects(here)).status).toBe(200);
    expect((await projects(elsewhere)).status).toBe(401);
    expect(await signInWithPassword(db, user.email, 'a brand new passphrase')).toMatchObject({ id: user.id });
  });

  it('refuses a disabled account everywhere: sessions, API tokens, sign-in; enabling needs a new sign-in', async () => {
    const user = await makeUser(db, 'disabled');
    const cookie = await sessionCookie(user.id);
    await setDisabled(db, user.email, true);
    expect((await projects(cookie)).status).toBe(401);
    expect((await call('GET', '/projects', {}, { token: user.token })).status).toBe(401);
    const refused = await signInWithPassword(db, user.email, TEST_PASSWORD).catch((error: Error) => error);
    expect(refused).toBeInstanceOf(Error);
    expect((refused as Error).message).toBe('This account is disabled. Ask an administrator.');
    expect(await authOptions().callbacks!.signIn!({ user: { id: user.id } } as never)).toBe(false);

    await setDisabled(db, user.email, false);
    expect((await projects(cookie)).status).toBe(401);
    expect((await call('GET', '/projects', {}, { token: user.token })).status).toBe(200);
    expect(await signInWithPassword(db, user.email, TEST_PASSWORD)).toMatchObject({ id: user.id });
  });
});

describe('API tokens cannot mint tokens', () => {
  it('refuses token creation with a token and allows it from a signed-in session', async () => {
    const user = await makeUser(db, 'minting');
    const shortLived = await call(
      'POST',
      '/tokens',
      {},
      { cookie: await sessionCookie(user.id), body: { name: 'one hour', expiresAt: new Date(Date.now() + 3_600_000).toISOString() } },
    );
    expect(shortLived.status).toBe(201);
    const before = await db.apiToken.count({ where: { userId: user.id } });
    const minted = await call('POST', '/tokens', {}, { token: shortLived.body.token, body: { name: 'forever' } });
    expect(minted.status).toBe(403);
    expect(minted.body.error.message).toMatch(/An API token cannot create API tokens/);
    expect(await db.apiToken.count({ where: { userId: user.id } })).toBe(before);
  });
});
