import { describe, expect, it } from 'vitest';
import { accessibilityProblems, addDocuments, BASE, newProject, signedInForSuite } from '../support/browser';

/**
 * Issue #17, search across the project: the spans of a label, or containing a text, as a
 * keyword-in-context table whose rows lead to their document.
 */
const TIMEOUT = 120_000;

describe.skipIf(!BASE)('project search: KWIC concordance (Chromium)', () => {
  let projectId: string;

  const page = signedInForSuite(async (page) => {
    projectId = await newProject(page, { name: `Search ${Date.now()}` });
    const first = 'Officials in Islamabad said the talks with Kabul would resume.';
    const second = 'Kabul denied the report on Monday.';
    await addDocuments(page, projectId, [
      {
        name: 'talks',
        text: first,
        spans: [
          { start: 13, end: 22, label: 'GPE' },
          { start: 43, end: 48, label: 'GPE' },
        ],
      },
      { name: 'denial', text: second, spans: [{ start: 0, end: 5, label: 'GPE' }] },
    ]);
  }, TIMEOUT);

  it(
    'lists every span containing a text with its context, and jumps to its document',
    async () => {
      await page().goto(`${BASE}/projects/${projectId}`, { waitUntil: 'networkidle' });
      await page().getByRole('link', { name: 'Search', exact: true }).click();
      const form = page().getByRole('search', { name: 'Search spans' });
      await form.waitFor();
      await form.getByRole('searchbox', { name: /^Text in the span/ }).fill('kabul');
      await form.getByRole('button', { name: 'Search' }).click();
      await page().getByText('2 matching spans.').waitFor();
      const rows = page().getByRole('table').getByRole('row');
      // Header, then document order: "talks" before "denial".
      expect(await rows.nth(1).getByRole('cell').allTextContents()).toEqual([
        'Officials in Islamabad said the talks with ',
        'Kabul',
        ' would resume.',
        'Geo-political entity GPE',
        expect.any(String),
        'talks',
      ]);
      expect(await rows.nth(2).getByRole('cell').nth(0).textContent()).toBe('');
      expect(await accessibilityProblems(page())).toEqual([]);

      await page().getByRole('combobox', { name: 'Label' }).selectOption('GPE');
      await form.getByRole('searchbox', { name: /^Text in the span/ }).fill('');
      await form.getByRole('button', { name: 'Search' }).click();
      await page().getByText('3 matching spans.').waitFor();

      await page().getByRole('link', { name: 'denial' }).click();
      await page().waitForURL((url) => url.pathname.startsWith(`/projects/${projectId}/documents/`));
      await page()
        .getByRole('textbox', { name: /^Text of denial/ })
        .waitFor();
    },
    TIMEOUT,
  );
});
