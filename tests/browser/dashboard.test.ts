import { describe, expect, it } from 'vitest';
import { accessibilityProblems, addDocuments, api, assignToMe, BASE, documentIds, newProject, signedInForSuite } from '../support/browser';

/**
 * Issue #17, the project dashboard: on the project overview, bars of spans per label per layer
 * (annotators' and gold), a stacked bar per annotator and the cumulative documents over time, each
 * with a text alternative and a table the keyboard opens.
 */
const TIMEOUT = 120_000;
const TEXT = 'Alpha Beta Gamma Delta.';

type Label = { id: string; layer: string; name: string; key: string };

describe.skipIf(!BASE)('project dashboard charts (Chromium)', () => {
  let projectId: string;
  let entities: Label[];

  const page = signedInForSuite(async (page) => {
    projectId = await newProject(page, { name: `Dashboard ${Date.now()}`, preset: 'news-stance-framing' });
    await addDocuments(page, projectId, [{ name: 'Only', text: TEXT }]);
    const [documentId] = await documentIds(page, projectId);
    await assignToMe(page, projectId, [documentId!]);
    entities = (await api<{ labels: Label[] }>(page, `/projects/${projectId}/schema`)).labels.filter((l) => l.layer === 'ENTITY');
    const [first, second] = entities as [Label, Label];
    const span = (labelId: string, start: number, end: number, gold = false) =>
      api(page, `/documents/${documentId}/annotations`, { method: 'POST', data: { labelId, start, end, gold } });
    await span(first.id, 0, 5);
    await span(first.id, 6, 10);
    await span(second.id, 11, 16);
    await span(second.id, 17, 22, true);
    await api(page, `/documents/${documentId}/assignment`, { method: 'PATCH', data: { status: 'SUBMITTED' } });
    await api(page, `/documents/${documentId}/review`, { method: 'PATCH', data: { adjudicated: true } });
  }, TIMEOUT);

  it(
    'draws the label bars, the annotator bar and the progress steps, with their text alternatives',
    async () => {
      await page().goto(`${BASE}/projects/${projectId}`);
      const dashboard = page().getByRole('region', { name: 'Dashboard' });
      const [first, second] = entities as [Label, Label];

      // Entities: an annotators' bar and a gold bar for every entity label of the schema.
      const bars = dashboard.getByRole('img', { name: 'Spans per label: Entities' });
      await bars.waitFor();
      expect(await bars.locator('rect[data-bar="annotators"]').count()).toBe(entities.length);
      expect(await bars.locator('rect[data-bar="gold"]').count()).toBe(entities.length);
      const description = await bars.locator('desc').textContent();
      expect(description).toContain(`${first.name}: 2 by annotators, 0 gold`);
      expect(description).toContain(`${second.name}: 1 by annotators, 1 gold`);

      // One annotator (the demo owner) with a segment for each label used.
      const perAnnotator = dashboard.getByRole('img', { name: 'Spans per label per annotator' });
      expect(await perAnnotator.locator('rect[data-segment]').evaluateAll((rects) => rects.map((r) => r.getAttribute('data-segment')))).toEqual([
        first.key,
        second.key,
      ]);

      const progress = dashboard.getByRole('img', { name: 'Documents over time' });
      expect(await progress.locator('path[data-series]').count()).toBe(2);
      expect(await progress.locator('desc').textContent()).toMatch(/: 1 submitted, 1 adjudicated in all\.$/);

      // The figures as a table, opened from the keyboard.
      const toggle = dashboard
        .locator('figure')
        .filter({ has: page().getByRole('img', { name: 'Spans per label: Entities' }) })
        .getByText('Show the figures as a table');
      await toggle.focus();
      await page().keyboard.press('Enter');
      const row = dashboard.getByRole('row', { name: new RegExp(`^${second.name} 1 1$`) });
      await row.waitFor();
      expect(await accessibilityProblems(page())).toEqual([]);
    },
    TIMEOUT,
  );
});
