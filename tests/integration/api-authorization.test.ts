import { beforeAll, describe, expect, it } from 'vitest';
import { ENDPOINTS } from '@/lib/api/registry';
import { revokeApiToken } from '@/lib/auth/api-tokens';
import { createApiToken } from '@/lib/auth/api-tokens';
import { getPrisma } from '@/lib/db/client';
import { call, sessionCookie } from '../support/api';
import { makeProject, makeUser, type TestUser } from '../support/fixtures';

/**
 * Every API route × every kind of caller, with the exact status expected. A new
 * endpoint without a row here fails the completeness check below.
 */
type Caller = 'OWNER' | 'MANAGER' | 'CURATOR' | 'ANNOTATOR' | 'non-member' | 'anonymous' | 'revoked token';
const CALLERS: Caller[] = ['OWNER', 'MANAGER', 'CURATOR', 'ANNOTATOR', 'non-member', 'anonymous', 'revoked token'];

interface Case {
  endpoint: string;
  body?: (f: Fixture) => unknown;
  expect: [owner: number, manager: number, curator: number, annotator: number, nonMember: number];
}

interface Fixture {
  projectId: string;
  users: Record<'OWNER' | 'MANAGER' | 'CURATOR' | 'ANNOTATOR' | 'non-member' | 'outsider', TestUser>;
  tokenId: string;
}

const CASES: Case[] = [
  { endpoint: 'GET /projects', expect: [200, 200, 200, 200, 200] },
  { endpoint: 'POST /projects', body: () => ({ name: 'Another project' }), expect: [201, 201, 201, 201, 201] },
  { endpoint: 'GET /projects/{id}', expect: [200, 200, 200, 200, 404] },
  { endpoint: 'PATCH /projects/{id}', body: () => ({ blindMode: false }), expect: [200, 200, 403, 403, 404] },
  { endpoint: 'DELETE /projects/{id}', expect: [204, 403, 403, 403, 404] },
  { endpoint: 'GET /projects/{id}/members', expect: [200, 200, 200, 200, 404] },
  { endpoint: 'POST /projects/{id}/members', body: (f) => ({ email: f.users.outsider.email, role: 'ANNOTATOR' }), expect: [201, 201, 403, 403, 404] },
  { endpoint: 'PATCH /projects/{id}/members/{userId}', body: () => ({ role: 'CURATOR' }), expect: [200, 200, 403, 403, 404] },
  { endpoint: 'DELETE /projects/{id}/members/{userId}', expect: [204, 204, 403, 403, 404] },
  { endpoint: 'GET /projects/{id}/schema', expect: [200, 200, 200, 200, 404] },
  {
    endpoint: 'PUT /projects/{id}/schema',
    body: () => ({ labels: [{ layer: 'ENTITY', key: 'PERSON', name: 'Person', hotkey: 'p' }] }),
    expect: [200, 200, 403, 403, 404],
  },
  { endpoint: 'GET /tokens', expect: [200, 200, 200, 200, 200] },
  { endpoint: 'POST /tokens', body: () => ({ name: 'script' }), expect: [201, 201, 201, 201, 201] },
  { endpoint: 'DELETE /tokens/{id}', expect: [200, 200, 200, 200, 200] },
];

const db = getPrisma();
let revoked: string;

beforeAll(async () => {
  const user = await makeUser(db, 'revoked');
  await revokeApiToken(db, user.id, (await db.apiToken.findFirstOrThrow({ where: { userId: user.id } })).id);
  revoked = user.token;
});

async function fixture(): Promise<Fixture> {
  const users = {
    OWNER: await makeUser(db, 'owner'),
    MANAGER: await makeUser(db, 'manager'),
    CURATOR: await makeUser(db, 'curator'),
    ANNOTATOR: await makeUser(db, 'annotator'),
    'non-member': await makeUser(db, 'stranger'),
    outsider: await makeUser(db, 'outsider'),
  };
  const { OWNER, MANAGER, CURATOR, ANNOTATOR } = users;
  const project = await makeProject(db, { OWNER, MANAGER, CURATOR, ANNOTATOR });
  return { projectId: project.id, users, tokenId: '' };
}

describe('authorization matrix: every API route × every caller', () => {
  it('covers every registered endpoint', () => {
    expect(CASES.map((c) => c.endpoint).sort()).toEqual(ENDPOINTS.map((e) => `${e.method} ${e.path}`).sort());
  });

  for (const testCase of CASES) {
    const [method, path] = testCase.endpoint.split(' ') as [string, string];
    describe(testCase.endpoint, () => {
      CALLERS.forEach((caller, index) => {
        const expected = index < 5 ? testCase.expect[index]! : 401;
        it(`${caller} → ${expected}`, async () => {
          const f = await fixture();
          const acting = caller === 'anonymous' || caller === 'revoked token' ? undefined : f.users[caller];
          // The member acted upon is always the annotator; the token revoked is the caller's own spare one.
          const spare = acting ? await createApiToken(db, acting.id, 'spare') : null;
          const params = { id: path.startsWith('/tokens') ? (spare?.id ?? 'missing') : f.projectId, userId: f.users.ANNOTATOR.id };
          const token = caller === 'revoked token' ? revoked : acting?.token;
          const response = await call(method, path, params, { token, body: testCase.body?.(f) });
          expect(response.status, JSON.stringify(response.body)).toBe(expected);
          if (expected === 404) expect(response.body.error.code).toBe('not_found');
          if (expected >= 400) expect(JSON.stringify(response.body)).not.toContain('Test project');
        });
      });
    });
  }

  it('accepts a next-auth session cookie like a token', async () => {
    const f = await fixture();
    const response = await call('GET', '/projects/{id}', { id: f.projectId }, { cookie: await sessionCookie(f.users.CURATOR.id) });
    expect(response.status).toBe(200);
    expect(response.body.role).toBe('CURATOR');
  });

  it('rejects a forged session cookie', async () => {
    const f = await fixture();
    const forged = (await sessionCookie(f.users.OWNER.id)).replace(/.{8}$/, 'AAAAAAAA');
    expect((await call('GET', '/projects', {}, { cookie: forged })).status).toBe(401);
  });

  it('lets a manager handle annotators but not owners', async () => {
    const f = await fixture();
    const asManager = { token: f.users.MANAGER.token };
    const promote = await call('PATCH', '/projects/{id}/members/{userId}', { id: f.projectId, userId: f.users.ANNOTATOR.id }, { ...asManager, body: { role: 'OWNER' } });
    expect(promote.status).toBe(403);
    const demote = await call('DELETE', '/projects/{id}/members/{userId}', { id: f.projectId, userId: f.users.OWNER.id }, asManager);
    expect(demote.status).toBe(403);
    expect(await db.membership.count({ where: { projectId: f.projectId, role: 'OWNER' } })).toBe(1);
  });
});
