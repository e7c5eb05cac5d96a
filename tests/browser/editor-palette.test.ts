import { describe, expect, it } from 'vitest';
import { accessibilityProblems, addDocuments, assignToMe, BASE, documentIds, newProject, screenshot, signedInForSuite } from '../support/browser';

/**
 * Issue #17: the label palette beside the text, and selecting text with the keyboard alone.
 * A project of its own (one document assigned to the demo owner), so the words are known and
 * the submission at the end touches nothing other tests use. No step here uses the mouse on the
 * text: the caret is moved and the selection extended with keys, then a label applied from the palette.
 */
const TIMEOUT = 180_000;
const TEXT = 'Talks between Pakistan and the Afghan Taliban ended in Doha on Tuesday. Officials counted eleven refugees near Peshawar.';

describe.skipIf(!BASE)('label palette and keyboard-only selection (Chromium)', () => {
  const page = signedInForSuite(async (page) => {
    // The smallest screen the editor is made for: palette, text and side panel side by side.
    await page.setViewportSize({ width: 1366, height: 768 });
    const projectId = await newProject(page, { name: `Palette ${Date.now().toString(36)}` });
    await addDocuments(page, projectId, [{ name: 'palette', text: TEXT }]);
    const [documentId] = await documentIds(page, projectId);
    await assignToMe(page, projectId, [documentId!]);
    await page.goto(`${BASE}/projects/${projectId}/documents/${documentId}`, { waitUntil: 'networkidle' });
    await text().waitFor();
  }, TIMEOUT);

  const text = () => page().getByRole('textbox', { name: /^Text of / });
  const palette = () => page().getByRole('region', { name: 'Label palette' });
  const paletteLabel = (name: string) =>
    palette()
      .getByRole('toolbar', { name: 'Labels' })
      .getByRole('button', { name: new RegExp(`^${name}`) });
  const filter = () => palette().getByRole('searchbox', { name: 'Filter labels' });
  const spanOn = (word: string) => text().locator('[data-span]', { hasText: word });
  const picker = () => page().getByRole('dialog', { name: 'Choose a label' });
  const statusLine = () => page().getByRole('status').first();
  // The selected span in words, as screen readers hear it (visually hidden, so read rather than waited for).
  const selected = () => page().locator('p.visually-hidden[aria-live="polite"]').first().textContent();

  /** Characters of the text before the browser's caret (or selection start). */
  const caretChars = () =>
    text().evaluate((element) => {
      const selection = window.getSelection();
      if (!selection?.rangeCount || !element.contains(selection.anchorNode)) return -1;
      const before = document.createRange();
      before.setStart(element, 0);
      before.setEnd(selection.anchorNode!, selection.anchorOffset);
      return before.toString().length;
    });

  /**
   * Focuses the text and puts the caret at its start with Ctrl+Home. ProseMirror puts its own
   * selection back into the page 20 ms after the text gains focus, which can undo a Ctrl+Home
   * typed at once (a person is never that fast): the caret is read once that moment has passed,
   * and Ctrl+Home pressed again until it stays at the start.
   */
  async function caretToStart() {
    await text().focus();
    await expect
      .poll(async () => {
        await page().keyboard.press('Control+Home');
        await page().waitForTimeout(40);
        return caretChars();
      })
      .toBe(0);
  }

  /** Keys only: the caret to the start of the text, `offset` characters right, then Shift+→ `length` times. */
  async function selectWithKeys(offset: number, length: number) {
    await caretToStart();
    for (let i = 0; i < offset; i += 1) await page().keyboard.press('ArrowRight');
    for (let i = 0; i < length; i += 1) await page().keyboard.press('Shift+ArrowRight');
  }

  it(
    'selects a word with the keyboard alone, snapped to whole words, extends it by word, and labels it from the palette',
    async () => {
      // Three characters of "Pakistan" select the whole word, as a mouse selection would.
      await selectWithKeys(TEXT.indexOf('Pakistan'), 3);
      await picker().getByText('Label “Pakistan”').waitFor();
      // By word: two steps take in "and" (wherever the platform stops, the selection snaps to "Pakistan and"), one goes back.
      await page().keyboard.press('Control+Shift+ArrowRight');
      await page().keyboard.press('Control+Shift+ArrowRight');
      await picker().getByText('Label “Pakistan and”').waitFor();
      await page().keyboard.press('Control+Shift+ArrowLeft');
      await picker().getByText('Label “Pakistan”').waitFor();

      await paletteLabel('Geo-political entity').click();
      await expect.poll(() => spanOn('Pakistan').count()).toBe(1);
      expect(await spanOn('Pakistan').getAttribute('title')).toContain('(GPE)');
      expect(await spanOn('Pakistan').textContent()).toBe('Pakistan');
      await expect.poll(() => statusLine().textContent()).toContain('Geo-political entity (entity) applied to “Pakistan”');
      // The text took no keystroke: it is exactly what was imported.
      expect(await text().textContent()).toBe(TEXT);
      await statusLine().getByText('All changes saved').waitFor();
    },
    TIMEOUT,
  );

  it(
    'filters the palette, names what Enter applies, applies it to the selection with Enter, and clears with Escape',
    async () => {
      await selectWithKeys(TEXT.indexOf('Doha'), 1);
      await picker().getByText('Label “Doha”').waitFor();
      await filter().focus();
      await page().keyboard.type('zzz');
      await palette().getByText('No active label matches.').waitFor();
      expect(await paletteLabel('').count()).toBe(0);
      await page().keyboard.press('Escape');
      expect(await filter().inputValue()).toBe('');
      expect(await paletteLabel('Person').count()).toBe(1);

      // "quant" matches Quantity only; the palette shrinks to it and says Enter applies it.
      await page().keyboard.type('quant');
      await palette().getByText('Enter applies Quantity').waitFor();
      expect(await paletteLabel('Person').count()).toBe(0);
      await page().keyboard.press('Enter');
      await expect.poll(() => spanOn('Doha').count()).toBe(1);
      expect(await spanOn('Doha').getAttribute('title')).toContain('(QUANTITY)');
      // The filter is cleared for the next label and focus is back in the text.
      expect(await filter().inputValue()).toBe('');
      expect(await text().evaluate((element) => element === document.activeElement)).toBe(true);
      await statusLine().getByText('All changes saved').waitFor();
    },
    TIMEOUT,
  );

  it(
    'steps through spans with ] and relabels the selected span from the palette within its layer, and says why not across layers',
    async () => {
      await caretToStart();
      await page().keyboard.press(']');
      await expect.poll(selected).toBe('Selected: Geo-political entity (GPE), “Pakistan”');
      await page().keyboard.press(']');
      await expect.poll(selected).toBe('Selected: Quantity (QUANTITY), “Doha”');
      await page().keyboard.press('[');
      await expect.poll(selected).toBe('Selected: Geo-political entity (GPE), “Pakistan”');

      await paletteLabel('Organization').click();
      await expect.poll(() => spanOn('Pakistan').getAttribute('title')).toContain('(ORG)');
      await expect.poll(() => statusLine().textContent()).toContain('Organization (entity) applied to “Pakistan”');
      // Still selected: a frame label cannot relabel an entity span, and nothing changes.
      await expect.poll(selected).toBe('Selected: Organization (ORG), “Pakistan”');
      await paletteLabel('Cultural identity').click();
      await page()
        .getByRole('alert')
        .getByText('Cultural identity is a frame label; the selected span is in the entity layer and keeps it.', { exact: false })
        .waitFor();
      expect(await spanOn('Pakistan').getAttribute('title')).toContain('(ORG)');
      expect(await text().locator('[data-span]').count()).toBe(2);
      await page().getByRole('alert').getByRole('button', { name: 'Dismiss' }).click();
      await statusLine().getByText('All changes saved').waitFor();
    },
    TIMEOUT,
  );

  it(
    'fits beside the text and the side panel at 1366×768, collapses to a slim column, and is axe clean',
    async () => {
      const [paletteBox, textBox, sideBox] = await Promise.all([
        palette().boundingBox(),
        page().getByRole('region', { name: 'Document text' }).boundingBox(),
        page().getByRole('complementary', { name: 'Annotations' }).boundingBox(),
      ]);
      expect(paletteBox!.x + paletteBox!.width).toBeLessThanOrEqual(textBox!.x);
      expect(textBox!.x + textBox!.width).toBeLessThanOrEqual(sideBox!.x);
      expect(sideBox!.x + sideBox!.width).toBeLessThanOrEqual(1366);
      expect(textBox!.width).toBeGreaterThan(600);
      expect(await accessibilityProblems(page())).toEqual([]);
      await screenshot(page(), 'editor-palette');

      await palette().getByRole('button', { name: 'Collapse the palette' }).click();
      await expect.poll(async () => (await palette().boundingBox())!.width).toBeLessThan(paletteBox!.width / 2);
      // Names are no longer shown but still name the buttons.
      expect(await paletteLabel('Person').isVisible()).toBe(true);
      expect(await accessibilityProblems(page())).toEqual([]);
      await palette().getByRole('button', { name: 'Show label names' }).click();
      await expect.poll(async () => (await palette().boundingBox())!.width).toBe(paletteBox!.width);
    },
    TIMEOUT,
  );

  it(
    'is disabled once the work is submitted, and stays axe clean',
    async () => {
      await page().getByRole('button', { name: 'Submit', exact: true }).click();
      await page().getByText('This document is submitted and read-only. Reopen it to change your annotations.').first().waitFor();
      await palette().getByText('Read-only: labels cannot be applied.').waitFor();
      expect(await paletteLabel('Person').isDisabled()).toBe(true);
      expect(await filter().isDisabled()).toBe(true);
      // Stepping through spans only reads, so it still works.
      await caretToStart();
      await page().keyboard.press(']');
      await expect.poll(selected).toBe('Selected: Organization (ORG), “Pakistan”');
      expect(await accessibilityProblems(page())).toEqual([]);
    },
    TIMEOUT,
  );
});
