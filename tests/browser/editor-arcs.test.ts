import { describe, expect, it } from 'vitest';
import { accessibilityProblems, BASE, openFirstDocument, screenshot, signedInForSuite } from '../support/browser';
import { editorText, labelFreeWord, linkSpans, selectSpan, spansOn } from '../support/editor-page';

/**
 * Issue #17, "relations drawn as arcs": a relation between two spans is drawn as an arc from
 * the source span's top to the target's, the toolbar's "Arcs" hides and shows them (remembered
 * across a reload), and clicking an arc focuses its relation in the relation list, where
 * Delete removes it. The spans made here are deleted at the end.
 */
const TIMEOUT = 120_000;

describe.skipIf(!BASE)('relations drawn as arcs (Chromium)', () => {
  const page = signedInForSuite(openFirstDocument, TIMEOUT);

  const arcs = () => page().locator('svg g[data-relation]');
  const arcsButton = () => page().getByRole('button', { name: 'Arcs', exact: true });
  const saved = () => page().getByRole('status').first().getByText('All changes saved').waitFor();

  /** The arc's first and last points in page coordinates, from its path and the overlay's position. */
  async function arcEnds(): Promise<{ start: [number, number]; end: [number, number] }> {
    return arcs()
      .first()
      .evaluate((group) => {
        const path = group.querySelector('path')!;
        const length = path.getTotalLength();
        const origin = group.closest('svg')!.getBoundingClientRect();
        const at = (distance: number): [number, number] => {
          const point = path.getPointAtLength(distance);
          return [point.x + origin.left, point.y + origin.top];
        };
        return { start: at(0), end: at(length) };
      });
  }

  /** The top middle of the first line box of the span over `word`, in page coordinates. */
  async function topMiddle(word: string): Promise<[number, number]> {
    return spansOn(page(), word)
      .first()
      .evaluate((span) => {
        const box = span.getClientRects()[0]!;
        return [(box.left + box.right) / 2, box.top];
      });
  }

  it(
    'draws the arc between the two spans, toggles it, and selects and deletes the relation from the arc',
    async () => {
      const person = await labelFreeWord(page(), 'p');
      const org = await labelFreeWord(page(), 'o');
      expect(await arcs().count()).toBe(0);
      await linkSpans(page(), person, org, 'member');
      await expect.poll(() => arcs().count()).toBe(1);
      await saved();
      expect(await arcsButton().getAttribute('aria-pressed')).toBe('true');
      expect(await arcs().first().locator('text').textContent()).toBe('Member of');

      const { start, end } = await arcEnds();
      const [sourceX, sourceY] = await topMiddle(person);
      const [targetX, targetY] = await topMiddle(org);
      expect(start[0]).toBeCloseTo(sourceX, 0);
      expect(start[1]).toBeCloseTo(sourceY, 0);
      expect(end[0]).toBeCloseTo(targetX, 0);
      expect(end[1]).toBeCloseTo(targetY, 0);
      expect(await accessibilityProblems(page())).toEqual([]);

      // Off, and still off after a reload: the choice is remembered.
      await arcsButton().click();
      await expect.poll(() => arcs().count()).toBe(0);
      expect(await arcsButton().getAttribute('aria-pressed')).toBe('false');
      await page().reload();
      await editorText(page()).waitFor();
      await expect.poll(() => arcsButton().getAttribute('aria-pressed')).toBe('false');
      expect(await arcs().count()).toBe(0);
      await arcsButton().click();
      await expect.poll(() => arcs().count()).toBe(1);
      await screenshot(page(), 'editor-arcs');

      // An end of a relation in the list leads to its span in the text.
      await page()
        .getByRole('tab', { name: /Relations/ })
        .click();
      await page()
        .getByRole('button', { name: new RegExp(`^“${org}” Organi`) })
        .click();
      await page().getByRole('dialog', { name: 'Selected span' }).locator('q', { hasText: org }).waitFor();
      await page().keyboard.press('Escape');

      // Clicking the arc opens the relation list on its relation, focused: Delete removes it.
      const key = await arcs().first().getAttribute('data-relation');
      await arcs().first().locator('text').click();
      const row = page().locator(`li[data-relation="${key}"]`);
      await expect.poll(() => row.evaluate((element) => element === document.activeElement)).toBe(true);
      expect(await row.getAttribute('aria-current')).toBe('true');
      expect(await row.getAttribute('aria-label')).toBe(`Member of from “${person}” to “${org}”`);
      expect(
        await page()
          .getByRole('tab', { name: /Relations/ })
          .getAttribute('aria-selected'),
      ).toBe('true');
      expect(await page().getByLabel('Type', { exact: true }).locator('option').allTextContents()).toEqual(['All types (1)', 'Member of (1)']);
      expect(await accessibilityProblems(page())).toEqual([]);
      await page().keyboard.press('Delete');
      await expect.poll(() => row.count()).toBe(0);
      await expect.poll(() => arcs().count()).toBe(0);
      await saved();

      // Leave the text as it was: no relation uses the spans any more, so they go without a question.
      for (const word of [person, org]) {
        await selectSpan(page(), word);
        await page().keyboard.press('Delete');
        await expect.poll(() => spansOn(page(), word).count()).toBe(0);
      }
      await saved();
    },
    TIMEOUT,
  );
});
