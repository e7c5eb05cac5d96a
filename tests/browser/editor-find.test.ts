import { describe, expect, it } from 'vitest';
import { accessibilityProblems, BASE, editorSession, screenshot } from '../support/browser';

/**
 * Issue #17, search inside the document: Ctrl+F opens the find bar, the count and Enter move
 * through the matches, "Label all" creates a span on every match after confirming, one undo
 * removes them all. The demo article says "Pakistan" three times, as whole words.
 */
const TIMEOUT = 120_000;

describe.skipIf(!BASE)('find in the document (Chromium)', () => {
  const session = editorSession(TIMEOUT);
  const page = () => session.page;

  const text = () => page().getByRole('textbox', { name: /^Text of / });
  const findField = () => page().getByRole('searchbox', { name: 'Find in the document' });
  const findBar = () => page().getByRole('search', { name: 'Find in the document' });
  const spanRows = () => page().getByRole('button', { name: 'Delete GPE “Pakistan”' });
  const statusLine = () => page().getByRole('status').first();
  /**
   * The text of each highlighted match, the current one marked with a star. The current match's
   * decoration is a <mark> of its own, nested with the match's, so matches are the outermost marks.
   */
  const highlighted = () =>
    text()
      .locator('mark')
      .evaluateAll((marks) =>
        marks
          .filter((mark) => !mark.parentElement?.closest('mark'))
          .map((mark) => {
            const current = [mark, ...mark.querySelectorAll('mark')].some((m) => getComputedStyle(m).outlineStyle === 'solid');
            return `${mark.textContent}${current ? '*' : ''}`;
          }),
      );

  it(
    'finds, jumps, labels every match after confirming, and undoes that in one step',
    async () => {
      await text().focus();
      await page().keyboard.press('Control+f');
      await expect.poll(() => findField().evaluate((field) => field === document.activeElement)).toBe(true);
      await page().keyboard.type('pakistan');
      await findBar().getByText('1 of 3').waitFor();
      expect(await highlighted()).toEqual(['Pakistan*', 'Pakistan', 'Pakistan']);

      await page().keyboard.press('Enter');
      await findBar().getByText('2 of 3').waitFor();
      expect(await highlighted()).toEqual(['Pakistan', 'Pakistan*', 'Pakistan']);
      await page().keyboard.press('Shift+Enter');
      await page().keyboard.press('Shift+Enter');
      await findBar().getByText('3 of 3').waitFor();
      await page().keyboard.press('F3');
      await findBar().getByText('1 of 3').waitFor();

      // A second Ctrl+F in the field is the browser's own find: the editor leaves it alone.
      const secondPrevented = await page().evaluate(() => {
        const event = new KeyboardEvent('keydown', { key: 'f', ctrlKey: true, bubbles: true, cancelable: true });
        return !document.activeElement!.dispatchEvent(event);
      });
      expect(secondPrevented).toBe(false);
      expect(await accessibilityProblems(page())).toEqual([]);

      await findBar().getByRole('button', { name: 'Label all…' }).click();
      const dialog = page().getByRole('dialog', { name: 'Label all matches' });
      await dialog.getByRole('combobox', { name: 'Filter labels' }).fill('geo-political');
      await page().keyboard.press('Enter');
      const create = dialog.getByRole('button', { name: 'Create 3 Geo-political entity spans' });
      await create.waitFor();
      await dialog.getByText('Create 3 Geo-political entity spans for the 3 matches of “pakistan”?').waitFor();
      expect(await accessibilityProblems(page())).toEqual([]);
      await screenshot(page(), 'editor-find-confirm');
      await create.click();

      await statusLine().getByText('Labelled 3 matches as Geo-political entity').waitFor();
      await expect.poll(() => spanRows().count()).toBe(3);
      await statusLine().getByText('All changes saved').waitFor();

      // Labelling again finds every match already labelled, and says so instead of doubling the spans.
      await findBar().getByRole('button', { name: 'Label all…' }).click();
      await dialog.getByRole('combobox', { name: 'Filter labels' }).fill('geo-political');
      await page().keyboard.press('Enter');
      await dialog.getByText('3 left out: a span with this label is already there.').waitFor();
      expect(await dialog.getByRole('button', { name: 'Create 0 Geo-political entity spans' }).isDisabled()).toBe(true);
      await page().keyboard.press('Escape');
      await dialog.waitFor({ state: 'hidden' });

      await page().keyboard.press('Control+z');
      await statusLine().getByText('Undone: label 3 matches as Geo-political entity').waitFor();
      await expect.poll(() => spanRows().count()).toBe(0);
      await statusLine().getByText('All changes saved').waitFor();

      await findField().focus();
      await page().keyboard.press('Escape');
      await findBar().waitFor({ state: 'detached' });
      expect(await text().evaluate((root) => root === document.activeElement)).toBe(true);
      expect(await text().locator('mark').count()).toBe(0);
    },
    TIMEOUT,
  );
});
