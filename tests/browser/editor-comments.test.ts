import type { Browser, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { accessibilityProblems, api, BASE, chromiumForSuite, CREDENTIALS, outsideMultiClickWindow, selectFreeWord, signedIn } from '../support/browser';

/**
 * Issue #17: an annotator marks a span unsure and writes a note (both shown in the span list, which
 * can show only unsure spans), posts in the document's comment thread; after submitting, the
 * adjudication page shows the candidate's flag and note and the same thread. Axe finds nothing.
 * Runs in a project of its own, so the demo document's state is left alone.
 */
const TIMEOUT = 240_000;
const unique = Date.now().toString(36);
const TEXT = 'Talks between Pakistan and the Afghan Taliban ended in Doha on Tuesday.';
const NOTE = 'Could be the delegation, not the country.';
const COMMENT = `Is Doha the venue or the actor here? ${unique}`;

interface Label {
  layer: string;
  hotkey: string | null;
  retired: boolean;
}

/** A project with one document assigned to the signed-in owner; answers the editor's and the review page's URLs and an entity hotkey. */
async function ownProject(page: Page) {
  const project = await api<{ id: string }>(page, '/projects', { method: 'POST', data: { name: `Comments ${unique}` } });
  await api(page, `/projects/${project.id}/documents`, { method: 'POST', data: { documents: [{ name: 'talks', text: TEXT }] } });
  const [document] = (await api<{ items: { id: string }[] }>(page, `/projects/${project.id}/documents`)).items;
  const members = (await api<{ items: { user: { id: string; email: string } }[] }>(page, `/projects/${project.id}/members`)).items;
  const me = members.find((m) => m.user.email === CREDENTIALS.email)!.user.id;
  await api(page, `/projects/${project.id}/assignments`, { method: 'POST', data: { mode: 'explicit', documentIds: [document!.id], userIds: [me] } });
  const label = (await api<{ labels: Label[] }>(page, `/projects/${project.id}/schema`)).labels.find((l) => l.layer === 'ENTITY' && l.hotkey && !l.retired)!;
  return {
    documentId: document!.id,
    editor: `${BASE}/projects/${project.id}/documents/${document!.id}`,
    review: `${BASE}/projects/${project.id}/review/${document!.id}`,
    hotkey: label.hotkey!,
  };
}

describe.skipIf(!BASE)('span flags and notes, and the comment thread (Chromium)', () => {
  const browser = chromiumForSuite(undefined, TIMEOUT);
  it(
    'flags a span unsure with a note, lists and filters it, posts a comment, and shows both to the curator in adjudication',
    () => flagNoteAndComment(browser()),
    TIMEOUT,
  );
});

async function flagNoteAndComment(browser: Browser) {
  const { page } = await signedIn(browser);
  const project = await ownProject(page);
  await page.goto(project.editor);
  const text = page.getByRole('textbox', { name: /^Text of / });
  await text.waitFor();

  const word = await selectFreeWord(page);
  await page.getByRole('dialog', { name: 'Choose a label' }).waitFor();
  await page.keyboard.press(project.hotkey);
  const span = text.locator('[data-span]', { hasText: word });
  await expect.poll(() => span.count()).toBe(1);
  await outsideMultiClickWindow(page);
  await span.click();
  const actions = page.getByRole('dialog', { name: 'Selected span' });
  await actions.getByRole('button', { name: /^Unsure/ }).click();
  await expect.poll(() => actions.getByRole('button', { name: /^Unsure/ }).getAttribute('aria-pressed')).toBe('true');
  await actions.getByRole('button', { name: /^Note…/ }).click();
  const note = page.getByRole('dialog', { name: 'Note for the curators' });
  await note.getByRole('textbox').fill(NOTE);
  await note.getByRole('button', { name: 'Save note' }).click();
  await page.getByRole('status').first().getByText('All changes saved').waitFor();

  // The span list marks the span, and "Unsure only" keeps it.
  const row = page.getByRole('button', { name: new RegExp(`${word}.*marked unsure, has a note`) });
  await row.waitFor();
  await page.getByRole('checkbox', { name: 'Unsure only' }).check();
  await row.waitFor();
  expect(await page.getByRole('complementary', { name: 'Annotations' }).getByRole('listitem').count()).toBe(1);

  await page.getByRole('tab', { name: 'Comments' }).click();
  await page.getByRole('textbox', { name: 'New comment' }).fill(COMMENT);
  await page.getByRole('button', { name: 'Post comment' }).click();
  await page.getByRole('region', { name: 'Comments on this document' }).getByText(COMMENT).waitFor();
  expect(await accessibilityProblems(page)).toEqual([]);

  const stored = await api<{ items: { quote: string; unsure: boolean; note: string | null }[] }>(page, `/documents/${project.documentId}/annotations`);
  expect(stored.items.map(({ quote, unsure, note }) => ({ quote, unsure, note }))).toEqual([{ quote: word, unsure: true, note: NOTE }]);

  await api(page, `/documents/${project.documentId}/assignment`, { method: 'PATCH', data: { status: 'SUBMITTED' } });
  await page.goto(project.review);
  const remarks = page.getByRole('list', { name: "Annotators' flags and notes" });
  await remarks.getByText(NOTE).waitFor();
  expect(await remarks.getByText('unsure', { exact: true }).count()).toBe(1);
  await page.getByRole('region', { name: 'Comments on this document' }).getByText(COMMENT).waitFor();
  expect(await accessibilityProblems(page)).toEqual([]);
}
