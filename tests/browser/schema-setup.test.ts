import type { Locator } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { accessibilityProblems, api, BASE, signedInForSuite } from '../support/browser';

/**
 * Issue #17, schema set-up: a project from the blank preset; a new label's key follows its name
 * until a key is typed; each new label gets a colour no other label of any layer has; a name that
 * differs from another of its layer only in case and spacing is refused before anything is saved.
 */
const TIMEOUT = 120_000;

interface Schema {
  labels: { layer: string; key: string; name: string; color: string }[];
}

describe.skipIf(!BASE)('schema set-up (Chromium)', () => {
  const page = signedInForSuite(undefined, TIMEOUT);

  it(
    'creates a blank project and builds its schema: keys from names, distinct colours, duplicate names refused',
    async () => {
      await page().goto(`${BASE}/projects/new`, { waitUntil: 'networkidle' });
      await page().getByRole('textbox', { name: 'Name' }).fill(`Blank ${Date.now()}`);
      await page().getByRole('radio', { name: 'Blank' }).check();
      await page().getByRole('button', { name: 'Create project' }).click();
      await page().waitForURL((url) => /^\/projects\/(?!new$)[^/]+$/.test(url.pathname));
      const projectId = page().url().split('/').pop()!;
      expect((await api<Schema>(page(), `/projects/${projectId}/schema`)).labels).toEqual([]);

      await page().goto(`${BASE}/projects/${projectId}/schema`, { waitUntil: 'networkidle' });
      const entities = page().getByRole('region', { name: /^Entities/ });
      const frames = page().getByRole('region', { name: /^Frames/ });
      const lastRow = (section: Locator) => section.getByRole('listitem').last();
      const field = (row: Locator, name: string) => row.getByRole('textbox', { name, exact: true });

      await entities.getByRole('button', { name: 'Add entity label' }).click();
      await field(lastRow(entities), 'Name').fill('Armed group');
      expect(await field(lastRow(entities), 'Key').inputValue()).toBe('ARMED_GROUP');
      const first = await field(lastRow(entities), 'Colour').inputValue();

      await entities.getByRole('button', { name: 'Add entity label' }).click();
      const second = lastRow(entities);
      // A key typed by hand stays whatever the name becomes.
      await field(second, 'Key').fill('MILITIA');
      await field(second, 'Name').fill('armed  Group');
      expect(await field(second, 'Key').inputValue()).toBe('MILITIA');
      const secondColor = await field(second, 'Colour').inputValue();

      await frames.getByRole('button', { name: 'Add frame label' }).click();
      await field(lastRow(frames), 'Name').fill('Security');
      expect(await field(lastRow(frames), 'Key').inputValue()).toBe('SECURITY');
      const third = await field(lastRow(frames), 'Colour').inputValue();
      expect(new Set([first, secondColor, third]).size).toBe(3);

      await page().getByRole('button', { name: 'Save schema' }).click();
      const name = field(second, 'Name');
      const errorId = (await name.getAttribute('aria-describedby'))?.split(' ').find((id) => id.endsWith('-error'));
      expect(errorId, 'the name field names its error').toBeDefined();
      expect(await page().locator(`[id="${errorId}"]`).textContent()).toMatch(
        /^duplicate name "armed {2}Group" in layer ENTITY .*names are compared ignoring case and spacing/,
      );
      expect((await api<Schema>(page(), `/projects/${projectId}/schema`)).labels).toEqual([]);
      expect(await accessibilityProblems(page())).toEqual([]);

      await name.fill('Militia');
      await page().getByRole('button', { name: 'Save schema' }).click();
      await expect
        .poll(async () =>
          (await api<Schema>(page(), `/projects/${projectId}/schema`)).labels.map(({ layer, key, name, color }) => ({ layer, key, name, color })),
        )
        .toEqual([
          { layer: 'ENTITY', key: 'ARMED_GROUP', name: 'Armed group', color: first },
          { layer: 'ENTITY', key: 'MILITIA', name: 'Militia', color: secondColor },
          { layer: 'FRAME', key: 'SECURITY', name: 'Security', color: third },
        ]);
    },
    TIMEOUT,
  );
});
