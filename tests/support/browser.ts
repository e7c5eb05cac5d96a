import { mkdirSync } from 'node:fs';
import { createRequire } from 'node:module';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { afterAll, beforeAll } from 'vitest';

/**
 * Shared pieces of the browser tests: Debian's Chromium driven by playwright-core,
 * against the app that tests/setup/browser-app.ts serves (or GLOSSA_URL when set by
 * hand). Tests skip visibly when no app is configured.
 */
export const BASE = process.env.GLOSSA_URL?.replace(/\/$/, '');
export const CREDENTIALS = { email: process.env.GLOSSA_EMAIL ?? '', password: process.env.GLOSSA_PASSWORD ?? '' };
export const SCREENSHOTS = 'test-results/screenshots';

/** A label of a project's schema, as `GET /projects/:id/schema` lists it (the fields the editor tests read). */
export interface SchemaLabel {
  id: string;
  layer: string;
  key: string;
  hotkey: string | null;
  retired: boolean;
}

export function launchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--no-first-run'],
  });
}

/**
 * Registers, in the calling describe block, one Chromium for all of its tests and closes it after
 * them; `ready` runs right after the launch (to start or seed what the tests use) within `timeout`.
 * Returns a getter, since the browser exists only once the block's beforeAll has run.
 */
export function chromiumForSuite(ready?: (browser: Browser) => Promise<void>, timeout = 120_000): () => Browser {
  let browser: Browser | undefined;
  beforeAll(async () => {
    browser = await launchChromium();
    await ready?.(browser);
  }, timeout);
  afterAll(async () => {
    await browser?.close();
  });
  return () => {
    if (!browser) throw new Error('the browser is launched in beforeAll: use it inside a hook or a test');
    return browser;
  };
}

/** chromiumForSuite with one page signed in as the demo owner, handed to `ready` (to seed data with); returns its getter. */
export function signedInForSuite(ready?: (page: Page) => Promise<void>, timeout = 120_000): () => Page {
  let page: Page | undefined;
  chromiumForSuite(async (browser) => {
    const signedInPage = (await signedIn(browser)).page;
    page = signedInPage;
    await ready?.(signedInPage);
  }, timeout);
  return () => {
    if (!page) throw new Error('the page is signed in in beforeAll: use it inside a hook or a test');
    return page;
  };
}

/** A fresh browser context (its own cookies) signed in as `who`. */
export async function signedIn(
  browser: Browser,
  who = CREDENTIALS,
  options: { colorScheme?: 'light' | 'dark' } = {},
): Promise<{ context: BrowserContext; page: Page }> {
  const context = await browser.newContext({ viewport: { width: 1366, height: 900 }, ...options });
  const page = await context.newPage();
  await signIn(page, who);
  return { context, page };
}

/**
 * Creates the account `name` (e-mail `<name>-<unique>@example.org`) on the sign-up page, in a fresh
 * context, and waits for the home page it lands on.
 */
export async function signUp(
  browser: Browser,
  name: string,
  unique = Date.now().toString(36),
): Promise<{ context: BrowserContext; page: Page; email: string }> {
  const context = await browser.newContext({ viewport: { width: 1366, height: 900 } });
  const page = await context.newPage();
  const email = `${name.toLowerCase()}-${unique}@example.org`;
  await page.goto(`${BASE}/signup`, { waitUntil: 'networkidle' });
  await page.getByLabel('Name').fill(name);
  await page.getByLabel('E-mail').fill(email);
  await page.getByLabel('Password').fill('a long enough passphrase');
  await page.getByRole('button', { name: 'Create account' }).click();
  await page.waitForURL((url) => url.pathname === '/', { timeout: 30_000 });
  return { context, page, email };
}

/** Signs in on the sign-in page, after its scripts have loaded (so the form submits through them); `base` for an app of a test's own. */
export async function signIn(page: Page, who = CREDENTIALS, base = BASE): Promise<void> {
  await page.goto(`${base}/signin`, { waitUntil: 'networkidle' });
  await page.getByLabel('E-mail').fill(who.email);
  await page.getByLabel('Password').fill(who.password);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.waitForURL((url) => !url.pathname.startsWith('/signin'), { timeout: 30_000 });
}

const axePath = createRequire(import.meta.url).resolve('axe-core/axe.min.js');

/** Serious and critical axe-core findings inside the page's main landmark. */
export async function accessibilityProblems(page: Page): Promise<string[]> {
  await page.addScriptTag({ path: axePath });
  const violations = await page.evaluate(async () => {
    type Violation = { id: string; impact: string | null; help: string; nodes: { target: unknown[] }[] };
    const axe = (window as unknown as { axe: { run(context: string): Promise<{ violations: Violation[] }> } }).axe;
    return (await axe.run('main')).violations;
  });
  return violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => JSON.stringify(n.target)).join(', ')})`);
}

/** The REST API with the page's session cookie. */
export async function api<T>(page: Page, path: string, init: { method?: string; data?: unknown } = {}): Promise<T> {
  const response = await page.request.fetch(`${BASE}/api/v1${path}`, { method: init.method ?? 'GET', data: init.data as never });
  if (!response.ok()) throw new Error(`${init.method ?? 'GET'} ${path} answered ${response.status()}: ${await response.text()}`);
  return (response.status() === 204 ? null : await response.json()) as T;
}

export async function screenshot(page: Page, name: string): Promise<string> {
  mkdirSync(SCREENSHOTS, { recursive: true });
  const path = `${SCREENSHOTS}/${name}.png`;
  await page.screenshot({ path, fullPage: false });
  return path;
}

const lastDoubleClick = new WeakMap<Page, number>();

/**
 * Waits until a click is no longer part of the last double click selectFreeWord made: ProseMirror
 * reads a click within 500 ms of a double click at the same spot as a triple click, which selects
 * the paragraph and never reaches the editor's click handler (a span clicked right after labelling it).
 */
export async function outsideMultiClickWindow(page: Page): Promise<void> {
  const since = Date.now() - (lastDoubleClick.get(page) ?? 0);
  if (since < 600) await page.waitForTimeout(600 - since);
}

/** Double-clicks the first word of five or more letters in the editor text that has no span yet. */
export async function selectFreeWord(page: Page): Promise<string> {
  const target = await page.getByRole('textbox', { name: /^Text of / }).evaluate((root) => {
    const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      if (node.parentElement?.closest('[data-span]')) continue;
      const match = /\p{L}{5,}/u.exec(node.textContent ?? '');
      if (!match) continue;
      const range = document.createRange();
      range.setStart(node, match.index);
      range.setEnd(node, match.index + match[0].length);
      const box = range.getBoundingClientRect();
      return { word: match[0], x: box.left + box.width / 2, y: box.top + box.height / 2 };
    }
    return null;
  });
  if (!target) throw new Error('no word without a span is left in the text');
  // ProseMirror counts clicks itself: a double click within 500 ms of the previous one at the same
  // spot (the same word, freed again by an undo) reads as a triple click and selects the whole
  // paragraph. Keys are typed right after this returns, so rather than check the selection (a round
  // trip that gives the picker time to render), leave that window before clicking again.
  await outsideMultiClickWindow(page);
  await page.mouse.dblclick(target.x, target.y);
  lastDoubleClick.set(page, Date.now());
  return target.word;
}

/** Opens, in the editor, the first document of the first project the signed-in page sees (the demo's sample article). */
export async function openFirstDocument(page: Page): Promise<void> {
  const projects = await api<{ items: { id: string }[] }>(page, '/projects');
  const projectId = projects.items[0]!.id;
  const documents = await api<{ items: { id: string }[] }>(page, `/projects/${projectId}/documents`);
  await page.goto(`${BASE}/projects/${projectId}/documents/${documents.items[0]!.id}`);
  await page.getByRole('textbox', { name: /^Text of / }).waitFor();
}

/** For a file of editor tests (called inside its describe): signed in on the first document's editor before the tests. */
export function editorSession(timeout: number): { readonly page: Page } {
  const page = signedInForSuite(openFirstDocument, timeout);
  return {
    get page() {
      return page();
    },
  };
}

/** Creates a project through the API (`data`: its name and any other creation option) and returns its id. */
export async function newProject(page: Page, data: { name: string; [option: string]: unknown }): Promise<string> {
  return (await api<{ id: string }>(page, '/projects', { method: 'POST', data })).id;
}

/** Imports `documents` ({ name, text, spans? }) into a project through the API; `query` for import options (`?author=gold`). */
export async function addDocuments(page: Page, projectId: string, documents: unknown[], query = ''): Promise<void> {
  await api(page, `/projects/${projectId}/documents${query}`, { method: 'POST', data: { documents } });
}

/** The ids of a project's documents, in the API's order. */
export async function documentIds(page: Page, projectId: string): Promise<string[]> {
  return (await api<{ items: { id: string }[] }>(page, `/projects/${projectId}/documents`)).items.map((document) => document.id);
}

/** Assigns `documents` to the signed-in user (a project's first member: its owner) and returns that user's id. */
export async function assignToMe(page: Page, projectId: string, documents: string[]): Promise<string> {
  const me = (await api<{ items: { user: { id: string } }[] }>(page, `/projects/${projectId}/members`)).items[0]!.user.id;
  await api(page, `/projects/${projectId}/assignments`, { method: 'POST', data: { mode: 'explicit', documentIds: documents, userIds: [me] } });
  return me;
}
