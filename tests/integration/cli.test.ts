import { chmodSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { signInWithPassword } from '@/lib/auth/sign-in';
import { getPrisma } from '@/lib/db/client';
import { call, sessionCookie } from '../support/api';
import { glossa } from '../support/cli';
import { makeUser } from '../support/fixtures';

describe('glossa CLI', () => {
  it('creates a user and a token that the API accepts', async () => {
    const env = { DATABASE_URL: process.env.DATABASE_URL };
    const created = await glossa(['user', 'create', '--email', 'cli@example.org', '--name', 'CLI User', '--password', 'a long enough passphrase'], { env });
    expect(created.code, created.stderr).toBe(0);
    expect(created.stdout).toContain('Created user cli@example.org');
    const token = await glossa(['token', 'create', '--email', 'cli@example.org'], { env });
    expect(token.code, token.stderr).toBe(0);
    const projects = await call('GET', '/projects', {}, { token: token.stdout.trim() });
    expect(projects.status).toBe(200);
    expect(projects.body).toEqual({ items: [], nextCursor: null });
  });

  it('resets a password (given or generated) and signs the user out everywhere; disables and enables accounts', async () => {
    const env = { DATABASE_URL: process.env.DATABASE_URL };
    const db = getPrisma();
    const user = await makeUser(db, 'reset');
    const cookie = await sessionCookie(user.id);
    const given = await glossa(['user', 'password', '--email', user.email.toUpperCase(), '--password', 'the new long passphrase'], { env });
    expect(given.code, given.stderr).toBe(0);
    expect(given.stderr).toContain(`Password of ${user.email} reset; 1 session(s) signed out.`);
    expect(given.stdout).toBe('');
    expect((await call('GET', '/projects', {}, { cookie })).status).toBe(401);
    expect(await signInWithPassword(db, user.email, 'the new long passphrase')).toMatchObject({ id: user.id });

    const generated = await glossa(['user', 'password', '--email', user.email], { env });
    expect(generated.code, generated.stderr).toBe(0);
    expect(await signInWithPassword(db, user.email, generated.stdout.trim())).toMatchObject({ id: user.id });
    const short = await glossa(['user', 'password', '--email', user.email, '--password', 'short'], { env });
    expect(short.code).toBe(2);
    expect(short.stderr).toContain('--password: use at least 10 characters');

    // Piped in, the password is the first line, without its line end.
    const piped = await glossa(['user', 'password', '--email', user.email, '--password-stdin'], { env, stdin: 'a piped-in passphrase\r\nignored\n' });
    expect(piped.code, piped.stderr).toBe(0);
    expect(piped.stdout).toBe('');
    expect(await signInWithPassword(db, user.email, 'a piped-in passphrase')).toMatchObject({ id: user.id });
    const both = await glossa(['user', 'password', '--email', user.email, '--password', 'the new long passphrase', '--password-stdin'], { env, stdin: '' });
    expect(both.code).toBe(2);
    expect(both.stderr).toContain('Give --password or --password-stdin, not both.');
    const empty = await glossa(['user', 'password', '--email', user.email, '--password-stdin'], { env, stdin: '' });
    expect(empty.code).toBe(2);
    expect(empty.stderr).toContain('--password-stdin: use at least 10 characters');

    expect((await glossa(['user', 'disable', '--email', user.email], { env })).stdout).toContain(`${user.email} is disabled.`);
    expect((await call('GET', '/projects', {}, { token: user.token })).status).toBe(401);
    expect((await glossa(['user', 'enable', '--email', user.email], { env })).stdout).toContain(`${user.email} is enabled.`);
    expect((await call('GET', '/projects', {}, { token: user.token })).status).toBe(200);
    const unknown = await glossa(['user', 'disable', '--email', 'nobody@example.org'], { env });
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toContain('No user with e-mail nobody@example.org.');
  });

  it('fails with a clear message and a non-zero exit code on bad input, also on the embedded database', async () => {
    const dataRoot = mkdtempSync(path.join(tmpdir(), 'glossa-cli-'));
    chmodSync(dataRoot, 0o755);
    try {
      const env = { DATABASE_URL: undefined, GLOSSA_DATA_DIR: dataRoot };
      const missing = await glossa(['token', 'create', '--email', 'nobody@example.org'], { env });
      expect(missing.code).toBe(2);
      expect(missing.stderr).toContain('No user with e-mail nobody@example.org.');
      const usage = await glossa(['user', 'create', '--email', 'x@example.org'], { env });
      expect(usage.code).toBe(2);
      expect(usage.stderr).toContain('Missing --name, --password.');
      const unknown = await glossa(['frobnicate'], { env });
      expect(unknown.code).toBe(2);
      expect(unknown.stderr).toContain('Unknown command: frobnicate');
    } finally {
      rmSync(dataRoot, { recursive: true, force: true });
    }
  });
});
