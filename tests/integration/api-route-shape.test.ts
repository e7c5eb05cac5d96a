import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { getPrisma } from '@/lib/db/client';
import { call } from '../support/api';
import { makeProject, makeUser } from '../support/fixtures';

// Issue #14 item 6, in-process: the route modules' own answers for unknown paths and wrong
// methods, and the wording of a denied export. tests/browser/api-answers.test.ts checks the
// same through the production server.
const db = getPrisma();

describe('API answers outside the endpoints', () => {
  it('the /api catch-all answers every method with a 404 JSON error naming the path', async () => {
    const route = await import('@/app/api/[[...path]]/route');
    for (const method of ['GET', 'POST', 'PUT', 'PATCH', 'DELETE', 'OPTIONS'] as const) {
      const response = await route[method](new Request('http://localhost/api/v1/projects/x/nope', { method }));
      expect(response.status).toBe(404);
      expect(await response.json()).toEqual({
        error: { code: 'not_found', message: 'There is no API endpoint at /api/v1/projects/x/nope; the API is described at /api/v1/openapi.json.' },
      });
    }
  });

  it('a wrong method on a known path answers 405 JSON with Allow, before looking at the caller', async () => {
    const response = await call('DELETE', '/projects/{id}/schema', { id: 'any' });
    expect(response.status).toBe(405);
    expect(response.headers.get('allow')).toBe('GET, HEAD, OPTIONS, PUT');
    expect(response.body).toEqual({
      error: {
        code: 'method_not_allowed',
        message: 'DELETE is not allowed on /api/v1/projects/any/schema; it answers GET, PUT.',
        details: { allow: ['GET', 'PUT'] },
      },
    });
  });

  it("every route module under app/api answers every method (a new route that exports only its own methods would get Next's empty 405)", () => {
    const routes = readdirSync('app/api', { recursive: true, encoding: 'utf8' }).filter((file) => path.basename(file) === 'route.ts');
    expect(routes.length).toBeGreaterThan(30);
    const incomplete = routes.filter(
      (file) => !readFileSync(path.join('app/api', file), 'utf8').includes('export const { GET, POST, PUT, PATCH, DELETE, HEAD, OPTIONS } ='),
    );
    // The catch-all answers 404 for every method itself (tested above).
    expect(incomplete).toEqual(['[[...path]]/route.ts']);
  });

  it("says which action an annotator's export lacks", async () => {
    const owner = await makeUser(db, 'owner');
    const annotator = await makeUser(db, 'annotator');
    const project = await makeProject(db, { OWNER: owner, ANNOTATOR: annotator });
    const response = await call('GET', '/projects/{id}/export?format=jsonl&source=all', { id: project.id }, { token: annotator.token });
    expect(response.status).toBe(403);
    expect(response.body.error.message).toBe('Your role (ANNOTATOR) does not allow exporting in this project.');
  });
});
