import { describe, expect, it } from 'vitest';
import { accessibilityProblems, api, BASE, screenshot, signedInForSuite } from '../support/browser';

/**
 * Issue #16: the import form asks for every option the API has, each only for the formats that
 * read it. A SemEval-shaped CSV stance file goes in through the form with its question columns
 * set, on a project of the test's own (default preset: OVERALL_STANCE per target, target TTP), and
 * the report shows what it stored and what it counted.
 */
const TIMEOUT = 120_000;

const STANCE_CSV = [
  'Tweet,Target,Stance',
  'The TTP must be stopped now.,TTP,AGAINST',
  'Talks with the TTP are welcome.,TTP,favor',
  'Nothing to say about it.,TTP,',
  '',
].join('\n');

describe.skipIf(!BASE)('import form options (Chromium)', () => {
  const page = signedInForSuite(undefined, TIMEOUT);

  it(
    'imports a CSV stance file with the question column set and shows the report’s counts',
    async () => {
      const project = await api<{ id: string }>(page(), '/projects', { method: 'POST', data: { name: `Import options ${Date.now().toString(36)}` } });
      await page().goto(`${BASE}/projects/${project.id}/import`);
      const options = page().getByRole('region', { name: 'Options' });
      await options.getByLabel('Format').waitFor();
      // Nothing chosen yet: no format-specific option is asked.
      expect(await options.getByLabel(/^Question column/).count()).toBe(0);
      expect(await options.getByLabel(/^Text encoding/).count()).toBe(0);

      await page()
        .locator('input[type="file"]')
        .setInputFiles({ name: 'semeval.csv', mimeType: 'text/csv', buffer: Buffer.from(STANCE_CSV) });
      await page().getByRole('cell', { name: 'CSV, one document per row' }).waitFor();
      // A CSV reads the columns and the encoding; the Label Studio offset unit and source authors are not its options.
      expect(await options.getByLabel(/^Label Studio offsets/).count()).toBe(0);
      expect(await options.getByLabel('Keep the annotators named in the files').count()).toBe(0);
      await options.getByLabel(/^Text encoding/).selectOption('utf-8');
      await options.getByLabel(/^Text column/).fill('Tweet');
      await options.getByLabel(/^Question column/).fill('Stance');
      await options.getByLabel(/^Question it answers/).selectOption('OVERALL_STANCE');
      await options.getByLabel(/^Target column/).fill('Target');
      expect(await accessibilityProblems(page())).toEqual([]);

      await page().getByRole('button', { name: 'Import 1 file' }).click();
      const outcome = page().getByRole('region', { name: 'Import finished' });
      await outcome.waitFor();
      expect(await outcome.getByText('3 documents were imported').isVisible()).toBe(true);
      const row = outcome.getByRole('row', { name: /semeval\.csv/ });
      // File, read as, documents, spans, relations, answers, skipped, notes.
      expect(await row.getByRole('cell').allInnerTexts()).toEqual(['semeval.csv', 'csv, utf-8', '3', '0', '0', '2', '1 × blank Stance cells', '—']);
      await screenshot(page(), 'import-options-stance-csv');

      // The documents it lists are the rows, named after the file and row (the CSV has no name column).
      expect(await outcome.getByRole('link', { name: /^semeval#/ }).allInnerTexts()).toEqual(['semeval#1', 'semeval#2', 'semeval#3']);
    },
    TIMEOUT,
  );

  it(
    'shows how many problems a rejected import had when there are more than the server lists',
    async () => {
      const project = await api<{ id: string }>(page(), '/projects', { method: 'POST', data: { name: `Import problems ${Date.now().toString(36)}` } });
      await page().goto(`${BASE}/projects/${project.id}/import`);
      const rows = Array.from({ length: 101 }, (_, i) => `Row ${i},extra`);
      await page()
        .locator('input[type="file"]')
        .setInputFiles({ name: 'ragged.csv', mimeType: 'text/csv', buffer: Buffer.from(`text\n${rows.join('\n')}\n`) });
      await page().getByRole('cell', { name: 'CSV, one document per row' }).waitFor();
      await page().getByRole('button', { name: 'Import 1 file' }).click();
      const outcome = page().getByRole('region', { name: 'Nothing was imported' });
      await outcome.waitFor();
      expect(await outcome.getByText('101 problems were found; the first 100 are listed below, 1 more is not.').isVisible()).toBe(true);
      const problems = outcome.getByRole('table', { name: 'Problems that stopped the import' }).getByRole('row');
      // A header row and the 100 listed problems.
      expect(await problems.count()).toBe(101);
      expect(await problems.nth(1).getByRole('cell').allInnerTexts()).toEqual([
        'ragged.csv',
        'line 2',
        expect.stringMatching(/^the row has 2 field\(s\) but the header names 1 column\(s\)/),
        '',
      ]);
    },
    TIMEOUT,
  );

  it(
    'asks for the offset unit and source authors only when a Label Studio file is chosen',
    async () => {
      const project = await api<{ id: string }>(page(), '/projects', { method: 'POST', data: { name: `Import options LS ${Date.now().toString(36)}` } });
      await page().goto(`${BASE}/projects/${project.id}/import`);
      const task = [{ id: 1, data: { text: 'Talks in Doha 🙂 ended.' }, annotations: [] }];
      await page()
        .locator('input[type="file"]')
        .setInputFiles({ name: 'tasks.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(task)) });
      await page().getByRole('cell', { name: 'Label Studio JSON' }).waitFor();
      const options = page().getByRole('region', { name: 'Options' });
      expect(await options.getByLabel(/^Label Studio offsets/).isVisible()).toBe(true);
      expect(await options.getByLabel('Keep the annotators named in the files').isVisible()).toBe(true);
      expect(await options.getByLabel(/^Question column/).count()).toBe(0);
      expect(await accessibilityProblems(page())).toEqual([]);
    },
    TIMEOUT,
  );
});
