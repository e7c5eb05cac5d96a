import { describe, expect, it } from 'vitest';
import { accessibilityProblems, api, BASE, newProject, signedInForSuite } from '../support/browser';

/**
 * Issue #17, documents: text pasted on the import page becomes a document named after its first
 * line; a manager renames it and withdraws it from the project's document list.
 */
const TIMEOUT = 120_000;

describe.skipIf(!BASE)('documents: paste, rename, withdraw (Chromium)', () => {
  let projectId: string;

  const page = signedInForSuite(async (page) => {
    projectId = await newProject(page, { name: `Documents ${Date.now()}` });
  }, TIMEOUT);

  const names = async () => (await api<{ items: { name: string }[] }>(page(), `/projects/${projectId}/documents`)).items.map((document) => document.name);

  it(
    'imports pasted text under its first line, then renames and withdraws it from the list',
    async () => {
      await page().goto(`${BASE}/projects/${projectId}/import`, { waitUntil: 'networkidle' });
      const paste = page().getByRole('region', { name: 'Paste text' });
      await paste.getByRole('textbox', { name: 'Text' }).fill('\nFloods in   Sindh\n\nThe provincial government said on Monday that the water was receding.');
      await paste.getByRole('button', { name: 'Import the text' }).click();
      await paste.getByRole('status').getByRole('link', { name: 'Floods in Sindh' }).waitFor();
      expect(await names()).toEqual(['Floods in Sindh']);
      expect(await accessibilityProblems(page())).toEqual([]);

      await page().goto(`${BASE}/projects/${projectId}`, { waitUntil: 'networkidle' });
      await page().getByRole('button', { name: 'Rename Floods in Sindh' }).click();
      const rename = page().getByRole('form', { name: 'Rename Floods in Sindh' });
      await rename.getByRole('textbox', { name: 'New name of Floods in Sindh' }).fill('Sindh floods (Dawn)');
      await rename.getByRole('button', { name: 'Save name' }).click();
      await page().getByRole('link', { name: 'Sindh floods (Dawn)' }).waitFor();
      expect(await names()).toEqual(['Sindh floods (Dawn)']);
      expect(await accessibilityProblems(page())).toEqual([]);

      await page().getByRole('button', { name: 'Withdraw Sindh floods (Dawn)' }).click();
      await page().getByRole('group', { name: 'Withdraw Sindh floods (Dawn)?' }).getByRole('button', { name: 'Withdraw', exact: true }).click();
      await page().getByText('No documents yet.').waitFor();
      expect(await names()).toEqual([]);
    },
    TIMEOUT,
  );
});
