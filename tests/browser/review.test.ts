import { mkdirSync } from 'node:fs';
import { describe, expect, it, onTestFinished } from 'vitest';
import { accessibilityProblems, addDocuments, api, BASE, CREDENTIALS, documentIds, SCREENSHOTS, signedIn, signedInForSuite } from '../support/browser';

/**
 * The curator pages in a real browser, against a running Glossa (GLOSSA_URL) and an
 * account that owns or curates at least one project. Screenshots go to test-results/.
 */
const SHOTS = SCREENSHOTS;

describe.skipIf(!BASE)('review pages in Chromium', () => {
  let project = '';

  const page = signedInForSuite(async (page) => {
    mkdirSync(SHOTS, { recursive: true });
    await page.goto(`${BASE}/`);
    const href = await page.locator('main a[href^="/projects/"]:not([href="/projects/new"])').first().getAttribute('href');
    project = /^\/projects\/[^/?#]+/.exec(href ?? '')?.[0] ?? '';
    expect(project, 'the account needs a project').not.toBe('');
  }, 60_000);

  it.each([
    { section: 'progress', tab: 'Progress', heading: 'Annotators' },
    { section: 'agreement', tab: 'Agreement', heading: 'What is compared' },
    { section: 'review', tab: 'Review', heading: 'Review queue' },
  ])(
    'renders the $tab page',
    async ({ section, tab, heading }) => {
      await page().goto(`${BASE}${project}/${section}`);
      await page().getByRole('heading', { level: 2, name: heading }).waitFor();
      expect(
        await page().getByRole('navigation', { name: 'Project sections' }).getByRole('link', { name: tab, exact: true }).getAttribute('aria-current'),
      ).toBe('page');
      await page().screenshot({ path: `${SHOTS}/review-${section}.png`, fullPage: true });
      expect(await accessibilityProblems(page())).toEqual([]);
    },
    60_000,
  );

  it('switches the agreement scope', async () => {
    await page().goto(`${BASE}${project}/agreement`);
    await page().getByRole('link', { name: 'All work so far' }).click();
    await page().waitForURL(/scope=all/);
    expect(await page().getByRole('link', { name: 'All work so far' }).getAttribute('aria-current')).toBe('true');
    expect(await page().getByRole('link', { name: 'Download JSON' }).getAttribute('href')).toMatch(/\/agreement\?scope=all&interval=bootstrap$/);
  }, 60_000);

  /**
   * A project of its own whose one document carries two submitted ENTITY spans, so the
   * review page lists two candidates and j/k have somewhere to go (the demo document has none).
   * Returns the project's id; the caller deletes it, so other browser tests see only the demo.
   */
  async function projectWithTwoCandidates(): Promise<string> {
    const { id } = await api<{ id: string }>(page(), '/projects', { method: 'POST', data: { name: `Review keys ${Date.now()}` } });
    const text = 'Ana met Bilal in Bannu.';
    await addDocuments(page(), id, [
      {
        name: 'j and k',
        text,
        spans: [
          { start: 0, end: 3, label: 'PERSON' },
          { start: 8, end: 13, label: 'PERSON' },
        ],
      },
    ]);
    const documentId = (await documentIds(page(), id))[0]!;
    const owner = (await api<{ items: { user: { id: string; email: string | null } }[] }>(page(), `/projects/${id}/members`)).items.find(
      (m) => m.user.email === CREDENTIALS.email,
    )!;
    await api(page(), `/projects/${id}/assignments`, { method: 'POST', data: { mode: 'explicit', documentIds: [documentId], userIds: [owner.user.id] } });
    await api(page(), `/documents/${documentId}/assignment`, { method: 'PATCH', data: { status: 'SUBMITTED' } });
    return id;
  }

  it('walks the candidates of the first queued document with j and k', async () => {
    const seeded = await projectWithTwoCandidates();
    onTestFinished(() => api(page(), `/projects/${seeded}`, { method: 'DELETE' }));
    await page().goto(`${BASE}/projects/${seeded}/review?status=all`);
    // The queue streams in after the loading state.
    await page().getByRole('heading', { level: 2, name: 'Review queue' }).waitFor();
    await page().locator('main table a[href*="/review/"]').first().click();
    await page().getByRole('heading', { level: 2, name: 'Candidates' }).waitFor();
    const rows = page().locator('main tbody tr[tabindex]');
    expect(await rows.allInnerTexts()).toEqual([expect.stringContaining('Ana'), expect.stringContaining('Bilal')]);
    await rows.first().focus();
    await page().keyboard.press('j');
    expect(await rows.nth(1).evaluate((row) => row === document.activeElement)).toBe(true);
    await page().keyboard.press('k');
    expect(await rows.first().evaluate((row) => row === document.activeElement)).toBe(true);
    await page().screenshot({ path: `${SHOTS}/review-document.png`, fullPage: true });
    expect(await accessibilityProblems(page())).toEqual([]);
  }, 60_000);

  it('stays readable in dark mode', async () => {
    const { context, page: dark } = await signedIn(page().context().browser()!, CREDENTIALS, { colorScheme: 'dark' });
    await dark.goto(`${BASE}${project}/agreement`);
    await dark.getByRole('heading', { level: 2, name: 'What is compared' }).waitFor();
    await dark.screenshot({ path: `${SHOTS}/review-agreement-dark.png`, fullPage: true });
    expect(await accessibilityProblems(dark)).toEqual([]);
    await context.close();
  }, 60_000);
});
