import { describe, expect, it } from 'vitest';
import { accessibilityProblems, addDocuments, api, BASE, signedInForSuite } from '../support/browser';

/**
 * Issue #17 bug 4: the assign panel offers every member who may annotate (here, on a project of
 * the test's own, only its owner: other browser tests add members to the demo project) and keeps
 * the project's "annotators per document", saying when fewer people are chosen than that instead
 * of lowering it. Nothing is assigned here.
 */
const TIMEOUT = 120_000;

describe.skipIf(!BASE)('assign panel (Chromium)', () => {
  const page = signedInForSuite(undefined, TIMEOUT);

  it(
    'lists the owner with their role and keeps the project default of annotators per document',
    async () => {
      const project = await api<{ id: string; annotatorsPerDocument: number }>(page(), '/projects', {
        method: 'POST',
        data: { name: `Assign panel ${Date.now().toString(36)}` },
      });
      const projectId = project.id;
      expect(project.annotatorsPerDocument, 'a new project asks for agreement by default').toBe(2);
      await addDocuments(page(), projectId, [{ name: 'one', text: 'Talks in Doha ended on Tuesday.' }]);

      await page().goto(`${BASE}/projects/${projectId}/progress`);
      const panel = page().getByRole('region', { name: 'Assign documents' });
      const owner = panel.getByRole('group', { name: /^Annotators/ }).getByRole('checkbox', { name: 'Demo Owner (owner)' });
      await owner.waitFor();
      expect(await panel.getByRole('spinbutton', { name: 'Annotators per document' }).inputValue()).toBe('2');
      expect(await accessibilityProblems(page())).toEqual([]);

      // One person chosen against a default of two: said, and nothing is sent.
      await owner.check();
      await panel.getByRole('button', { name: 'Assign documents' }).click();
      await panel.getByText('Annotators per document (2) must be between 1 and the 1 chosen: choose more annotators or lower it.').waitFor();
      expect(
        await page()
          .getByText(/^Created \d+ assignment/)
          .count(),
      ).toBe(0);
      await api(page(), `/projects/${projectId}`, { method: 'DELETE' });
    },
    TIMEOUT,
  );
});
