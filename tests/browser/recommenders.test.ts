import { afterAll, describe, expect, it } from 'vitest';
import { startFakeOpenai, type FakeOpenai } from '../support/fake-openai';
import { accessibilityProblems, api, BASE, signedInForSuite } from '../support/browser';

/**
 * The project page's Recommenders section, main path: a manager adds a string-match
 * recommender and an OpenAI-compatible one (the fake server), the page says which sends
 * document text where, and a run over the project shows its progress bar until the
 * server's own worker (instrumentation.ts) has finished it.
 */
const TIMEOUT = 120_000;

describe.skipIf(!BASE)('recommenders on the project page (Chromium)', () => {
  let fake: FakeOpenai;

  const page = signedInForSuite(async () => {
    fake = await startFakeOpenai();
  }, TIMEOUT);

  afterAll(async () => {
    await fake?.close();
  });

  it(
    'adds recommenders, says where each sends text, and runs one over the project with a progress bar',
    async () => {
      const project = await api<{ id: string }>(page(), '/projects', {
        method: 'POST',
        data: { name: `Recommenders ${Date.now().toString(36)}`, blindMode: false },
      });
      const created = await api<{ documents: { id: string }[] }>(page(), `/projects/${project.id}/documents`, {
        method: 'POST',
        data: {
          documents: [
            { name: 'one', text: 'Doha hosted the talks.' },
            { name: 'two', text: 'From Doha to Doha.' },
          ],
        },
      });
      const schema = await api<{ labels: { id: string; key: string; layer: string }[] }>(page(), `/projects/${project.id}/schema`);
      const gpe = schema.labels.find((l) => l.key === 'GPE' && l.layer === 'ENTITY')!;
      await api(page(), `/documents/${created.documents[0]!.id}/annotations`, { method: 'POST', data: { labelId: gpe.id, start: 0, end: 4 } });

      await page().goto(`${BASE}/projects/${project.id}`);
      const section = page().getByRole('region', { name: 'Recommenders' });
      await section.getByText('No recommenders: no document text leaves this server for suggestions.').waitFor();

      await section.getByRole('button', { name: 'Add a recommender' }).click();
      let form = section.getByRole('form', { name: 'Add a recommender' });
      await form.getByLabel('Name').fill('Places seen before');
      await form.getByRole('button', { name: 'Add recommender' }).click();
      const matcher = section.getByRole('listitem', { name: 'Places seen before' });
      await matcher.getByText('runs on this server; sends text nowhere').waitFor();

      await section.getByRole('button', { name: 'Add a recommender' }).click();
      form = section.getByRole('form', { name: 'Add a recommender' });
      await form.getByLabel('Kind').selectOption('openai');
      await form.getByLabel('Name').fill('Local model');
      await form.getByLabel('Config (JSON)').fill(JSON.stringify({ baseUrl: fake.baseUrl, model: 'test' }));
      await form.getByRole('button', { name: 'Add recommender' }).click();
      await section.getByRole('listitem', { name: 'Local model' }).getByText(`sends text to ${fake.baseUrl}/chat/completions`).waitFor();
      expect(await accessibilityProblems(page())).toEqual([]);

      await matcher.getByRole('button', { name: 'Run over the project' }).click();
      await matcher.getByRole('status').getByText('succeeded: 2 of 2 documents, 3 suggestions').waitFor({ timeout: 60_000 });
      expect(await matcher.getByRole('progressbar').getAttribute('value')).toBe('2');
      expect(fake.requests).toEqual([]);
      await api(page(), `/projects/${project.id}`, { method: 'DELETE' });
    },
    TIMEOUT,
  );
});
