import { describe, expect, it } from 'vitest';
import { Validator } from '@seriousme/openapi-schema-validator';
import { SignInError, INVALID_CREDENTIALS, signInWithPassword } from '@/lib/auth/sign-in';
import { getPrisma } from '@/lib/db/client';
import { HttpError } from '@/lib/http/errors';
import { SIGN_UP_ANSWER, signUp } from '@/lib/users/sign-up';
import { call, sessionCookie } from '../support/api';
import { makeUser, TEST_PASSWORD } from '../support/fixtures';
import { rejectionAs } from '../support/rejection';
import { GET as openApiRoute } from '@/app/api/v1/openapi.json/route';
import { POST as signUpRoute } from '@/app/api/signup/route';

const db = getPrisma();

const signInError = (promise: Promise<unknown>) => rejectionAs(promise, SignInError);

describe('sign-up', () => {
  it('makes the first account the instance admin and later ones ordinary users', async () => {
    await db.user.deleteMany();
    await signUp(db, { email: 'First@Example.org', name: 'First', password: 'long enough password' });
    await signUp(db, { email: 'second@example.org', name: 'Second', password: 'long enough password' });
    expect(await db.user.findUniqueOrThrow({ where: { email: 'first@example.org' } })).toMatchObject({ isAdmin: true });
    expect(await db.user.findUniqueOrThrow({ where: { email: 'second@example.org' } })).toMatchObject({ isAdmin: false });
  });

  it('answers a taken e-mail exactly like a free one and leaves the existing account untouched; 400 for a short password, 403 when closed', async () => {
    const existing = await makeUser(db, 'existing');
    const post = (body: unknown) =>
      signUpRoute(new Request('http://localhost/api/signup', { method: 'POST', body: JSON.stringify(body), headers: { 'content-type': 'application/json' } }));
    const taken = await post({ email: existing.email.toUpperCase(), name: 'Impostor', password: 'long enough password' });
    const free = await post({ email: 'free@example.org', name: 'Free', password: 'long enough password' });
    expect(taken.status).toBe(202);
    expect(free.status).toBe(taken.status);
    const [takenBody, freeBody] = [await taken.text(), await free.text()];
    expect(takenBody).toBe(freeBody);
    expect(JSON.parse(takenBody)).toEqual(SIGN_UP_ANSWER);
    expect([...taken.headers.keys()]).toEqual([...free.headers.keys()]);
    expect(await db.user.findUniqueOrThrow({ where: { id: existing.id }, select: { name: true } })).toEqual({ name: 'existing' });
    expect(await signInWithPassword(db, existing.email, TEST_PASSWORD)).toMatchObject({ id: existing.id });
    expect(await db.user.count({ where: { email: 'free@example.org' } })).toBe(1);

    const short = await post({ email: 'new@example.org', name: 'X', password: 'short' });
    expect(short.status).toBe(400);
    expect((await short.json()).error.details[0]).toEqual({ path: 'body.password', message: 'use at least 10 characters' });
    process.env.GLOSSA_SIGNUP = 'closed';
    try {
      const closed = await signUp(db, { email: 'late@example.org', name: 'Late', password: 'long enough password' }).catch((e: unknown) => e);
      expect(closed).toBeInstanceOf(HttpError);
      expect((closed as HttpError).status).toBe(403);
    } finally {
      delete process.env.GLOSSA_SIGNUP;
    }
  });
});

describe('sign-in', () => {
  it('accepts the right password whatever the e-mail case', async () => {
    const user = await makeUser(db, 'signin');
    expect(await signInWithPassword(db, user.email.toUpperCase(), TEST_PASSWORD)).toMatchObject({ id: user.id });
  });

  it('gives one generic message for a wrong password and an unknown e-mail', async () => {
    const user = await makeUser(db, 'generic');
    const wrongPassword = await signInError(signInWithPassword(db, user.email, 'wrong password!'));
    const unknownEmail = await signInError(signInWithPassword(db, 'nobody@example.org', TEST_PASSWORD));
    expect(wrongPassword.message).toBe(INVALID_CREDENTIALS);
    expect(unknownEmail.message).toBe(INVALID_CREDENTIALS);
  });
});

describe('API token lifecycle', () => {
  it('creates (shown once), lists without the secret, authenticates, revokes', async () => {
    const user = await makeUser(db, 'tokens');
    const created = await call('POST', '/tokens', {}, { cookie: await sessionCookie(user.id), body: { name: 'notebook' } });
    expect(created.status).toBe(201);
    expect(created.body.token).toMatch(/^glsa_[A-Za-z0-9_-]{43}$/);
    expect(created.body.token.startsWith(created.body.prefix)).toBe(true);

    const stored = await db.apiToken.findUniqueOrThrow({ where: { id: created.body.id } });
    expect(stored.tokenHash).not.toContain(created.body.token);
    expect(stored.tokenHash).toMatch(/^[0-9a-f]{64}$/);

    const listed = await call('GET', '/tokens', {}, { token: created.body.token });
    expect(listed.status).toBe(200);
    expect(JSON.stringify(listed.body)).not.toContain(created.body.token);
    expect(listed.body.items.map((t: { name: string }) => t.name)).toContain('notebook');

    const revoking = Date.now();
    const revoked = await call('DELETE', '/tokens/{id}', { id: created.body.id }, { token: user.token });
    expect(revoked.status).toBe(200);
    // Revoked by this request: stamped between its start and now (same clock, one machine).
    const revokedAt = Date.parse(revoked.body.revokedAt);
    expect([revokedAt >= revoking, revokedAt <= Date.now()]).toEqual([true, true]);
    const after = await call('GET', '/projects', {}, { token: created.body.token });
    expect(after.status).toBe(401);
    expect(after.body.error.message).toBe('The API token is invalid, expired or revoked.');
  });

  it('refuses expired tokens and tokens of other users', async () => {
    const user = await makeUser(db, 'expiry');
    const other = await makeUser(db, 'other');
    const past = await call('POST', '/tokens', {}, { cookie: await sessionCookie(user.id), body: { name: 'old', expiresAt: '2001-01-01T00:00:00Z' } });
    expect(past.status).toBe(400);
    const soon = await call(
      'POST',
      '/tokens',
      {},
      { cookie: await sessionCookie(user.id), body: { name: 'soon', expiresAt: new Date(Date.now() + 60_000).toISOString() } },
    );
    await db.apiToken.update({ where: { id: soon.body.id }, data: { expiresAt: new Date(Date.now() - 1000) } });
    expect((await call('GET', '/projects', {}, { token: soon.body.token })).status).toBe(401);
    expect((await call('DELETE', '/tokens/{id}', { id: soon.body.id }, { token: other.token })).status).toBe(404);
    expect((await call('GET', '/projects', {}, { token: 'glsa_not-a-real-token' })).status).toBe(401);
    const malformed = await call('GET', '/projects', {}, { token: '' });
    expect(malformed.status).toBe(401);
  });
});

describe('OpenAPI document', () => {
  it('is valid OpenAPI 3.1 and describes every endpoint', async () => {
    const document = await (await openApiRoute()).json();
    const result = await new Validator().validate(document);
    expect(result.errors ?? []).toEqual([]);
    expect(result.valid).toBe(true);
    expect(document.openapi).toBe('3.1.0');
    expect(Object.keys(document.paths)).toEqual(
      expect.arrayContaining(['/projects', '/projects/{id}', '/projects/{id}/members/{userId}', '/projects/{id}/schema', '/tokens/{id}']),
    );
    const create = document.paths['/projects'].post;
    expect(create.requestBody.content['application/json'].schema.properties.preset.enum).toContain('news-stance-framing');
    expect(create.responses['201'].content['application/json'].schema.properties.createdAt.type).toBe('string');
  });
});
