import { describe, expect, it } from 'vitest';
import { accessibilityProblems, addDocuments, api, BASE, documentIds, newProject, signedInForSuite } from '../support/browser';

/**
 * Issue #17 bug 2: a second stance target whose name differs from another only in case and
 * spacing is refused in the schema editor, naming the field; a retired target leaves the dataset
 * card and brat's annotation.conf, while the annotation that names it still exports.
 */
const TIMEOUT = 120_000;

interface Schema {
  labels: { id: string; layer: string; key: string }[];
  targets: { id: string; key: string; name: string; retired: boolean }[];
}

describe.skipIf(!BASE)('stance targets: duplicates refused, retired ones out of the export schema (Chromium)', () => {
  let projectId: string;

  const page = signedInForSuite(async (page) => {
    projectId = await newProject(page, { name: `Targets ${Date.now()}` });
    const text = 'The Pakistani Taliban attacked the post.';
    await addDocuments(page, projectId, [{ name: 'post', text }], '?author=gold');
    const documentId = (await documentIds(page, projectId))[0]!;
    const schema = await api<Schema>(page, `/projects/${projectId}/schema`);
    const against = schema.labels.find((label) => label.layer === 'STANCE' && label.key === 'AGAINST')!;
    const ttp = schema.targets.find((target) => target.key === 'TTP')!;
    await api(page, `/documents/${documentId}/annotations`, {
      method: 'POST',
      data: { labelId: against.id, start: 4, end: 21, target: { kind: 'target', id: ttp.id }, gold: true },
    });
  }, TIMEOUT);

  it(
    'refuses "afghan  TALIBAN" next to "Afghan Taliban" at the name field',
    async () => {
      await page().goto(`${BASE}/projects/${projectId}/schema`, { waitUntil: 'networkidle' });
      const targets = page().getByRole('region', { name: /^Stance targets/ });
      await targets.getByRole('button', { name: 'Add target' }).click();
      const name = targets.getByRole('textbox', { name: 'Name' }).last();
      await name.fill('afghan  TALIBAN');
      await targets.getByRole('textbox', { name: 'Key' }).last().fill('TALIBAN_2');
      await page().getByRole('button', { name: 'Save schema' }).click();
      const described = await name.getAttribute('aria-describedby');
      expect(described, 'the name field names its error').toMatch(/error/);
      const message = await page()
        .locator(`[id="${described!.split(' ').find((id) => id.endsWith('error'))}"]`)
        .textContent();
      expect(message).toContain('duplicate target name "afghan  TALIBAN" (also targets[0]; names are compared ignoring case and spacing)');
      const stored = await api<Schema>(page(), `/projects/${projectId}/schema`);
      expect(stored.targets.map((target) => target.name)).not.toContain('afghan  TALIBAN');
      expect(await accessibilityProblems(page())).toEqual([]);
      // Leave no unsaved draft behind: its "leave this page?" prompt would keep the next test here.
      await targets.getByRole('button', { name: /^Remove afghan\s+TALIBAN$/ }).click();
    },
    TIMEOUT,
  );

  it(
    'leaves a retired target out of the brat card and annotation.conf, keeping the annotation that names it',
    async () => {
      await page().goto(`${BASE}/projects/${projectId}/schema`, { waitUntil: 'networkidle' });
      // TTP has the gold stance span; nothing names the Pakistani state.
      for (const name of ['Tehreek-e-Taliban Pakistan', 'Pakistani state and military']) {
        await page()
          .getByRole('button', { name: `Retire ${name}` })
          .click();
        await page()
          .getByRole('group', { name: `Retire ${name}?` })
          .getByRole('button', { name: 'Retire', exact: true })
          .click();
      }
      await page().getByRole('button', { name: 'Save schema' }).click();
      // What the page says after saving: "Schema saved.", or the problems that stopped it.
      await expect.poll(() => page().locator('.form-status, .form-error, .field__error').allTextContents(), { timeout: 30_000 }).toContain('Schema saved.');
      await expect
        .poll(async () =>
          (await api<Schema>(page(), `/projects/${projectId}/schema`)).targets
            .filter((t) => t.retired)
            .map((t) => t.key)
            .sort(),
        )
        .toEqual(['PAKISTAN_STATE', 'TTP']);

      await page().goto(`${BASE}/projects/${projectId}/export`);
      await page().getByLabel('brat standoff (zip)').check();
      const preview = page().getByRole('region', { name: /^Preview/ });
      const entry = (name: string) => preview.locator('figure', { has: page().locator('figcaption', { hasText: name }) }).locator('pre');
      await entry('annotation.conf').waitFor();
      const conf = await entry('annotation.conf').textContent();
      const card = await entry('README.md').textContent();
      const ann = await entry('.ann').first().textContent();
      // The gold stance span still names TTP, so brat's conf lists that value for it; the unused retired target is gone …
      expect(ann).toMatch(/^A\d+\tTarget T\d+ TTP$/m);
      expect(conf).toMatch(/^Target\tArg:[^\n]*, Value:AFGHAN_TALIBAN\|TTP$/m);
      // … and the card's schema offers neither, saying the annotation is still there.
      expect(card).toContain('Afghan Taliban');
      expect(card).not.toContain('Tehreek-e-Taliban Pakistan');
      expect(card).not.toContain('Pakistani state and military');
      expect(card).toContain("1 stance annotation or answer names a target retired from the schema since; it is in this file with the target's key.");
      expect(await accessibilityProblems(page())).toEqual([]);
    },
    TIMEOUT,
  );
});
