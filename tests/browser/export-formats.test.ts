import { describe, expect, it } from 'vitest';
import { BASE, CREDENTIALS, newProject, screenshot, signedInForSuite } from '../support/browser';

/**
 * The export page with a CoNLL corpus imported as gold: the token-based formats offer the source's
 * label spelling, the preview follows the choice, and the download is what the API gives. And the
 * import page's report for a CoNLL-U file, which counts what the format had that Glossa did not keep.
 */
const TIMEOUT = 90_000;

const CONLL = ['-DOCSTART- -X- -X- O', '', 'Mrs.\tB-creative-work', 'Doubtfire\tI-creative-work', 'met\tO', 'P.\tB-PER', 'Simmons\tI-PER', '.\tO', '', ''].join(
  '\n',
);

describe.skipIf(!BASE || !CREDENTIALS.email || !CREDENTIALS.password)('export formats page', () => {
  let projectId: string;

  const page = signedInForSuite(async (page) => {
    projectId = await newProject(page, { name: `Export formats ${Date.now()}` });
    const labelMap = encodeURIComponent(JSON.stringify({ PER: 'PERSON', 'creative-work': 'WORK_OF_ART' }));
    const response = await page.request.post(`${BASE}/api/v1/projects/${projectId}/documents?author=gold&labelMap=${labelMap}`, {
      multipart: { file: { name: 'wire.conll', mimeType: 'text/plain', buffer: Buffer.from(CONLL) } },
    });
    if (!response.ok()) throw new Error(`import answered ${response.status()}: ${await response.text()}`);
  }, TIMEOUT);

  it(
    'previews CoNLL-U with the schema keys, then with the labels the CoNLL file spelled',
    async () => {
      await page().goto(`${BASE}/projects/${projectId}/export`);
      await page().getByLabel('CoNLL-U (NER in MISC)').check();
      const preview = page().getByRole('region', { name: /^Preview/ });
      await preview.getByText('NER=B-WORK_OF_ART').waitFor();
      expect(await preview.locator('pre').first().textContent()).toContain('# newdoc id = wire#1');

      const sourceLabels = page().getByLabel('Labels as the imported files spelled them');
      await sourceLabels.check();
      await preview.getByText('NER=B-creative-work').waitFor();
      const text = (await preview.locator('pre').first().textContent()) ?? '';
      expect(text).toContain('2\tDoubtfire\t_\t_\t_\t_\t_\t_\t_\tNER=I-creative-work');
      expect(text).toContain('5\tSimmons\t_\t_\t_\t_\t_\t_\t_\tNER=I-PER\n6\t.\t');
      await screenshot(page(), 'export-conllu-source-labels');

      // Formats that write schema keys do not offer it.
      await page().getByLabel('Glossa JSONL').check();
      await sourceLabels.waitFor({ state: 'detached' });

      const download = await page().request.get(`${BASE}/api/v1/projects/${projectId}/export?format=conll&source=gold&labels=source`);
      expect(await download.text()).toBe(CONLL);
    },
    TIMEOUT,
  );

  it(
    'reports the CoNLL-U empty nodes and multi-word tokens an import did not keep',
    async () => {
      await page().goto(`${BASE}/projects/${projectId}/import`);
      const row = (cells: string) => `${cells.split(' ').join('\t')}\t_\t_\t_\t_\t_\t_\t_\tNER=O\n`;
      const file = `# newdoc id = es-1\n${row('1 Vamos')}${row('2-3 al')}${row('2 a')}${row('3 el')}${row('3.1 ir')}${row('4 cine')}\n`;
      await page()
        .locator('input[type="file"]')
        .setInputFiles({ name: 'es.conllu', mimeType: 'text/plain', buffer: Buffer.from(file) });
      await page().getByRole('cell', { name: 'CoNLL-U, NER in MISC' }).waitFor();
      await page().getByRole('button', { name: 'Import 1 file' }).click();
      const outcome = page().getByRole('region', { name: 'Import finished' });
      await outcome.waitFor();
      expect(await outcome.getByText('1 × CoNLL-U empty nodes (1.1) not kept').isVisible()).toBe(true);
      expect(await outcome.getByText('1 × CoNLL-U multi-word tokens kept whole, their syntactic words not kept').isVisible()).toBe(true);
      await screenshot(page(), 'import-conllu-report');
    },
    TIMEOUT,
  );
});
