import { mkdirSync } from 'node:fs';
import { createRequire } from 'node:module';
import { chromium, type Browser, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

/**
 * The curator pages in a real browser, against a running Glossa (GLOSSA_URL) and an
 * account that owns or curates at least one project. Screenshots go to test-results/.
 */
const BASE = process.env.GLOSSA_URL;
const SHOTS = 'test-results';
const axePath = createRequire(import.meta.url).resolve('axe-core/axe.min.js');

interface AxeViolation {
  id: string;
  impact: string | null;
  help: string;
  nodes: { target: unknown[] }[];
}

async function signIn(page: Page): Promise<void> {
  await page.goto(`${BASE}/signin`, { waitUntil: 'networkidle' });
  await page.getByLabel('E-mail').fill(process.env.GLOSSA_EMAIL ?? '');
  await page.getByLabel('Password').fill(process.env.GLOSSA_PASSWORD ?? '');
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.waitForURL((url) => !url.pathname.startsWith('/signin'));
}

/** Serious and critical axe-core findings inside the page's main landmark. */
async function accessibilityProblems(page: Page): Promise<string[]> {
  await page.addScriptTag({ path: axePath });
  const violations = await page.evaluate(async () => {
    const axe = (window as unknown as { axe: { run: (context: string) => Promise<{ violations: AxeViolation[] }> } }).axe;
    return (await axe.run('main')).violations;
  });
  return violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => JSON.stringify(n.target)).join(', ')})`);
}

describe.skipIf(!BASE)('review pages in Chromium', () => {
  let browser: Browser;
  let page: Page;
  let project = '';

  beforeAll(async () => {
    mkdirSync(SHOTS, { recursive: true });
    browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking'] });
    page = await browser.newPage({ viewport: { width: 1366, height: 900 } });
    await signIn(page);
    await page.goto(`${BASE}/`);
    const href = await page.locator('main a[href^="/projects/"]:not([href="/projects/new"])').first().getAttribute('href');
    project = /^\/projects\/[^/?#]+/.exec(href ?? '')?.[0] ?? '';
    expect(project, 'the account needs a project').not.toBe('');
  }, 60_000);

  afterAll(async () => {
    await browser?.close();
  });

  it.each([
    { section: 'progress', tab: 'Progress', heading: 'Annotators' },
    { section: 'agreement', tab: 'Agreement', heading: 'What is compared' },
    { section: 'review', tab: 'Review', heading: 'Review queue' },
  ])('renders the $tab page', async ({ section, tab, heading }) => {
    await page.goto(`${BASE}${project}/${section}`);
    await page.getByRole('heading', { level: 2, name: heading }).waitFor();
    expect(await page.getByRole('navigation', { name: 'Project sections' }).getByRole('link', { name: tab, exact: true }).getAttribute('aria-current')).toBe('page');
    await page.screenshot({ path: `${SHOTS}/review-${section}.png`, fullPage: true });
    expect(await accessibilityProblems(page)).toEqual([]);
  }, 60_000);

  it('switches the agreement scope', async () => {
    await page.goto(`${BASE}${project}/agreement`);
    await page.getByRole('link', { name: 'All work so far' }).click();
    await page.waitForURL(/scope=all/);
    expect(await page.getByRole('link', { name: 'All work so far' }).getAttribute('aria-current')).toBe('true');
    expect(await page.getByRole('link', { name: 'Download JSON' }).getAttribute('href')).toMatch(/\/agreement\?scope=all$/);
  }, 60_000);

  it('walks the candidates of the first queued document with j and k', async (context) => {
    await page.goto(`${BASE}${project}/review?status=all`);
    // The queue streams in after the loading state.
    await page.getByRole('heading', { level: 2, name: 'Review queue' }).waitFor();
    const first = page.locator('main table a[href*="/review/"]').first();
    if ((await first.count()) === 0) context.skip();
    await first.click();
    await page.getByRole('heading', { level: 2, name: 'Candidates' }).waitFor();
    const rows = page.locator('main tbody tr[tabindex]');
    if ((await rows.count()) > 1) {
      await rows.first().focus();
      await page.keyboard.press('j');
      expect(await rows.nth(1).evaluate((row) => row === document.activeElement)).toBe(true);
      await page.keyboard.press('k');
      expect(await rows.first().evaluate((row) => row === document.activeElement)).toBe(true);
    }
    await page.screenshot({ path: `${SHOTS}/review-document.png`, fullPage: true });
    expect(await accessibilityProblems(page)).toEqual([]);
  }, 60_000);

  it('stays readable in dark mode', async () => {
    const dark = await browser.newPage({ viewport: { width: 1366, height: 900 }, colorScheme: 'dark' });
    await signIn(dark);
    await dark.goto(`${BASE}${project}/agreement`);
    await dark.getByRole('heading', { level: 2, name: 'What is compared' }).waitFor();
    await dark.screenshot({ path: `${SHOTS}/review-agreement-dark.png`, fullPage: true });
    expect(await accessibilityProblems(dark)).toEqual([]);
    await dark.close();
  }, 60_000);
});
