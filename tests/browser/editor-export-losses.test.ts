import { describe, expect, it } from 'vitest';
import { accessibilityProblems, addDocuments, BASE, newProject, signedInForSuite } from '../support/browser';

/**
 * Issue #17 bug 5: the export page says, before the download, how many spans a CoNLL file
 * cannot hold (from the dataset card's counts), and says nothing for a format that keeps them.
 */
const TIMEOUT = 90_000;

describe.skipIf(!BASE)('export page: spans a format leaves out (Chromium)', () => {
  let projectId: string;

  const page = signedInForSuite(async (page) => {
    projectId = await newProject(page, { name: `Export losses ${Date.now()}`, allowOverlap: true });
    // "Pakistan" inside "State Bank of Pakistan": CoNLL keeps the outer organisation only.
    const text = 'The State Bank of Pakistan raised rates.';
    await addDocuments(
      page,
      projectId,
      [
        {
          name: 'rates',
          text,
          spans: [
            { start: 4, end: 26, label: 'ORG' },
            { start: 18, end: 26, label: 'GPE' },
          ],
        },
      ],
      '?author=gold',
    );
  }, TIMEOUT);

  it(
    'names the nested span CoNLL drops before the download button, and nothing for JSONL',
    async () => {
      await page().goto(`${BASE}/projects/${projectId}/export`);
      const loss = page().getByRole('note', { name: 'Not in this file' });
      await page()
        .getByRole('region', { name: /^Preview/ })
        .locator('pre')
        .first()
        .waitFor();
      expect(await loss.count(), 'JSONL keeps nested spans').toBe(0);

      await page().getByLabel('CoNLL-2003 (BIO)').check();
      await loss.waitFor();
      expect(await loss.textContent()).toBe('1 nested span will not be in this file (one entity per word: the outermost is kept).');
      expect(await accessibilityProblems(page())).toEqual([]);
    },
    TIMEOUT,
  );
});
