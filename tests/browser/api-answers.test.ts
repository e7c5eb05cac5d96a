import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApiToken } from '@/lib/auth/api-tokens';
import { createPrismaClient, type PrismaClient } from '@/lib/db/client';
import { createProject } from '@/lib/projects/store';
import { BASE, CREDENTIALS, launchChromium, signedIn } from '../support/browser';
import { makeUser, TEST_PASSWORD, type TestUser } from '../support/fixtures';
import { corruptLastDocument, fillForExport, readUntilFailure } from '../support/export-failure';

/**
 * What the production server (tests/setup/browser-app.ts) answers where Next.js would
 * otherwise answer for us (issue #14 items 6 and 2): unknown /api paths and wrong methods
 * get the API's JSON errors, project pages a member may not open get real 403/404 statuses,
 * and an export that fails after its 200 breaks the transfer instead of ending it cleanly.
 */
describe.skipIf(!BASE)('answers of the production server', () => {
  let db: PrismaClient;
  let browser: Browser;
  let projectId: string;
  let owner: { id: string; token: string };
  let annotator: TestUser;
  let outsider: TestUser;

  beforeAll(async () => {
    db = createPrismaClient(process.env.GLOSSA_TEST_DATABASE_URL!);
    const demoOwner = await db.user.findUniqueOrThrow({ where: { email: CREDENTIALS.email } });
    owner = { id: demoOwner.id, token: (await createApiToken(db, demoOwner.id, 'api answers')).token };
    projectId = (await db.membership.findFirstOrThrow({ where: { userId: demoOwner.id, role: 'OWNER' } })).projectId;
    annotator = await makeUser(db, 'annotator');
    await db.membership.create({ data: { projectId, userId: annotator.id, role: 'ANNOTATOR' } });
    outsider = await makeUser(db, 'outsider');
    browser = await launchChromium();
  }, 120_000);

  afterAll(async () => {
    await browser?.close();
    await db?.$disconnect();
  });

  const send = (method: string, path: string, token = annotator.token) => fetch(`${BASE}${path}`, { method, headers: { authorization: `Bearer ${token}` } });

  it('answers an unknown /api path with a 404 JSON error, whatever the method', async () => {
    for (const [method, path] of [
      ['GET', '/api/v1/nope'],
      ['POST', '/api/v1/nope'],
      ['GET', `/api/v1/projects/${projectId}/schema/extra`],
      ['DELETE', '/api/nope/deeper'],
      ['GET', '/api'],
    ] as const) {
      const response = await send(method, path);
      expect(response.status, `${method} ${path}`).toBe(404);
      expect(response.headers.get('content-type')).toMatch(/^application\/json/);
      expect(await response.json()).toEqual({
        error: { code: 'not_found', message: `There is no API endpoint at ${path}; the API is described at /api/v1/openapi.json.` },
      });
    }
  });

  it('answers a wrong method on a known path with a 405 JSON error and Allow', async () => {
    for (const [method, path, allow] of [
      ['POST', `/api/v1/projects/${projectId}/schema`, 'GET, HEAD, OPTIONS, PUT'],
      ['DELETE', `/api/v1/projects/${projectId}/export`, 'GET, HEAD, OPTIONS'],
      ['PUT', '/api/health', 'GET, HEAD, OPTIONS'],
      ['GET', '/api/signup', 'OPTIONS, POST'],
    ] as const) {
      const response = await send(method, path);
      expect(response.status, `${method} ${path}`).toBe(405);
      expect(response.headers.get('allow')).toBe(allow);
      const body = await response.json();
      expect(body.error.code).toBe('method_not_allowed');
      expect(body.error.message).toBe(
        `${method} is not allowed on ${path}; it answers ${allow
          .split(', ')
          .filter((m) => m !== 'HEAD' && m !== 'OPTIONS')
          .join(', ')}.`,
      );
    }
    const options = await send('OPTIONS', `/api/v1/projects/${projectId}/schema`);
    expect([options.status, options.headers.get('allow')]).toEqual([204, 'GET, HEAD, OPTIONS, PUT']);
  });

  it("names the action an annotator's export lacks", async () => {
    const response = await send('GET', `/api/v1/projects/${projectId}/export?format=jsonl&source=all`);
    expect(response.status).toBe(403);
    expect((await response.json()).error.message).toBe('Your role (ANNOTATOR) does not allow exporting in this project.');
  });

  it('answers project pages like the API: 404 to a non-member, 403 with a message to a member without the permission', async () => {
    const pages = ['agreement', 'review', 'progress', 'export'];
    const statuses = async (who: { email: string; password: string }, paths: string[]) => {
      const { context, page } = await signedIn(browser, who);
      const result: Record<string, [number, string]> = {};
      for (const path of paths) {
        const response = await page.goto(`${BASE}/projects/${projectId}${path}`);
        result[path] = [response!.status(), (await page.locator('main h1, h1').first().textContent()) ?? ''];
      }
      await context.close();
      return result;
    };
    // The headings of app/forbidden.tsx and app/not-found.tsx.
    const forbidden: [number, string] = [403, 'Your role does not include this page'];
    const missing: [number, string] = [404, 'Page not found'];
    expect(
      await statuses(
        { email: annotator.email, password: TEST_PASSWORD },
        pages.map((p) => `/${p}`),
      ),
    ).toEqual(Object.fromEntries(pages.map((p) => [`/${p}`, forbidden])));
    expect(await statuses({ email: outsider.email, password: TEST_PASSWORD }, ['', ...pages.map((p) => `/${p}`)])).toEqual(
      Object.fromEntries(['', ...pages.map((p) => `/${p}`)].map((p) => [p, missing])),
    );
    // The owner opens them all, so the statuses above are about the role, not a broken page.
    const own = await statuses(
      CREDENTIALS,
      pages.map((p) => `/${p}`),
    );
    expect(Object.values(own).map(([status]) => status)).toEqual(pages.map(() => 200));
  }, 120_000);

  it('breaks the transfer of an export that fails after its 200: no clean end that would pass for a complete file', async () => {
    const project = await createProject(db, { name: 'Export failure', presetId: 'news-stance-framing', ownerId: owner.id });
    const { documents } = await fillForExport(db, project.id, owner.id);
    await corruptLastDocument(db, project.id);
    const response = await send('GET', `/api/v1/projects/${project.id}/export?format=jsonl&source=all`, owner.token);
    expect(response.status).toBe(200);
    const { lines, failure } = await readUntilFailure(response.body!);
    expect(failure, 'the body must not end cleanly').toBeInstanceOf(Error);
    expect(lines, 'documents before the broken one were sent').toBeGreaterThan(100);
    expect(lines).toBeLessThan(documents);
    // The server lives on.
    expect((await fetch(`${BASE}/api/health`)).status).toBe(200);
  }, 120_000);
});
