import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { api, BASE, launchChromium, selectFreeWord, signedIn } from '../support/browser';

/** Two browser contexts on one document: an edit in one shows up in the other within 2 s, also after live updates were refused for a while. */
describe.skipIf(!BASE)('live collaboration (Chromium)', () => {
  let browser: Browser;

  beforeAll(async () => {
    browser = await launchChromium();
  });
  afterAll(async () => {
    await browser?.close();
  });

  it('shows an edit made in one context in the other within 2 s, with presence', async () => {
    const first = await signedIn(browser);
    const second = await signedIn(browser);
    const projectId = (await api<{ items: { id: string }[] }>(first.page, '/projects')).items[0]!.id;
    const documentId = (await api<{ items: { id: string }[] }>(first.page, `/projects/${projectId}/documents`)).items[0]!.id;
    const schema = await api<{ labels: { layer: string; key: string; hotkey: string | null; retired: boolean }[] }>(first.page, `/projects/${projectId}/schema`);
    const label = schema.labels.find((l) => l.layer === 'ENTITY' && l.hotkey && !l.retired)!;
    const url = `${BASE}/projects/${projectId}/documents/${documentId}`;
    const text = (page: typeof first.page) => page.getByRole('textbox', { name: /^Text of / });
    await first.page.goto(url);
    await second.page.goto(url);
    await text(first.page).waitFor();
    await text(second.page).waitFor();
    await expect.poll(() => second.page.getByText(/Here now:/).count(), { timeout: 5000 }).toBe(1);

    const word = await selectFreeWord(first.page);
    await first.page.getByRole('dialog', { name: 'Choose a label' }).waitFor();
    await first.page.keyboard.press(label.hotkey!);
    await first.page.getByRole('status').getByText('All changes saved').waitFor();
    // Counted from the moment the server acknowledged the change.
    const acknowledged = Date.now();
    await text(second.page).locator('[data-span]', { hasText: word }).first().waitFor({ timeout: 2000 });
    expect(Date.now() - acknowledged).toBeLessThan(2000);

    // Leave the document as it was for the other browser tests.
    await text(first.page).locator('[data-span]', { hasText: word }).first().click();
    await first.page.keyboard.press('Delete');
    await first.page.getByRole('status').getByText('All changes saved').waitFor();
    await first.context.close();
    await second.context.close();
  }, 120_000);

  it('reconnects by itself after the server answers live updates with an error, and catches up', async () => {
    const first = await signedIn(browser);
    const second = await signedIn(browser);
    const projectId = (await api<{ items: { id: string }[] }>(first.page, '/projects')).items[0]!.id;
    const documentId = (await api<{ items: { id: string }[] }>(first.page, `/projects/${projectId}/documents`)).items[0]!.id;
    const schema = await api<{ labels: { layer: string; key: string; hotkey: string | null; retired: boolean }[] }>(first.page, `/projects/${projectId}/schema`);
    const label = schema.labels.find((l) => l.layer === 'ENTITY' && l.hotkey && !l.retired)!;
    const url = `${BASE}/projects/${projectId}/documents/${documentId}`;
    const text = (page: typeof first.page) => page.getByRole('textbox', { name: /^Text of / });
    // As while the database is down: the first two attempts get a 503, which browsers never retry on their own.
    let refused = 0;
    await second.page.route(`**/api/v1/documents/${documentId}/events`, (route) =>
      refused++ < 2 ? route.fulfill({ status: 503, contentType: 'application/json', body: '{"error":{"code":"database_unavailable"}}' }) : route.continue(),
    );
    await second.page.goto(url);
    await text(second.page).waitFor();
    await second.page.getByText(/Live updates lost/).waitFor({ timeout: 5000 });
    await second.page.getByText(/Live updates lost/).waitFor({ state: 'detached', timeout: 15_000 });
    expect(refused).toBeGreaterThanOrEqual(3);

    await first.page.goto(url);
    await text(first.page).waitFor();
    const word = await selectFreeWord(first.page);
    await first.page.getByRole('dialog', { name: 'Choose a label' }).waitFor();
    await first.page.keyboard.press(label.hotkey!);
    await first.page.getByRole('status').getByText('All changes saved').waitFor();
    await text(second.page).locator('[data-span]', { hasText: word }).first().waitFor({ timeout: 5000 });

    await text(first.page).locator('[data-span]', { hasText: word }).first().click();
    await first.page.keyboard.press('Delete');
    await first.page.getByRole('status').getByText('All changes saved').waitFor();
    await first.context.close();
    await second.context.close();
  }, 120_000);
});
