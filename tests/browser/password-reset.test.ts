import { execFile } from 'node:child_process';
import path from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { BASE, chromiumForSuite, signedIn, signIn } from '../support/browser';

/**
 * Issue #17 bug 8: a lost password (the demo's scrolled away under the build output) is reset
 * with `glossa user password`, here piped in on stdin; the browser that was signed in is signed
 * out, and the new password signs in.
 */
const TIMEOUT = 120_000;
const run = promisify(execFile);
const DATABASE_URL = process.env.GLOSSA_TEST_DATABASE_URL;

function glossa(args: string[], stdin?: string) {
  const child = run(process.execPath, [path.resolve('bin/glossa.mjs'), ...args], { env: { ...process.env, DATABASE_URL }, timeout: 60_000 });
  child.child.stdin?.end(stdin ?? '');
  return child;
}

describe.skipIf(!BASE || !DATABASE_URL)('glossa user password (Chromium)', () => {
  const email = `reset-${Date.now()}@example.org`;
  const browser = chromiumForSuite(async () => {
    await glossa(['user', 'create', '--email', email, '--name', 'Reset Me', '--password', 'the first passphrase']);
  }, TIMEOUT);

  it(
    'signs the user out everywhere and lets the new password in',
    async () => {
      const { page } = await signedIn(browser(), { email, password: 'the first passphrase' });
      const reset = await glossa(['user', 'password', '--email', email, '--password-stdin'], 'the second passphrase\n');
      expect(reset.stderr).toContain(`Password of ${email} reset; 1 session(s) signed out.`);

      await page.goto(`${BASE}/settings`);
      await page.waitForURL((url) => url.pathname.startsWith('/signin'));
      await page.getByLabel('E-mail').fill(email);
      await page.getByLabel('Password').fill('the first passphrase');
      await page.getByRole('button', { name: 'Sign in' }).click();
      await page.getByRole('alert').filter({ hasText: /./ }).first().waitFor();
      expect(new URL(page.url()).pathname).toBe('/signin');

      await signIn(page, { email, password: 'the second passphrase' });
      expect(new URL(page.url()).pathname).not.toMatch(/^\/signin/);
    },
    TIMEOUT,
  );
});
