import { randomBytes } from 'node:crypto';
import type { Browser, BrowserContext } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { accessibilityProblems, api, BASE, CREDENTIALS, launchChromium } from '../support/browser';
import { postCredentials } from './support';

/**
 * Accounts and sessions against the production server (tests/setup/browser-app.ts):
 * the open redirect after sign-in, a signed-out cookie, and X-Forwarded-For forgery
 * against sign-in throttling, over real HTTP through next-auth's own routes.
 */
const HOSTILE_CALLBACKS = [
  '/%09/evil.example/x',
  '/%0d/x',
  '//evil.example',
  '/%5Cevil.example',
  'https://evil.example/',
  '/.//evil.example',
  '%2F%2Fevil.example',
];

async function cookieHeader(context: BrowserContext): Promise<string> {
  return (await context.cookies(BASE)).map((c) => `${c.name}=${c.value}`).join('; ');
}

/** Signs up a fresh account through the sign-up page; the context ends up signed in. */
async function freshAccount(browser: Browser) {
  const context = await browser.newContext();
  const page = await context.newPage();
  const email = `auth-${randomBytes(4).toString('hex')}@example.org`;
  const password = 'a long enough passphrase';
  await page.goto(`${BASE}/signup`, { waitUntil: 'networkidle' });
  await page.getByLabel('Name').fill('Auth test');
  await page.getByLabel('E-mail').fill(email);
  await page.getByLabel('Password').fill(password);
  await page.getByRole('button', { name: 'Create account' }).click();
  await page.waitForURL((url) => url.pathname === '/', { timeout: 30_000 });
  return { context, page, email, password };
}

/** A credentials sign-in from the address `forwardedFor` claims. Returns next-auth's error text, or null. */
async function credentialsSignIn(email: string, password: string, forwardedFor: string): Promise<string | null> {
  const response = await postCredentials(email, password, { 'x-forwarded-for': forwardedFor });
  const { url } = (await response.json()) as { url: string };
  return new URL(url).searchParams.get('error');
}

describe.skipIf(!BASE)('accounts and sessions over HTTP (production build)', () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launchChromium();
  });
  afterAll(async () => {
    await browser?.close();
  });

  it('sends a user signing in with a hostile callbackUrl to a page of this site, with or without the form', async () => {
    const origin = new URL(BASE!).origin;
    const context = await browser.newContext();
    const page = await context.newPage();
    await page.goto(`${BASE}/signin?callbackUrl=/%09/evil.example/x`, { waitUntil: 'networkidle' });
    await page.getByLabel('E-mail').fill(CREDENTIALS.email);
    await page.getByLabel('Password').fill(CREDENTIALS.password);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.waitForURL((url) => !url.pathname.startsWith('/signin'), { timeout: 30_000 });
    expect(new URL(page.url())).toMatchObject({ origin, pathname: '/' });

    // Already signed in: the page redirects straight away.
    for (const hostile of HOSTILE_CALLBACKS) {
      await page.goto(`${BASE}/signin?callbackUrl=${hostile}`, { waitUntil: 'load' });
      expect(new URL(page.url()), hostile).toMatchObject({ origin, pathname: '/' });
    }
    await page.goto(`${BASE}/signin?callbackUrl=/settings/tokens`, { waitUntil: 'load' });
    expect(new URL(page.url()).pathname).toBe('/settings/tokens');

    const cookie = await cookieHeader(context);
    for (const hostile of HOSTILE_CALLBACKS) {
      const response = await fetch(`${BASE}/signin?callbackUrl=${hostile}`, { headers: { cookie }, redirect: 'manual' });
      expect(response.status, hostile).toBe(307);
      expect(new URL(response.headers.get('location')!, BASE).href, hostile).toBe(`${origin}/`);
    }
    await context.close();
  });

  it('refuses a session cookie once its session signed out, on the API and on pages', async () => {
    const { context, page } = await freshAccount(browser);
    const cookie = await cookieHeader(context);
    expect((await fetch(`${BASE}/api/v1/projects`, { headers: { cookie } })).status).toBe(200);

    await page.getByRole('button', { name: 'Sign out' }).click();
    await page.waitForURL((url) => url.pathname === '/signin');
    // The cookie as it was before signing out, replayed.
    const api = await fetch(`${BASE}/api/v1/projects`, { headers: { cookie } });
    expect(api.status).toBe(401);
    const home = await fetch(`${BASE}/`, { headers: { cookie }, redirect: 'manual' });
    expect(home.status).toBe(307);
    expect(new URL(home.headers.get('location')!, BASE).pathname).toBe('/signin');
    await context.close();
  });

  it('joins a project by accepting an invitation on the home page, and signs out everywhere from the account page', async () => {
    const owner = await freshAccount(browser);
    const invitee = await freshAccount(browser);
    const project = await api<{ id: string }>(owner.page, '/projects', { method: 'POST', data: { name: `Invited ${randomBytes(3).toString('hex')}` } });
    await owner.page.goto(`${BASE}/projects/${project.id}/members`, { waitUntil: 'networkidle' });
    await owner.page.getByLabel('E-mail').fill(invitee.email);
    await owner.page.getByRole('button', { name: 'Invite' }).click();
    await owner.page.getByRole('status').getByText(`Invited ${invitee.email}.`).waitFor();
    // The refreshed page lists it as pending.
    await owner.page.getByRole('button', { name: `Withdraw the invitation of ${invitee.email}` }).waitFor();

    await invitee.page.goto(`${BASE}/`, { waitUntil: 'networkidle' });
    expect(await accessibilityProblems(invitee.page)).toEqual([]);
    await invitee.page.getByRole('button', { name: /^Accept the invitation to Invited / }).click();
    await invitee.page.waitForURL((url) => url.pathname === `/projects/${project.id}`);

    const cookie = await cookieHeader(invitee.context);
    await invitee.page.goto(`${BASE}/settings`, { waitUntil: 'networkidle' });
    expect(await accessibilityProblems(invitee.page)).toEqual([]);
    invitee.page.once('dialog', (dialog) => void dialog.accept());
    await invitee.page.getByRole('button', { name: 'Sign out everywhere' }).click();
    await invitee.page.waitForURL((url) => url.pathname === '/signin');
    expect((await fetch(`${BASE}/api/v1/projects`, { headers: { cookie } })).status).toBe(401);
    await owner.context.close();
    await invitee.context.close();
  });

  it('throttles wrong passwords from one client even when each guess forges a new X-Forwarded-For', async () => {
    const { context, email, password } = await freshAccount(browser);
    await context.close();
    for (let i = 0; i < 5; i++) {
      expect(await credentialsSignIn(email, `wrong guess ${i}`, `10.${i}.0.1`)).toBe('The e-mail or password is incorrect.');
    }
    // Even the right password waits now: all guesses came from the same socket, whatever the header said.
    expect(await credentialsSignIn(email, password, '10.99.0.1')).toMatch(/^Too many failed sign-in attempts\. Try again in \d+ second\(s\)\.$/);
    await new Promise((resolve) => setTimeout(resolve, 1100));
    expect(await credentialsSignIn(email, password, '10.100.0.1')).toBeNull();
  });
});
