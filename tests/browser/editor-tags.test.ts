import type { Browser, Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { accessibilityProblems, api, BASE, launchChromium, openFirstDocument, screenshot, signIn } from '../support/browser';

/**
 * Issue #17, "labels readable in the text": each span shows its label's tag at its start (a
 * stance span its target too), each layer has its own line, a legend says which is which, and
 * the toolbar's Tags switch hides the tags, remembered across a reload. The spans made here
 * are deleted at the end.
 */
const TIMEOUT = 120_000;

interface Label {
  id: string;
  layer: string;
  key: string;
}

describe.skipIf(!BASE)('label tags in the text (Chromium)', () => {
  let browser: Browser;
  let page: Page;
  const made: string[] = [];

  const text = () => page.getByRole('textbox', { name: /^Text of / });
  const spanOn = (quote: string): Locator => text().locator('[data-span]', { hasText: quote }).last();
  const tagsSwitch = () => page.getByRole('button', { name: 'Tags', exact: true });
  // What a span's tag shows: the content of its ::before, "none" when no tag is drawn.
  const tagOf = (quote: string) => spanOn(quote).evaluate((el) => getComputedStyle(el, '::before').content);
  const titleHeight = () =>
    text()
      .locator('p')
      .first()
      .evaluate((p) => p.getBoundingClientRect().height);

  beforeAll(async () => {
    browser = await launchChromium();
    page = await browser.newPage({ viewport: { width: 1366, height: 900 } });
    await signIn(page);
    await openFirstDocument(page);
    const documentId = page.url().split('/').pop()!;
    const { projectId, text: content } = await api<{ projectId: string; text: string }>(page, `/documents/${documentId}`);
    const schema = await api<{ labels: Label[]; targets: { id: string; key: string }[] }>(page, `/projects/${projectId}/schema`);
    const labelId = (layer: string, key: string) => schema.labels.find((l) => l.layer === layer && l.key === key)!.id;
    const at = (quote: string) => {
      const start = Array.from(content.slice(0, content.indexOf(quote))).length;
      return { start, end: start + Array.from(quote).length };
    };
    const taliban = schema.targets.find((t) => t.key === 'AFGHAN_TALIBAN')!.id;
    for (const data of [
      { labelId: labelId('ENTITY', 'GPE'), ...at('Doha') },
      { labelId: labelId('STANCE', 'AGAINST'), ...at('without an agreement'), target: { kind: 'target', id: taliban } },
      { labelId: labelId('FRAME', 'SECURITY_DEFENSE'), ...at('killed eleven soldiers') },
      // In the one-line title, to see that tags leave line spacing alone.
      { labelId: labelId('ENTITY', 'GPE'), ...at('Border') },
    ]) {
      made.push((await api<{ id: string }>(page, `/documents/${documentId}/annotations`, { method: 'POST', data })).id);
    }
    await page.reload();
    await spanOn('killed eleven soldiers').waitFor();
  }, TIMEOUT);

  afterAll(async () => {
    if (page) for (const id of made) await api(page, `/annotations/${id}`, { method: 'DELETE' });
    await browser?.close();
  });

  it(
    'shows the tag of an entity, a stance with its target and a frame, as no part of the text, each layer with its own line',
    async () => {
      expect(await tagsSwitch().getAttribute('aria-pressed')).toBe('true');
      expect(await tagOf('Doha')).toBe('"GPE"');
      expect(await tagOf('without an agreement')).toBe('"AGAINST → Afghan Taliban"');
      expect(await tagOf('killed eleven soldiers')).toBe('"SECURITY_DEFENSE"');
      // Generated content, so neither the text nor a selection of it holds the tags: offsets stay exact.
      const shown = (await text().textContent()) ?? '';
      expect(shown).toContain('ended in Doha on Tuesday without an agreement, two days');
      expect(shown).not.toContain('AGAINST');

      const line = (quote: string) => spanOn(quote).evaluate((el) => getComputedStyle(el).backgroundImage.split('(')[0]);
      expect(await line('Doha')).toBe('linear-gradient');
      expect(await line('without an agreement')).toBe('repeating-linear-gradient');
      expect(await line('killed eleven soldiers')).toBe('repeating-linear-gradient');
      const band = (quote: string) => spanOn(quote).evaluate((el) => getComputedStyle(el).backgroundColor);
      expect(await band('Doha')).toBe('rgba(0, 0, 0, 0)');
      expect(await band('killed eleven soldiers')).not.toBe('rgba(0, 0, 0, 0)');
      const dashes = (quote: string) => spanOn(quote).evaluate((el) => getComputedStyle(el).backgroundImage);
      expect(await dashes('without an agreement')).not.toBe(await dashes('killed eleven soldiers'));

      const legend = page.getByRole('list', { name: 'How each layer is drawn' }).getByRole('listitem');
      expect(await legend.allTextContents()).toEqual([
        'Entity: solid underline',
        'Stance: dashed underline, the tag names the target',
        'Frame: tinted band, dotted underline',
      ]);
      await spanOn('killed eleven soldiers').scrollIntoViewIfNeeded();
      await screenshot(page, 'editor-tags');
      expect(await accessibilityProblems(page)).toEqual([]);

      const selected = await spanOn('without an agreement').evaluate((el) => {
        const range = document.createRange();
        range.selectNode(el);
        const selection = getSelection()!;
        selection.removeAllRanges();
        selection.addRange(range);
        return selection.toString();
      });
      expect(selected).toBe('without an agreement');
      // The selection opened the label picker: close it.
      await page.keyboard.press('Escape');
    },
    TIMEOUT,
  );

  it(
    'hides the tags with the Tags switch, without changing line spacing, and keeps them hidden after a reload',
    async () => {
      const withTags = await titleHeight();
      await tagsSwitch().click();
      await expect.poll(() => tagOf('Doha')).toBe('none');
      expect(await tagsSwitch().getAttribute('aria-pressed')).toBe('false');
      expect(await tagOf('without an agreement')).toBe('none');
      expect(await titleHeight()).toBe(withTags);

      await page.reload();
      await spanOn('Doha').waitFor();
      expect(await tagsSwitch().getAttribute('aria-pressed')).toBe('false');
      expect(await tagOf('Doha')).toBe('none');
      expect(await accessibilityProblems(page)).toEqual([]);

      await tagsSwitch().click();
      await expect.poll(() => tagOf('Doha')).toBe('"GPE"');
    },
    TIMEOUT,
  );
});
