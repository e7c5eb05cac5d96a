import { afterAll, describe, expect, it } from 'vitest';
import { createPrismaClient, type PrismaClient } from '@/lib/db/client';
import { accessibilityProblems, addDocuments, api, BASE, documentIds, signedInForSuite } from '../support/browser';
import { makeRecommender, makeRun, suggest } from '../support/suggestions';

/**
 * Suggestions in the editor (issue #18): pending suggestions drawn as ghost spans; Alt+↓ goes to
 * the next one, Enter accepts it (the span appears), Backspace rejects it (never offered again),
 * and the popover accepts every suggestion of a label at once. Suggestions are inserted by the
 * fixture, as the recommender engine would leave them, in a project of this test's own.
 */
const TIMEOUT = 240_000;
const TEXT = 'Talks between Pakistan and the Afghan Taliban ended in Doha on Tuesday. Pakistan hosted more talks in Islamabad.';
const at = (quote: string, from = 0) => ({ start: TEXT.indexOf(quote, from), end: TEXT.indexOf(quote, from) + quote.length });

describe.skipIf(!BASE)('suggestions in the editor (Chromium)', () => {
  let db: PrismaClient;
  let documentId: string;
  let projectId: string;

  const page = signedInForSuite(async (page) => {
    db = createPrismaClient(process.env.GLOSSA_TEST_DATABASE_URL!);
    const project = await api<{ id: string }>(page, '/projects', {
      method: 'POST',
      data: { name: `Suggestions ${Date.now().toString(36)}`, allowSelfAssignment: true },
    });
    projectId = project.id;
    await addDocuments(page, project.id, [{ name: 'talks', text: TEXT }]);
    documentId = (await documentIds(page, project.id))[0]!;
    const run = await makeRun(db, await makeRecommender(db, project.id, 'Gazetteer'), [documentId]);
    await suggest(db, run, documentId, [
      { label: 'GPE', ...at('Pakistan') },
      { label: 'ORG', ...at('Afghan Taliban') },
      { label: 'GPE', ...at('Doha') },
      { label: 'GPE', ...at('Pakistan', 20) },
      { label: 'GPE', ...at('Islamabad') },
    ]);
    await page.goto(`${BASE}/projects/${project.id}/documents/${documentId}`);
  }, TIMEOUT);

  afterAll(async () => {
    await db?.$disconnect();
  });

  const text = () => page().getByRole('textbox', { name: /^Text of / });
  const ghosts = () => text().locator('[data-suggestion]');
  const spans = () => text().locator('[data-span]');
  const popover = () => page().getByRole('dialog', { name: 'Suggestion' });
  const selectedQuote = async () => (await popover().textContent()) ?? '';

  it(
    'accepts with Enter, rejects with Backspace, accepts all of a label from the popover',
    async () => {
      await expect.poll(() => ghosts().count(), { timeout: 30_000 }).toBe(5);
      await text().click({ position: { x: 2, y: 2 } });
      await page().keyboard.press('Home');

      // Alt+↓ selects the first ghost from the caret; Enter accepts it as a span of mine.
      await page().keyboard.press('Alt+ArrowDown');
      await popover().waitFor();
      expect(await selectedQuote()).toContain('“Pakistan”');
      expect(await accessibilityProblems(page())).toEqual([]);
      await page().keyboard.press('Enter');
      await expect.poll(() => spans().filter({ hasText: 'Pakistan' }).count(), { timeout: 30_000 }).toBe(1);
      expect(await ghosts().count()).toBe(4);

      // The next one is the ORG ghost: Backspace rejects it.
      await page().keyboard.press('Alt+ArrowDown');
      await expect.poll(selectedQuote).toContain('“Afghan Taliban”');
      await page().keyboard.press('Backspace');
      await expect.poll(() => ghosts().count()).toBe(3);
      expect(await spans().filter({ hasText: 'Afghan Taliban' }).count()).toBe(0);

      // Accept all three remaining Location suggestions from the popover.
      await page().keyboard.press('Alt+ArrowDown');
      await expect.poll(selectedQuote).toContain('“Doha”');
      await popover()
        .getByRole('button', { name: /^Accept all 3 / })
        .click();
      await expect.poll(() => ghosts().count()).toBe(0);
      await expect.poll(() => spans().count(), { timeout: 30_000 }).toBe(4);

      const mine = await api<{ items: { quote: string; origin: string; label: string }[] }>(page(), `/documents/${documentId}/annotations`);
      expect(mine.items.map((a) => [a.quote, a.label, a.origin])).toEqual([
        ['Pakistan', 'GPE', 'SUGGESTED'],
        ['Doha', 'GPE', 'SUGGESTED'],
        ['Pakistan', 'GPE', 'SUGGESTED'],
        ['Islamabad', 'GPE', 'SUGGESTED'],
      ]);
      // The rejected suggestion is not offered again after a reload.
      await page().reload();
      await text().waitFor();
      await expect.poll(() => spans().count(), { timeout: 30_000 }).toBe(4);
      expect(await ghosts().count()).toBe(0);
      expect((await api<{ items: unknown[] }>(page(), `/documents/${documentId}/suggestions`)).items).toEqual([]);
    },
    TIMEOUT,
  );

  it(
    'shows the run beside the humans on the report page, and the acceptance of its suggestions',
    async () => {
      await page().goto(`${BASE}/projects/${projectId}/agreement?interval=none`);
      await page().getByRole('navigation', { name: 'Coders' }).getByRole('link', { name: 'Humans and models' }).click();
      await page().getByRole('heading', { name: 'Models as annotators' }).waitFor();
      expect(new URL(page().url()).searchParams.get('models')).toBe('all');
      expect(
        await page()
          .getByRole('heading', { name: /^Gazetteer · run / })
          .count(),
      ).toBe(1);
      const acceptance = page().getByRole('table', { name: /^Decisions on suggestions/ });
      // By the first test: four GPE suggestions accepted, the ORG one rejected, all today.
      const today = new Date().toISOString().slice(0, 10);
      expect((await acceptance.getByRole('row').allTextContents()).slice(1)).toEqual([
        `GazetteerGeo-political entity40100%00${today}: 4 / 0`,
        `GazetteerOrganization010%00${today}: 0 / 1`,
      ]);
      expect(await accessibilityProblems(page())).toEqual([]);
    },
    TIMEOUT,
  );
});
