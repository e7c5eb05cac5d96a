import type { Locator, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { BASE, CREDENTIALS, screenshot, signedInForSuite } from '../support/browser';

/**
 * The import and schema pages in a real browser, against the app that
 * tests/setup/browser-app.ts serves, or GLOSSA_URL with GLOSSA_EMAIL and
 * GLOSSA_PASSWORD of an account that manages at least one project. Skipped
 * without them.
 */
const TIMEOUT = 60_000;

describe.skipIf(!BASE || !CREDENTIALS.email || !CREDENTIALS.password)('import and schema pages', () => {
  let project: string;

  const page = signedInForSuite(async (page) => {
    await page.goto(`${BASE}/`);
    const links = await page.locator('a[href^="/projects/"]').evaluateAll((anchors) => anchors.map((a) => a.getAttribute('href') ?? ''));
    const first = links.find((href) => /^\/projects\/(?!new$)[^/]+$/.test(href));
    if (!first) throw new Error('The account has no project to test with.');
    project = `${BASE}${first}`;
  }, TIMEOUT);

  it(
    'imports a text file and reports it',
    async () => {
      await page().goto(`${project}/import`);
      const name = `browser-test-${Date.now()}.txt`;
      await page()
        .locator('input[type="file"]')
        .setInputFiles({ name, mimeType: 'text/plain', buffer: Buffer.from(`A short note written at ${new Date().toISOString()}.\n`) });
      await page().getByRole('cell', { name: 'Plain text' }).waitFor();

      await page().getByRole('button', { name: 'Import 1 file' }).click();

      const outcome = page().getByRole('region', { name: 'Import finished' });
      await outcome.waitFor();
      expect(await outcome.getByText('1 document was imported').isVisible()).toBe(true);
      expect(await outcome.getByRole('cell', { name }).isVisible()).toBe(true);
      expect(await outcome.getByRole('link', { name: name.replace(/\.txt$/, '') }).getAttribute('href')).toMatch(/\/documents\//);
      await screenshot(page(), 'import-report');
    },
    TIMEOUT,
  );

  it(
    'flags a duplicate hotkey on its field, then saves a new entity label',
    async () => {
      await page().goto(`${project}/schema`);
      const entities = page().getByRole('region', { name: /^Entities/ });
      const taken = await usedHotkeys(page());
      const duplicate = [...taken][0];
      if (duplicate === undefined) throw new Error('The project has no hotkey to duplicate.');
      const free = [...'abcdefghijklmnopqrstuvwxyz0123456789'].find((key) => !taken.has(key));
      if (free === undefined) throw new Error('Every hotkey is taken.');

      await entities.getByRole('button', { name: 'Add entity label' }).click();
      const row = entities.getByRole('listitem').last();
      const key = `BROWSER_TEST_${Date.now().toString(36).toUpperCase()}`;
      await row.getByLabel('Name', { exact: true }).fill('Browser test label');
      await row.getByLabel('Key', { exact: true }).fill(key);
      const hotkey = row.getByLabel(/^Hotkey/);
      await hotkey.fill(duplicate);

      await row.getByText(`“${duplicate}” is also the hotkey of`).waitFor();
      expect(await hotkey.getAttribute('aria-invalid')).toBe('true');
      expect(await describedText(hotkey)).toContain('is also the hotkey of');
      await screenshot(page(), 'schema-duplicate-hotkey');

      await hotkey.fill(free);
      await row.getByText('is also the hotkey of').waitFor({ state: 'detached' });
      await page().getByRole('button', { name: 'Save schema' }).click();
      await page().getByText('Schema saved.').waitFor();

      await page().reload();
      const saved = page()
        .getByRole('region', { name: /^Entities/ })
        .getByRole('listitem')
        .filter({ hasText: key });
      await saved.waitFor();
      expect(await saved.getByRole('button', { name: 'Edit Browser test label' }).isVisible()).toBe(true);
      expect((await saved.locator('kbd').textContent())?.trim().endsWith(free)).toBe(true);

      // Retiring it again keeps the demo schema (and its free hotkeys) as it was for the next run.
      await saved.getByRole('button', { name: 'Retire Browser test label' }).click();
      await saved.getByRole('button', { name: 'Retire', exact: true }).click();
      await page().getByRole('button', { name: 'Save schema' }).click();
      await page().getByText('Schema saved.').waitFor();
      await page()
        .getByRole('region', { name: /^Retired/ })
        .getByText(key)
        .waitFor();
    },
    TIMEOUT,
  );
});

/** Hotkeys shown in the label rows (each <kbd> also holds a hidden "hotkey " for screen readers). */
async function usedHotkeys(page: Page): Promise<Set<string>> {
  const texts = await page.locator('kbd').allTextContents();
  return new Set(texts.map((text) => text.trim().slice(-1)));
}

/** The text of everything a control's aria-describedby points at. */
async function describedText(control: Locator): Promise<string> {
  return control.evaluate((element) =>
    (element.getAttribute('aria-describedby') ?? '')
      .split(/\s+/)
      .map((id) => document.getElementById(id)?.textContent ?? '')
      .join(' '),
  );
}
