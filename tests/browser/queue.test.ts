import { describe, expect, it } from 'vitest';
import { accessibilityProblems, addDocuments, assignToMe, BASE, documentIds, newProject, signedInForSuite } from '../support/browser';

/**
 * Issue #17, the annotator's queue: the editor shows where the document stands in the caller's
 * queue and how many are left, links to the previous and next document, and "Submit and next"
 * submits and opens the next unsubmitted one.
 */
const TIMEOUT = 120_000;

describe.skipIf(!BASE)('queue: previous, next, what is left, submit and next (Chromium)', () => {
  let projectId: string;
  let ids: string[];

  const page = signedInForSuite(async (page) => {
    projectId = await newProject(page, { name: `Queue ${Date.now()}` });
    await addDocuments(
      page,
      projectId,
      ['First', 'Second', 'Third'].map((name) => ({ name, text: `${name} text of the queue.` })),
    );
    ids = await documentIds(page, projectId);
    await assignToMe(page, projectId, ids);
  }, TIMEOUT);

  it(
    'walks the queue and submits through it',
    async () => {
      await page().goto(`${BASE}/projects/${projectId}/documents/${ids[0]}`);
      const queue = page().getByRole('navigation', { name: 'Your queue' });
      await queue.getByText('Document 1 of 3 in your queue · 3 left to submit').waitFor();
      expect(await queue.getByRole('link', { name: /^← Previous/ }).count()).toBe(0);
      await queue.getByRole('link', { name: /^Next/ }).click();
      await page().waitForURL(`${BASE}/projects/${projectId}/documents/${ids[1]}`);
      await queue.getByText('Document 2 of 3 in your queue · 3 left to submit').waitFor();
      await queue.getByRole('link', { name: /^← Previous/ }).click();
      await page().waitForURL(`${BASE}/projects/${projectId}/documents/${ids[0]}`);
      await page()
        .getByRole('textbox', { name: /^Text of / })
        .waitFor();
      expect(await accessibilityProblems(page())).toEqual([]);

      // Submit and next: the first is done, the second opens, and the count follows.
      await page().getByRole('button', { name: 'Submit and next' }).click();
      await page().waitForURL(`${BASE}/projects/${projectId}/documents/${ids[1]}`);
      await queue.getByText('Document 2 of 3 in your queue · 2 left to submit').waitFor();
      // A plain Submit updates the count in place.
      await page().getByRole('button', { name: 'Submit', exact: true }).click();
      await queue.getByText('Document 2 of 3 in your queue · 1 left to submit').waitFor();
      await queue.getByRole('link', { name: /^Next/ }).click();
      await page().waitForURL(`${BASE}/projects/${projectId}/documents/${ids[2]}`);
      await page().getByRole('button', { name: 'Submit and next' }).click();
      await page().getByRole('status').getByText('Submitted. Nothing is left to submit in your queue.').waitFor();
      await queue.getByText('Document 3 of 3 in your queue · all submitted').waitFor();
      expect(new URL(page().url()).pathname).toBe(`/projects/${projectId}/documents/${ids[2]}`);
    },
    TIMEOUT,
  );
});
