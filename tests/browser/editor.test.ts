import { chromium, type Browser, type Locator, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

/**
 * The annotation editor in a real Chromium against a running Glossa. vitest.config.ts has no
 * project for tests/browser yet, so point vitest at a one-line config to run it by hand:
 *   echo "export default { test: { include: ['tests/browser/*.test.ts'] } }" > /tmp/browser.config.mjs
 *   GLOSSA_URL=http://localhost:3000 GLOSSA_EMAIL=… GLOSSA_PASSWORD=… npx vitest run --config /tmp/browser.config.mjs --root .
 * (CHROMIUM_PATH overrides /usr/bin/chromium). Skipped when GLOSSA_URL is unset.
 * It leaves the document's annotations as it found them.
 */
const BASE = process.env.GLOSSA_URL?.replace(/\/$/, '');
const TIMEOUT = 120_000;

interface Label {
  layer: string;
  key: string;
  hotkey: string | null;
  retired: boolean;
}

describe.skipIf(!BASE)('annotation editor (Chromium)', () => {
  let browser: Browser;
  let page: Page;

  beforeAll(async () => {
    browser = await chromium.launch({
      executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
      args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking'],
    });
    page = await browser.newPage();
    await page.goto(`${BASE}/signin`);
    await page.getByLabel('E-mail').fill(process.env.GLOSSA_EMAIL ?? '');
    await page.getByLabel('Password').fill(process.env.GLOSSA_PASSWORD ?? '');
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.waitForURL((url) => !url.pathname.startsWith('/signin'), { timeout: 30_000 });
  }, TIMEOUT);

  afterAll(async () => {
    await browser?.close();
  });

  /** The API, with the page's session cookie. */
  async function api<T>(path: string): Promise<T> {
    const response = await page.request.get(`${BASE}/api/v1${path}`);
    expect(response.ok(), `${path} answered ${response.status()}`).toBe(true);
    return (await response.json()) as T;
  }

  const text = () => page.getByRole('textbox', { name: /^Text of / });
  const saved = () => page.getByRole('status').getByText('All changes saved').waitFor();
  const spansOn = (word: string): Locator => text().locator('[data-span]', { hasText: word });

  /** Double-clicks the first word of five or more letters that carries no span yet; returns it. */
  async function selectFreeWord(): Promise<string> {
    const target = await text().evaluate((root) => {
      const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
      for (let node = walker.nextNode(); node; node = walker.nextNode()) {
        if (node.parentElement?.closest('[data-span]')) continue;
        const match = /\p{L}{5,}/u.exec(node.textContent ?? '');
        if (!match) continue;
        const range = document.createRange();
        range.setStart(node, match.index);
        range.setEnd(node, match.index + match[0].length);
        const box = range.getBoundingClientRect();
        return { word: match[0], x: box.left + box.width / 2, y: box.top + box.height / 2 };
      }
      return null;
    });
    expect(target, 'a word without a span').not.toBeNull();
    await page.mouse.dblclick(target!.x, target!.y);
    return target!.word;
  }

  it(
    'creates a span with a label hotkey, keeps it across a reload, and undoes its deletion',
    async () => {
      const projects = await api<{ items: { id: string }[] }>('/projects');
      const projectId = projects.items[0]?.id;
      expect(projectId, 'the account has a project').toBeDefined();
      const documents = await api<{ items: { id: string }[] }>(`/projects/${projectId}/documents`);
      const documentId = documents.items[0]?.id;
      expect(documentId, 'the project has a document').toBeDefined();
      const schema = await api<{ labels: Label[] }>(`/projects/${projectId}/schema`);
      const label = schema.labels.find((l) => l.layer === 'ENTITY' && l.hotkey && !l.retired);
      expect(label, 'an entity label with a hotkey').toBeDefined();

      await page.goto(`${BASE}/projects/${projectId}/documents/${documentId}`);
      await text().waitFor();

      const word = await selectFreeWord();
      await page.getByRole('dialog', { name: 'Choose a label' }).waitFor();
      await page.keyboard.press(label!.hotkey!);
      await expect.poll(() => spansOn(word).count()).toBe(1);
      expect(await spansOn(word).getAttribute('title')).toContain(label!.key);
      await saved();

      await page.reload();
      await text().waitFor();
      await expect.poll(() => spansOn(word).count()).toBe(1);

      // Delete it, undo (re-created under a new server id), redo (deleted by that new id).
      await spansOn(word).click();
      await page.getByRole('dialog', { name: 'Selected span' }).waitFor();
      await page.keyboard.press('Delete');
      await expect.poll(() => spansOn(word).count()).toBe(0);
      await page.keyboard.press('Control+z');
      await expect.poll(() => spansOn(word).count()).toBe(1);
      await saved();
      await page.keyboard.press('Control+Shift+z');
      await expect.poll(() => spansOn(word).count()).toBe(0);
      await saved();

      await page.reload();
      await text().waitFor();
      expect(await spansOn(word).count()).toBe(0);
    },
    TIMEOUT,
  );
});
