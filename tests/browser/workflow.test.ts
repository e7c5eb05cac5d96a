import { existsSync, readFileSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { tokenize } from '@/lib/tokenize';
import { accessibilityProblems, api, BASE, chromiumForSuite, screenshot, signUp, type SchemaLabel } from '../support/browser';

/**
 * The whole research workflow in Chromium: an owner signs up, creates a project from
 * the "news stance & framing" preset, imports the op-ed, assigns it to two annotators;
 * each annotator labels it in the editor (own browser context) and submits; the
 * curator reads the agreement report, adjudicates into gold and exports jsonl and
 * conll, whose content is checked. Screenshots of the editor, the agreement report
 * and the adjudication view go to test-results/screenshots (the README shows the
 * editor's). Every main page is checked with axe-core.
 */
const FIXTURE = new URL('../../../shared/fixtures/op-ed-terrorist-alliances.txt', import.meta.url);
const OWN_DOCUMENT =
  `Border talks stall as attacks rise

Talks between Pakistan and the Afghan Taliban ended in Doha ` +
  `on Tuesday. An attack in Bannu killed eleven soldiers. Islamabad blames the Hafiz Gul Bahadur ` +
  `group, led by Hafiz Gul Bahadur.`;
const unique = Date.now().toString(36);

/** Selects `needle` in the editor text by dragging the mouse across it, as a person would. */
async function dragSelect(page: Page, needle: string, occurrence = 0): Promise<void> {
  const box = await page.getByRole('textbox', { name: /^Text of / }).evaluate(
    (root, [text, nth]) => {
      const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
      const nodes: Text[] = [];
      let flat = '';
      for (let node = walker.nextNode(); node; node = walker.nextNode()) nodes.push(node as Text);
      const starts = nodes.map((node) => ((flat += node.data), flat.length - node.data.length));
      let at = -1;
      for (let i = 0; i <= (nth as number); i++) at = flat.indexOf(text as string, at + 1);
      const locate = (offset: number) => {
        const i = starts.findLastIndex((start) => start <= offset);
        return { node: nodes[i]!, offset: offset - starts[i]! };
      };
      const rect = (offset: number) => {
        const { node, offset: o } = locate(offset);
        const range = document.createRange();
        range.setStart(node, o);
        range.setEnd(node, o + 1);
        return range.getBoundingClientRect();
      };
      const first = rect(at);
      const last = rect(at + (text as string).length - 1);
      return { x1: first.left + 1, y1: first.top + first.height / 2, x2: last.right - 1, y2: last.top + last.height / 2 };
    },
    [needle, occurrence] as const,
  );
  await page.mouse.move(box.x1, box.y1);
  await page.mouse.down();
  await page.mouse.move(box.x2, box.y2, { steps: 5 });
  await page.mouse.up();
}

describe.skipIf(!BASE)('the research workflow (Chromium)', () => {
  const browser = chromiumForSuite();

  it('goes from sign-up to exported gold', async () => {
    // Owner: sign up, create a project from the default preset.
    const owner = await signUp(browser(), 'Owner', unique);
    await owner.page.goto(`${BASE}/projects/new`, { waitUntil: 'networkidle' });
    expect(await accessibilityProblems(owner.page)).toEqual([]);
    await owner.page.getByRole('textbox', { name: 'Name' }).fill(`Op-ed study ${unique}`);
    await owner.page.getByRole('radio', { name: /News stance & framing/ }).check();
    await owner.page.getByRole('button', { name: 'Create project' }).click();
    await owner.page.waitForURL((url) => /^\/projects\/(?!new$)[^/]+$/.test(url.pathname));
    const projectId = owner.page.url().split('/').pop()!;

    // Import the op-ed through the import page.
    const text = existsSync(FIXTURE) ? readFileSync(FIXTURE, 'utf8') : OWN_DOCUMENT;
    await owner.page.goto(`${BASE}/projects/${projectId}/import`, { waitUntil: 'networkidle' });
    await owner.page.locator('input[type="file"]').setInputFiles({ name: 'op-ed.txt', mimeType: 'text/plain', buffer: Buffer.from(text) });
    await owner.page.getByRole('button', { name: /^Import 1 file$/ }).click();
    await owner.page.locator('#outcome-heading').waitFor({ timeout: 30_000 });
    const documentId = (await api<{ items: { id: string }[] }>(owner.page, `/projects/${projectId}/documents`)).items[0]!.id;

    // Two annotators; assign the document to both.
    const annotators = [await signUp(browser(), 'Ana', unique), await signUp(browser(), 'Bilal', unique)];
    // Membership is by invitation, which each annotator accepts.
    for (const annotator of annotators) {
      const invitation = await api<{ id: string }>(owner.page, `/projects/${projectId}/invitations`, {
        method: 'POST',
        data: { email: annotator.email, role: 'ANNOTATOR' },
      });
      await api(annotator.page, `/invitations/${invitation.id}/accept`, { method: 'POST' });
    }
    const assigned = await api<{ created: number }>(owner.page, `/projects/${projectId}/assignments`, {
      method: 'POST',
      data: { mode: 'round-robin', perDocument: 2 },
    });
    expect(assigned.created).toBe(2);

    const schema = await api<{ labels: SchemaLabel[]; targets: { id: string; key: string }[] }>(owner.page, `/projects/${projectId}/schema`);
    const label = (layer: string, key: string) => schema.labels.find((l) => l.layer === layer && l.key === key)!;
    const taliban = schema.targets.find((t) => t.key === 'AFGHAN_TALIBAN')!;

    // Each annotator, in their own browser context: entities (one nested), stance, frame,
    // a relation and the document questions, then submit.
    for (const [index, annotator] of annotators.entries()) {
      const { page } = annotator;
      await page.goto(`${BASE}/projects/${projectId}`, { waitUntil: 'networkidle' });
      await page.getByRole('link', { name: /Start annotating/ }).click();
      const textbox = page.getByRole('textbox', { name: /^Text of / });
      await textbox.waitFor();
      let made = 0;
      const label_ = async (needle: string, layer: string, key: string) => {
        await dragSelect(page, needle);
        await page.getByRole('dialog', { name: 'Choose a label' }).waitFor();
        await page.keyboard.press(label(layer, key).hotkey!);
        made += 1;
        await page.getByRole('status').getByText('All changes saved').waitFor();
        const saved = await api<{ items: { label: string; quote: string }[] }>(page, `/documents/${documentId}/annotations`);
        expect(saved.items).toHaveLength(made);
        expect(saved.items).toContainEqual(expect.objectContaining({ label: key, quote: needle }));
      };
      await label_('Hafiz Gul Bahadur group', 'ENTITY', 'ORG');
      await label_('Hafiz Gul Bahadur', 'ENTITY', 'PERSON');
      await label_('Bannu', 'ENTITY', 'GPE');
      await label_('Afghan Taliban', 'ENTITY', index === 0 ? 'ORG' : 'NORP');
      await page.getByRole('status').getByText('All changes saved').waitFor();
      if (index === 0) await screenshot(page, 'editor');
      expect(await accessibilityProblems(page)).toEqual([]);

      // Stance (with its target), frame, relation and answers through the same API the editor uses.
      const mine = (await api<{ items: { id: string; label: string; quote: string }[] }>(page, `/documents/${documentId}/annotations`)).items;
      const at = (needle: string) => {
        const start = Array.from(text.slice(0, text.indexOf(needle))).length;
        return { start, end: start + Array.from(needle).length };
      };
      const sentence = text
        .split('\n')
        .find((line) => line.includes('Afghan Taliban'))!
        .split('. ')[0]!;
      await api(page, `/documents/${documentId}/annotations`, {
        method: 'POST',
        data: { labelId: label('STANCE', 'AGAINST').id, ...at(sentence), target: { kind: 'target', id: taliban.id } },
      });
      await api(page, `/documents/${documentId}/annotations`, { method: 'POST', data: { labelId: label('FRAME', 'SECURITY_DEFENSE').id, ...at(sentence) } });
      const person = mine.find((s) => s.label === 'PERSON')!;
      const org = mine.find((s) => s.label === 'ORG' && s.quote.includes('group'))!;
      await api(page, `/documents/${documentId}/relations`, {
        method: 'POST',
        data: { labelId: label('RELATION', 'MEMBER_OF').id, sourceId: person.id, targetId: org.id },
      });
      await api(page, `/documents/${documentId}/labels`, {
        method: 'PUT',
        data: {
          answers: [
            { labelId: label('DOCUMENT', 'OVERALL_STANCE').id, targetId: taliban.id, values: ['AGAINST'] },
            { labelId: label('DOCUMENT', 'PRIMARY_FRAME').id, values: ['SECURITY_DEFENSE'] },
          ],
        },
      });
      await page.reload({ waitUntil: 'networkidle' });
      await page.getByRole('button', { name: 'Submit', exact: true }).click();
      await expect.poll(async () => (await api<{ status: string } | null>(page, `/documents/${documentId}/assignment`))?.status).toBe('SUBMITTED');
    }

    // Curator (the owner): agreement report, adjudication, export.
    await owner.page.goto(`${BASE}/projects/${projectId}/agreement`, { waitUntil: 'networkidle' });
    await owner.page
      .getByRole('heading', { name: /agreement/i })
      .first()
      .waitFor();
    await screenshot(owner.page, 'agreement');
    expect(await accessibilityProblems(owner.page)).toEqual([]);
    const report = await api<{ scope: { documents: number }; layers: { ENTITY: { tokenAlpha: { value: number | null } } } }>(
      owner.page,
      `/projects/${projectId}/agreement`,
    );
    expect(report.scope.documents).toBe(1);
    // Token α by hand over the N tokens of lib/tokenize (the report's units): both mark the
    // same spans except "Afghan Taliban" (2 tokens, ORG vs NORP). Categories over the 2N
    // values: "" 2(N−7), ORG+PERSON 6 (the nested name), ORG 2 + 2, GPE 2, NORP 2; the
    // disagreeing coincidences sum to 2·2 = 4 → α = 1 − (2N−1)·4 / ((2N)² − Σ n_c²).
    const tokens = tokenize(text).reduce((sum, sentence) => sum + sentence.tokens.length, 0);
    const values = 2 * tokens;
    const squares = [2 * (tokens - 7), 6, 4, 2, 2].reduce((sum, count) => sum + count * count, 0);
    expect(report.layers.ENTITY.tokenAlpha.value).toBeCloseTo(1 - ((values - 1) * 4) / (values * values - squares), 4);

    await owner.page.goto(`${BASE}/projects/${projectId}/review/${documentId}`, { waitUntil: 'networkidle' });
    await api(owner.page, `/projects/${projectId}/gold/auto`, { method: 'POST', data: { minAgreement: 2, documentIds: [documentId] } });
    await owner.page.reload({ waitUntil: 'networkidle' });
    await screenshot(owner.page, 'adjudication');
    expect(await accessibilityProblems(owner.page)).toEqual([]);

    // The feedback loop: an annotator compares their submitted work with gold.
    const ana = annotators[0]!.page;
    await ana.goto(`${BASE}/projects/${projectId}/documents/${documentId}`, { waitUntil: 'networkidle' });
    await ana.getByRole('button', { name: 'Compare with gold' }).click();
    await ana.getByRole('region', { name: 'Comparison with gold' }).getByText(/F1/).waitFor();
    await screenshot(ana, 'compare-with-gold');

    const download = async (format: string) => {
      const response = await owner.page.request.get(`${BASE}/api/v1/projects/${projectId}/export?format=${format}&source=gold`);
      expect(response.status(), await response.text()).toBe(200);
      return response.text();
    };
    const jsonl = (await download('jsonl'))
      .trim()
      .split('\n')
      .map((line) => JSON.parse(line));
    expect(jsonl).toHaveLength(1);
    const gold = jsonl[0].spans as { label: string; quote: string; author: string }[];
    expect(gold).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ label: 'GPE', quote: 'Bannu', author: 'gold' }),
        expect.objectContaining({ label: 'PERSON', quote: 'Hafiz Gul Bahadur' }),
      ]),
    );
    expect(gold.some((s) => s.quote === 'Afghan Taliban')).toBe(false); // the annotators disagreed on it
    const conll = await download('conll');
    expect(conll).toMatch(/^Bannu\tB-GPE$/m);
    expect(conll).toMatch(/^Hafiz\tB-ORG$/m);
    for (const context of [owner, ...annotators]) await context.context.close();
  }, 600_000);
});
