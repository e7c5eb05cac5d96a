import { describe, expect, it } from 'vitest';
import { addDocuments, api, BASE, chromiumForSuite, selectFreeWord, signedIn, signUp, type SchemaLabel } from '../support/browser';

/**
 * The editor's read-only states in Chromium (issue #14 item 1): after submitting, hotkeys
 * and selections create nothing and the page says the document is submitted and read-only;
 * reopening is offered until gold has been shown, then no longer (the server refuses it too);
 * a document not assigned to the annotator is read-only for them and says why.
 */
const TIMEOUT = 240_000;
const unique = Date.now().toString(36);
const TEXT = 'Talks between Pakistan and the Afghan Taliban ended in Doha on Tuesday. An attack in Bannu killed eleven soldiers.';

describe.skipIf(!BASE)('blind annotation in the editor (Chromium)', () => {
  const browser = chromiumForSuite();

  it(
    'makes submitted work read-only, offers reopening only until gold was shown, and keeps unassigned documents read-only',
    async () => {
      const { page: owner } = await signedIn(browser());
      const project = await api<{ id: string; allowSelfAssignment: boolean }>(owner, '/projects', { method: 'POST', data: { name: `Blind ${unique}` } });
      expect(project.allowSelfAssignment).toBe(false);
      await addDocuments(owner, project.id, [
        { name: 'assigned', text: TEXT },
        { name: 'not assigned', text: `${TEXT} Again.` },
      ]);
      const documents = (await api<{ items: { id: string; name: string }[] }>(owner, `/projects/${project.id}/documents`)).items;
      const assignedId = documents.find((d) => d.name === 'assigned')!.id;
      const otherId = documents.find((d) => d.name === 'not assigned')!.id;
      const { page, email } = await signUp(browser(), 'Blinda', unique);
      await api(owner, `/projects/${project.id}/members`, { method: 'POST', data: { email, role: 'ANNOTATOR' } });
      await api(owner, `/projects/${project.id}/assignments`, {
        method: 'POST',
        data: {
          mode: 'explicit',
          documentIds: [assignedId],
          userIds: [
            (await api<{ items: { user: { id: string; email: string } }[] }>(owner, `/projects/${project.id}/members`)).items.find(
              (m) => m.user.email === email,
            )!.user.id,
          ],
        },
      });
      const label = (await api<{ labels: SchemaLabel[] }>(owner, `/projects/${project.id}/schema`)).labels.find(
        (l) => l.layer === 'ENTITY' && l.hotkey && !l.retired,
      )!;

      const text = () => page.getByRole('textbox', { name: /^Text of / });
      const spans = () => text().locator('[data-span]');
      const mine = async (documentId: string) => (await api<{ items: unknown[] }>(page, `/documents/${documentId}/annotations`)).items.length;
      // Where the document is writable the picker opens on the selection: wait for it, as a person
      // would, before the hotkey (pressed earlier, the key can land before the editor listens).
      const tryToLabel = async (writable = false) => {
        await selectFreeWord(page);
        if (writable) await page.getByRole('dialog', { name: 'Choose a label' }).waitFor();
        await page.keyboard.press(label.hotkey!);
      };

      // Annotate, then submit.
      await page.goto(`${BASE}/projects/${project.id}/documents/${assignedId}`, { waitUntil: 'networkidle' });
      await text().waitFor();
      await tryToLabel(true);
      await expect.poll(() => spans().count()).toBe(1);
      await page.getByRole('status').getByText('All changes saved').waitFor();
      await page.getByRole('button', { name: 'Submit', exact: true }).click();
      await page.getByText('This document is submitted and read-only. Reopen it to change your annotations.').first().waitFor();
      expect(await page.getByRole('button', { name: 'Reopen' }).count()).toBe(1);

      // Submitted: a selection and a hotkey create nothing, on screen or on the server.
      await tryToLabel();
      expect(await page.getByRole('dialog', { name: 'Choose a label' }).count()).toBe(0);
      await page.waitForTimeout(500);
      expect(await spans().count()).toBe(1);
      expect(await mine(assignedId)).toBe(1);

      // Gold exists; the annotator compares with it, and from then on only a curator may reopen.
      await api(owner, `/documents/${assignedId}/annotations`, { method: 'POST', data: { labelId: label.id, start: 14, end: 22, gold: true } });
      await page.getByText('Seeing gold is recorded: afterwards only a curator can reopen this document.').waitFor();
      await page.getByRole('button', { name: 'Compare with gold' }).click();
      await page.getByRole('region', { name: 'Comparison with gold' }).waitFor();
      await page.getByText('Gold was shown to you, so only a curator or manager can reopen it.').first().waitFor();
      expect(await page.getByRole('button', { name: 'Reopen' }).count()).toBe(0);
      expect(await page.getByText('Seeing gold is recorded').count()).toBe(0);
      await page.reload({ waitUntil: 'networkidle' });
      await text().waitFor();
      await page.getByText('Gold was shown to you, so only a curator or manager can reopen it.').first().waitFor();
      expect(await page.getByRole('button', { name: 'Reopen' }).count()).toBe(0);
      expect((await page.request.patch(`${BASE}/api/v1/documents/${assignedId}/assignment`, { data: { status: 'IN_PROGRESS' } })).status()).toBe(403);

      // A document nobody assigned to the annotator: read-only, says why, offers no submit.
      await page.goto(`${BASE}/projects/${project.id}/documents/${otherId}`, { waitUntil: 'networkidle' });
      await text().waitFor();
      await page
        .getByText(/This document is not assigned to you, and this project does not let annotators assign themselves/)
        .first()
        .waitFor();
      expect(await page.getByRole('button', { name: 'Submit', exact: true }).count()).toBe(0);
      await tryToLabel();
      await page.waitForTimeout(500);
      expect(await spans().count()).toBe(0);
      expect(await mine(otherId)).toBe(0);
    },
    TIMEOUT,
  );
});
