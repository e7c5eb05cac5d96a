import type { Browser, Page } from 'playwright-core';
import { describe, expect, it, onTestFinished } from 'vitest';
import { accessibilityProblems, api, BASE, chromiumForSuite, screenshot, signedIn, signUp } from '../support/browser';

/**
 * Adjudication in Chromium (issue #17): a curator moves through the disagreements of a document
 * two annotators submitted with the keyboard, accepts one, moves a gold span by selecting text,
 * adds a gold span nobody proposed, and finds gold as set after a reload.
 */
const TIMEOUT = 240_000;
const TEXT = 'Ana met Bilal Khan in Bannu on Monday.';

interface Label {
  id: string;
  layer: string;
  name: string;
  retired: boolean;
}

/**
 * A project of the signed-in owner with one document, on which the owner and a second annotator
 * submitted: Ana (both), Bilal (owner) against Bilal Khan (other), Bannu (other only).
 */
async function twoSubmittedAnnotators(browser: Browser, owner: Page) {
  const project = await api<{ id: string }>(owner, '/projects', { method: 'POST', data: { name: `Adjudication ${Date.now()}` } });
  await api(owner, `/projects/${project.id}/documents`, { method: 'POST', data: { documents: [{ name: 'two annotators', text: TEXT }] } });
  const documentId = (await api<{ items: { id: string }[] }>(owner, `/projects/${project.id}/documents`)).items[0]!.id;
  const { page: other, email } = await signUp(browser, 'Second');
  await api(owner, `/projects/${project.id}/members`, { method: 'POST', data: { email, role: 'ANNOTATOR' } });
  const members = (await api<{ items: { user: { id: string; email: string | null } }[] }>(owner, `/projects/${project.id}/members`)).items;
  await api(owner, `/projects/${project.id}/assignments`, {
    method: 'POST',
    data: { mode: 'explicit', documentIds: [documentId], userIds: members.map((m) => m.user.id) },
  });
  const labels = (await api<{ labels: Label[] }>(owner, `/projects/${project.id}/schema`)).labels.filter((l) => l.layer === 'ENTITY' && !l.retired);
  const person = labels[0]!;
  const work = async (page: Page, spans: [number, number][]) => {
    for (const [start, end] of spans) {
      await api(page, `/documents/${documentId}/annotations`, { method: 'POST', data: { labelId: person.id, start, end } });
    }
    await api(page, `/documents/${documentId}/assignment`, { method: 'PATCH', data: { status: 'SUBMITTED' } });
  };
  await work(owner, [
    [0, 3],
    [8, 13],
  ]);
  await work(other, [
    [0, 3],
    [8, 18],
    [22, 27],
  ]);
  await other.context().close();
  return { projectId: project.id, documentId, other: labels[1] ?? person };
}

/** Drags the mouse over `phrase` in the review text, as a curator selects it (partly: snapping completes the words). */
async function dragOver(page: Page, phrase: string, inset: number) {
  const box = await page.getByRole('region', { name: 'Document text, candidates marked' }).evaluate(
    (root, { phrase, inset }) => {
      const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
      const rect = (node: Node, at: number) => {
        const range = document.createRange();
        range.setStart(node, at);
        range.setEnd(node, at + 1);
        return range.getBoundingClientRect();
      };
      for (let node = walker.nextNode(); node; node = walker.nextNode()) {
        const at = node.textContent?.indexOf(phrase) ?? -1;
        if (at < 0) continue;
        const first = rect(node, at + inset);
        const last = rect(node, at + phrase.length - 1 - inset);
        return { x1: first.left + 1, x2: last.right - 1, y: first.top + first.height / 2 };
      }
      return null;
    },
    { phrase, inset },
  );
  if (!box) throw new Error(`“${phrase}” is not one text node of the review text`);
  await page.mouse.move(box.x1, box.y);
  await page.mouse.down();
  await page.mouse.move(box.x2, box.y, { steps: 5 });
  await page.mouse.up();
}

const focusedRow = (page: Page) => page.evaluate(() => (document.activeElement as HTMLElement | null)?.closest('tr')?.cells[0]?.textContent ?? null);

describe.skipIf(!BASE)('adjudication in Chromium', () => {
  const chromium = chromiumForSuite(undefined, TIMEOUT);

  it(
    'walks disagreements by keyboard, accepts, moves gold by selecting text, adds a gold span, and keeps it all after a reload',
    async () => {
      const browser = chromium();
      const { page } = await signedIn(browser);
      await page.setViewportSize({ width: 1366, height: 768 });
      const { projectId, documentId, other } = await twoSubmittedAnnotators(browser, page);
      onTestFinished(() => api(page, `/projects/${projectId}`, { method: 'DELETE' }));
      await page.goto(`${BASE}/projects/${projectId}/review/${documentId}`);
      await page.getByRole('heading', { level: 2, name: 'Candidates' }).waitFor();
      const status = page.getByRole('status');

      // The text beside the list, both as tall as the viewport once the workbench is scrolled to.
      const text = page.getByRole('region', { name: 'Document text, candidates marked' });
      const list = page.locator('section[aria-labelledby="candidates-heading"]');
      await list.evaluate((section) => section.parentElement!.scrollIntoView());
      const [textBox, listBox] = [await text.boundingBox(), await list.boundingBox()];
      expect(textBox!.x + textBox!.width).toBeLessThanOrEqual(listBox!.x);
      expect(listBox!.height).toBeGreaterThan(700);
      expect(textBox!.y + textBox!.height).toBeGreaterThan(600);

      // Rows: Ana (agreed), Bilal Khan and Bilal (one disagreement), Bannu (another).
      const rows = page.locator('main tbody tr[tabindex]');
      const row = (quote: string) => rows.filter({ has: page.locator('td:first-child', { hasText: new RegExp(`^${quote}$`) }) });
      expect(await rows.allInnerTexts()).toEqual([
        expect.stringMatching(/^Ana/),
        expect.stringMatching(/^Bilal Khan/),
        expect.stringMatching(/^Bilal\t/),
        expect.stringMatching(/^Bannu/),
      ]);
      await rows.first().focus();
      await page.keyboard.press('n');
      expect(await focusedRow(page)).toBe('Bilal Khan');
      await page.keyboard.press('n');
      expect(await focusedRow(page)).toBe('Bannu');
      await page.keyboard.press('p');
      expect(await focusedRow(page)).toBe('Bilal Khan');
      // Selecting a candidate highlights its span in the text.
      expect((await text.locator('[data-active]').allInnerTexts()).join('')).toBe('Bilal Khan');

      // Accept it; the next unresolved disagreement is then Bannu's, from anywhere.
      await page.keyboard.press('a');
      await status.getByText('Accepted into gold: 1 span, 0 relations and 0 answers.').waitFor();
      // The refreshed list shows it in gold, as the curator sees before moving on.
      await row('Bilal Khan').getByText('✓ in gold').waitFor();
      await rows.first().focus();
      await page.keyboard.press('u');
      expect(await focusedRow(page)).toBe('Bannu');

      // Move the accepted gold span to “Bilal” by selecting part of it and pressing b.
      await page.keyboard.press('p');
      expect(await focusedRow(page)).toBe('Bilal Khan');
      await dragOver(page, 'Bilal', 1);
      // The raw selection is shown; the gold span gets it snapped to whole words.
      const selected = page.getByRole('region', { name: 'Selected text' }).locator('q');
      await selected.waitFor();
      expect(await selected.textContent()).toBe('ila');
      await page.keyboard.press('b');
      await status.getByText('Gold span moved to “Bilal”.').waitFor();
      await row('Bilal').getByText('✓ in gold').waitFor();
      expect(await focusedRow(page)).toBe('Bilal');

      // Add “Monday”, which nobody proposed, with the label picker.
      await dragOver(page, 'Monday', 0);
      await page.keyboard.press('g');
      await page.getByRole('combobox', { name: 'Filter labels' }).fill(other.name);
      await page.keyboard.press('Enter');
      await status.getByText(`Gold span “Monday” added as ${other.name}.`).waitFor();
      await row('Monday').getByText('✓ in gold').waitFor();
      expect(await focusedRow(page)).toBe('Monday');
      await screenshot(page, 'adjudication');
      expect(await accessibilityProblems(page)).toEqual([]);

      await page.reload();
      await page.getByRole('heading', { level: 2, name: 'Candidates' }).waitFor();
      const gold = await api<{ items: { start: number; end: number; labelId: string }[] }>(page, `/documents/${documentId}/annotations?author=gold`);
      expect(gold.items.map((s) => [s.start, s.end]).sort((a, b) => a[0]! - b[0]!)).toEqual([
        [8, 13],
        [31, 37],
      ]);
      expect(gold.items.find((s) => s.start === 31)?.labelId).toBe(other.id);
      const inGold = (quote: string) => row(quote).getByText('✓ in gold').count();
      expect(await inGold('Bilal')).toBe(1);
      expect(await inGold('Bilal Khan')).toBe(0);
      expect(await inGold('Monday')).toBe(1);
    },
    TIMEOUT,
  );
});
