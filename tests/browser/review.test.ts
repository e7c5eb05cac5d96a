import { mkdirSync } from 'node:fs';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { accessibilityProblems, BASE, launchChromium, SCREENSHOTS, signIn } from '../support/browser';

/**
 * The curator pages in a real browser, against a running Glossa (GLOSSA_URL) and an
 * account that owns or curates at least one project. Screenshots go to test-results/.
 */
const SHOTS = SCREENSHOTS;

describe.skipIf(!BASE)('review pages in Chromium', () => {
  let browser: Browser;
  let page: Page;
  let project = '';

  beforeAll(async () => {
    mkdirSync(SHOTS, { recursive: true });
    browser = await launchChromium();
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
    expect(await page.getByRole('link', { name: 'Download JSON' }).getAttribute('href')).toMatch(/\/agreement\?scope=all&interval=bootstrap$/);
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
