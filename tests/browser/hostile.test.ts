import { describe, expect, it } from 'vitest';
import { api, BASE, chromiumForSuite, signedIn } from '../support/browser';

/**
 * Script payloads in every user-controlled text that pages render — document text,
 * metadata, label names and descriptions, guidelines (Markdown), project and
 * document names — must stay inert: no script runs, no dialog opens.
 */
const PAYLOAD = `<img src=x onerror="window.__xss=1"><script>window.__xss=1</script><svg onload="window.__xss=1">`;

describe.skipIf(!BASE)('hostile content is rendered inert (Chromium)', () => {
  const browser = chromiumForSuite();

  it('runs no script from project, schema, document or metadata text', async () => {
    const { context, page } = await signedIn(browser());
    const dialogs: string[] = [];
    page.on('dialog', (dialog) => {
      dialogs.push(dialog.message());
      void dialog.dismiss();
    });
    const project = await api<{ id: string }>(page, '/projects', {
      method: 'POST',
      data: {
        name: `Hostile ${PAYLOAD}`,
        description: PAYLOAD,
        guidelines: `# Rules\n\n${PAYLOAD}\n\n[click me](javascript:window.__xss=1)\n\n<iframe src="javascript:window.__xss=1"></iframe>`,
      },
    });
    await api(page, `/projects/${project.id}/schema`, {
      method: 'PUT',
      data: { labels: [{ layer: 'ENTITY', key: 'XSS', name: PAYLOAD, description: PAYLOAD, hotkey: 'z' }] },
    });
    const imported = await api<{ documents: { id: string }[] }>(page, `/projects/${project.id}/documents`, {
      method: 'POST',
      data: {
        documents: [
          {
            name: `Doc ${PAYLOAD}`,
            text: `Before ${PAYLOAD} after.\n\nSecond paragraph.`,
            metadata: { source: PAYLOAD },
            spans: [{ start: 0, end: 6, label: 'XSS' }],
          },
        ],
      },
    });
    const documentId = imported.documents[0]!.id;

    for (const path of ['', '/schema', `/documents/${documentId}`, '/settings', '/review', '/agreement', '/export']) {
      await page.goto(`${BASE}/projects/${project.id}${path}`, { waitUntil: 'networkidle' });
      expect(await page.evaluate(() => (window as unknown as { __xss?: number }).__xss), `script ran on ${path || 'home'}`).toBeUndefined();
    }
    // The payload is shown as text, not dropped.
    await page.goto(`${BASE}/projects/${project.id}/documents/${documentId}`, { waitUntil: 'networkidle' });
    expect(await page.getByRole('textbox', { name: /^Text of / }).textContent()).toContain('<script>window.__xss=1</script>');
    expect(dialogs).toEqual([]);
    await api(page, `/projects/${project.id}`, { method: 'DELETE' });
    await context.close();
  }, 120_000);
});
