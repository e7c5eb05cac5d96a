import type { Locator } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { BASE, selectFreeWord as selectWord, signedInForSuite, type SchemaLabel } from '../support/browser';

/**
 * The annotation editor in a real Chromium against the app of tests/setup/browser-app.ts
 * (or GLOSSA_URL). It leaves the document's annotations as it found them.
 */
const TIMEOUT = 120_000;

describe.skipIf(!BASE)('annotation editor (Chromium)', () => {
  const page = signedInForSuite(undefined, TIMEOUT);

  /** The API, with the page's session cookie. */
  async function api<T>(path: string): Promise<T> {
    const response = await page().request.get(`${BASE}/api/v1${path}`);
    expect(response.ok(), `${path} answered ${response.status()}`).toBe(true);
    return (await response.json()) as T;
  }

  const text = () => page().getByRole('textbox', { name: /^Text of / });
  const saved = () => page().getByRole('status').getByText('All changes saved').waitFor();
  const spansOn = (word: string): Locator => text().locator('[data-span]', { hasText: word });

  const selectFreeWord = () => selectWord(page());

  it(
    'creates a span with a label hotkey, keeps it across a reload, and undoes its deletion',
    async () => {
      const projects = await api<{ items: { id: string }[] }>('/projects');
      const projectId = projects.items[0]?.id;
      expect(projectId, 'the account has a project').toBeDefined();
      const documents = await api<{ items: { id: string }[] }>(`/projects/${projectId}/documents`);
      const documentId = documents.items[0]?.id;
      expect(documentId, 'the project has a document').toBeDefined();
      const schema = await api<{ labels: SchemaLabel[] }>(`/projects/${projectId}/schema`);
      const label = schema.labels.find((l) => l.layer === 'ENTITY' && l.hotkey && !l.retired);
      expect(label, 'an entity label with a hotkey').toBeDefined();

      await page().goto(`${BASE}/projects/${projectId}/documents/${documentId}`);
      await text().waitFor();

      const word = await selectFreeWord();
      await page().getByRole('dialog', { name: 'Choose a label' }).waitFor();
      await page().keyboard.press(label!.hotkey!);
      await expect.poll(() => spansOn(word).count()).toBe(1);
      expect(await spansOn(word).getAttribute('title')).toContain(label!.key);
      await saved();

      await page().reload();
      await text().waitFor();
      await expect.poll(() => spansOn(word).count()).toBe(1);

      // Delete it, undo (re-created under a new server id), redo (deleted by that new id).
      await spansOn(word).click();
      await page().getByRole('dialog', { name: 'Selected span' }).waitFor();
      await page().keyboard.press('Delete');
      await expect.poll(() => spansOn(word).count()).toBe(0);
      await page().keyboard.press('Control+z');
      await expect.poll(() => spansOn(word).count()).toBe(1);
      await saved();
      await page().keyboard.press('Control+Shift+z');
      await expect.poll(() => spansOn(word).count()).toBe(0);
      await saved();

      await page().reload();
      await text().waitFor();
      expect(await spansOn(word).count()).toBe(0);
    },
    TIMEOUT,
  );
});
