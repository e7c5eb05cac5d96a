import { describe, expect, it } from 'vitest';
import { accessibilityProblems, addDocuments, api, assignToMe, BASE, documentIds, newProject, signedInForSuite } from '../support/browser';

/**
 * Issue #17, annotation time: the editor beats while the annotator works; hiding the tab stops the
 * clock (no time counts while hidden); the progress page shows the active time per annotator.
 */
const TIMEOUT = 120_000;

interface Progress {
  annotators: { id: string; activeSeconds: number }[];
}

describe.skipIf(!BASE)('active annotation time (Chromium)', () => {
  let projectId: string;
  let documentId: string;
  let me: string;

  const page = signedInForSuite(async (page) => {
    projectId = await newProject(page, { name: `Timed ${Date.now()}` });
    await addDocuments(page, projectId, [{ name: 'timed', text: 'A text read for a few seconds.' }]);
    documentId = (await documentIds(page, projectId))[0]!;
    me = await assignToMe(page, projectId, [documentId]);
  }, TIMEOUT);

  const mine = async () => (await api<Progress>(page(), `/projects/${projectId}/progress`)).annotators.find((a) => a.id === me)!.activeSeconds;

  it(
    'counts the seconds the tab was visible and used, not those it was hidden, and shows them on the progress page',
    async () => {
      const opened = Date.now();
      await page().goto(`${BASE}/projects/${projectId}/documents/${documentId}`);
      await page()
        .getByRole('textbox', { name: /^Text of / })
        .click();
      await page().waitForTimeout(3_000);
      // The tab goes to the background: the editor sends its last beat.
      await page().evaluate(() => {
        Object.defineProperty(document, 'visibilityState', { configurable: true, get: () => 'hidden' });
        document.dispatchEvent(new Event('visibilitychange'));
      });
      const hiddenAt = Date.now();
      await expect.poll(mine, { timeout: 10_000 }).toBeGreaterThanOrEqual(2);
      const counted = await mine();
      expect(counted).toBeLessThanOrEqual(Math.ceil((hiddenAt - opened) / 1000));
      // Hidden for longer than a heartbeat: nothing more counts.
      await page().waitForTimeout(16_000);
      expect(await mine()).toBe(counted);

      await page().goto(`${BASE}/projects/${projectId}/progress`, { waitUntil: 'networkidle' });
      const table = page().getByRole('table').first();
      expect(await table.getByRole('columnheader', { name: 'Active time' }).count()).toBe(1);
      expect(await table.getByRole('cell', { name: `${counted} s`, exact: true }).count()).toBe(1);
      expect(await accessibilityProblems(page())).toEqual([]);
    },
    TIMEOUT,
  );
});
