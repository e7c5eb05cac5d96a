import { describe, expect, it } from 'vitest';
import { createPrismaClient } from '@/lib/db/client';
import { seedAgreementProject } from '../support/agreement-project';
import { accessibilityProblems, BASE, CREDENTIALS, screenshot, signedInForSuite } from '../support/browser';

/**
 * The agreement page's main path in Chromium, on a study seeded into the served database
 * (two annotators, six submitted documents over three weeks, relations, one adjudicated
 * document): intervals, per-annotator diagnostics, label usage, relations, agreement over
 * time, the interval switch and the methods downloads.
 */
const DATABASE = process.env.GLOSSA_TEST_DATABASE_URL;

describe.skipIf(!BASE || !DATABASE)('agreement page in Chromium', () => {
  let url = '';

  const page = signedInForSuite(async () => {
    const db = createPrismaClient(DATABASE!);
    try {
      const owner = await db.user.findFirstOrThrow({ where: { email: CREDENTIALS.email } });
      url = `${BASE}/projects/${(await seedAgreementProject(db, owner.id, 'Agreement study (browser)')).projectId}/agreement`;
    } finally {
      await db.$disconnect();
    }
  });

  it('shows intervals, the annotators, label usage, relations and agreement over time', async () => {
    await page().goto(url);
    await page().getByRole('heading', { level: 2, name: 'Entities' }).waitFor();
    const main = page().getByRole('main');
    // Every α and κ carries its bootstrap interval, e.g. "0.912 [0.801, 1.000]".
    const chart = main.getByLabel('Entities: agreement coefficients');
    expect(await chart.textContent()).toMatch(/\d\.\d{3}\s*\[-?\d\.\d{3}, \d\.\d{3}\]/);
    expect(await main.getByText(/P\(α < \.800\) = \d+%/).count()).toBeGreaterThan(0);

    const annotators = main.getByRole('table', { name: 'Per annotator' }).first();
    expect(await annotators.getByRole('rowheader').allTextContents()).toEqual(['Ana', 'Ben']);
    expect(await annotators.getByRole('link', { name: 'with Ben' }).getAttribute('href')).toMatch(/^#confusion-ENTITY-/);
    // GPE spans per document: Ana marks Pakistan and Doha in all six documents (2.00), Ben Doha in two only (1.33).
    const usage = (await main.getByLabel(/spans per document/).allTextContents()).join(' | ');
    expect(usage).toMatch(/· Ana2\.00/);
    expect(usage).toMatch(/· Ben1\.33/);

    await main.getByRole('heading', { level: 2, name: 'Relations' }).waitFor();
    expect(await main.getByRole('table', { name: 'Relation F1 per annotator pair' }).getByRole('rowheader').allTextContents()).toEqual(['Ana × Ben']);
    await main.getByRole('heading', { level: 2, name: 'Agreement over time' }).waitFor();
    expect(await main.getByLabel('Entities: token α per week').textContent()).toMatch(/2026-W47.*2026-W48.*2026-W49/s);

    await screenshot(page(), 'agreement-study');
    expect(await accessibilityProblems(page())).toEqual([]);
  });

  it('switches to jackknife intervals and downloads the methods text of the report as shown', async () => {
    await page().goto(url);
    await page().getByRole('link', { name: 'Jackknife intervals' }).click();
    await page().waitForURL(/interval=jackknife/);
    expect(await page().getByRole('link', { name: 'Jackknife intervals' }).getAttribute('aria-current')).toBe('true');
    const href = await page().getByRole('link', { name: 'Methods (Markdown)' }).getAttribute('href');
    expect(href).toMatch(/\/agreement\/methods\?scope=submitted&interval=jackknife&format=markdown$/);
    const response = await page().request.get(`${BASE}${href}`);
    expect(response.status()).toBe(200);
    const text = await response.text();
    expect(text).toMatch(/Two annotators \(Ana, Ben\) coded six documents/);
    expect(text).toContain('jackknife over units');
    expect(text).toMatch(/Relations \(matched when both endpoints and the type agree\) reached F1 \.50/);
  });
});
