import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ENDPOINTS } from '@/lib/api/registry';
import { revokeApiToken } from '@/lib/auth/api-tokens';
import { createApiToken } from '@/lib/auth/api-tokens';
import { getPrisma } from '@/lib/db/client';
import { stopSender } from '@/lib/recommenders/queue';
import { call, sessionCookie } from '../support/api';
import { makeRecommender, makeRun, suggest } from '../support/suggestions';
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
  /** A body that is not JSON (uploads). */
  raw?: { body: string; contentType: string };
  expect: [owner: number, manager: number, curator: number, annotator: number, nonMember: number];
}

interface Fixture {
  projectId: string;
  users: Record<'OWNER' | 'MANAGER' | 'CURATOR' | 'ANNOTATOR' | 'non-member' | 'outsider', TestUser>;
  documentId: string;
  labels: Record<string, string>;
  /** The acting member's own spans, relation and comment (the annotator's, for callers outside the project). */
  work: { org: string; gpe: string; relation: string; comment: string };
  /** A pending invitation to the project addressed to the acting user (the outsider, for callers without an account). */
  invitationId: string;
  /** A pending suggestion (PERSON on "Some") for everyone. */
  suggestionId: string;
  /** A string-match recommender of the project and a queued run of it. */
  recommenderId: string;
  runId: string;
}

const CASES: Case[] = [
  { endpoint: 'GET /projects', expect: [200, 200, 200, 200, 200] },
  { endpoint: 'POST /projects', body: () => ({ name: 'Another project' }), expect: [201, 201, 201, 201, 201] },
  { endpoint: 'GET /projects/{id}', expect: [200, 200, 200, 200, 404] },
  { endpoint: 'PATCH /projects/{id}', body: () => ({ blindMode: false }), expect: [200, 200, 403, 403, 404] },
  { endpoint: 'DELETE /projects/{id}', expect: [204, 403, 403, 403, 404] },
  { endpoint: 'GET /projects/{id}/members', expect: [200, 200, 200, 200, 404] },
  // Only instance admins add accounts directly (none of these callers is one); everyone else invites.
  { endpoint: 'POST /projects/{id}/members', body: (f) => ({ email: f.users.outsider.email, role: 'ANNOTATOR' }), expect: [403, 403, 403, 403, 404] },
  { endpoint: 'POST /projects/{id}/invitations', body: (f) => ({ email: f.users.outsider.email, role: 'ANNOTATOR' }), expect: [201, 201, 403, 403, 404] },
  { endpoint: 'GET /projects/{id}/invitations', expect: [200, 200, 403, 403, 404] },
  { endpoint: 'DELETE /projects/{id}/invitations/{invitationId}', expect: [204, 204, 403, 403, 404] },
  // The invitation used here is addressed to the caller, so any account may answer it.
  { endpoint: 'GET /invitations', expect: [200, 200, 200, 200, 200] },
  { endpoint: 'POST /invitations/{id}/accept', expect: [200, 200, 200, 200, 200] },
  { endpoint: 'POST /invitations/{id}/decline', expect: [204, 204, 204, 204, 204] },
  { endpoint: 'PATCH /projects/{id}/members/{userId}', body: () => ({ role: 'CURATOR' }), expect: [200, 200, 403, 403, 404] },
  { endpoint: 'DELETE /projects/{id}/members/{userId}', expect: [204, 204, 403, 403, 404] },
  { endpoint: 'GET /projects/{id}/schema', expect: [200, 200, 200, 200, 404] },
  {
    endpoint: 'PUT /projects/{id}/schema',
    body: () => ({ labels: [{ layer: 'ENTITY', key: 'PERSON', name: 'Person', hotkey: 'p' }] }),
    expect: [200, 200, 403, 403, 404],
  },
  { endpoint: 'GET /projects/{id}/documents', expect: [200, 200, 200, 200, 404] },
  { endpoint: 'POST /projects/{id}/documents', body: () => ({ documents: [{ name: 'new', text: 'A new document.' }] }), expect: [201, 201, 403, 403, 404] },
  { endpoint: 'GET /documents/{id}', expect: [200, 200, 200, 200, 404] },
  { endpoint: 'PATCH /documents/{id}', body: () => ({ name: 'Renamed' }), expect: [200, 200, 403, 403, 404] },
  { endpoint: 'GET /projects/{id}/search?label=ORG', expect: [200, 200, 200, 200, 404] },
  { endpoint: 'DELETE /documents/{id}', expect: [204, 204, 403, 403, 404] },
  { endpoint: 'GET /documents/{id}/annotations', expect: [200, 200, 200, 200, 404] },
  { endpoint: 'POST /documents/{id}/annotations', body: (f) => ({ labelId: f.labels.GPE, start: 0, end: 4 }), expect: [201, 201, 201, 201, 404] },
  { endpoint: 'PATCH /annotations/{id}', body: (f) => ({ version: 1, labelId: f.labels.NORP }), expect: [200, 200, 200, 200, 404] },
  { endpoint: 'DELETE /annotations/{id}', expect: [204, 204, 204, 204, 404] },
  {
    endpoint: 'POST /documents/{id}/operations',
    body: (f) => ({ ops: [{ op: 'createAnnotation', body: { labelId: f.labels.GPE, start: 0, end: 4 } }] }),
    expect: [200, 200, 200, 200, 404],
  },
  { endpoint: 'GET /documents/{id}/relations', expect: [200, 200, 200, 200, 404] },
  {
    endpoint: 'POST /documents/{id}/relations',
    body: (f) => ({ labelId: f.labels.ATTACKED, sourceId: f.work.org, targetId: f.work.gpe }),
    expect: [201, 201, 201, 201, 404],
  },
  { endpoint: 'DELETE /relations/{id}', expect: [204, 204, 204, 204, 404] },
  { endpoint: 'GET /documents/{id}/comments', expect: [200, 200, 200, 200, 404] },
  { endpoint: 'POST /documents/{id}/comments', body: () => ({ body: 'Please check the second line.' }), expect: [201, 201, 201, 201, 404] },
  { endpoint: 'PATCH /comments/{id}', body: () => ({ body: 'Edited.' }), expect: [200, 200, 200, 200, 404] },
  { endpoint: 'DELETE /comments/{id}', expect: [204, 204, 204, 204, 404] },
  { endpoint: 'GET /documents/{id}/labels', expect: [200, 200, 200, 200, 404] },
  { endpoint: 'PUT /documents/{id}/labels', body: () => ({ answers: [] }), expect: [200, 200, 200, 200, 404] },
  { endpoint: 'GET /documents/{id}/assignment', expect: [200, 200, 200, 200, 404] },
  { endpoint: 'GET /documents/{id}/queue', expect: [200, 200, 200, 200, 404] },
  // Only the annotator is assigned the fixture's document: the others have no clock to add to.
  { endpoint: 'POST /documents/{id}/time', body: () => ({ end: false }), expect: [404, 404, 404, 200, 404] },
  { endpoint: 'PATCH /documents/{id}/assignment', body: () => ({ status: 'SUBMITTED' }), expect: [200, 200, 200, 200, 404] },
  { endpoint: 'DELETE /documents/{id}/assignments/{userId}', expect: [204, 204, 403, 403, 404] },
  { endpoint: 'POST /projects/{id}/assignments', body: () => ({ mode: 'round-robin' }), expect: [201, 201, 403, 403, 404] },
  { endpoint: 'GET /projects/{id}/progress', expect: [200, 200, 200, 403, 404] },
  { endpoint: 'GET /projects/{id}/dashboard', expect: [200, 200, 200, 200, 404] },
  { endpoint: 'GET /projects/{id}/queue/next', expect: [200, 200, 200, 200, 404] },
  { endpoint: 'GET /projects/{id}/agreement', expect: [200, 200, 200, 403, 404] },
  { endpoint: 'GET /projects/{id}/agreement/methods', expect: [200, 200, 200, 403, 404] },
  { endpoint: 'GET /documents/{id}/review', expect: [200, 200, 200, 403, 404] },
  { endpoint: 'POST /documents/{id}/gold', body: () => ({}), expect: [409, 409, 409, 403, 404] },
  { endpoint: 'POST /projects/{id}/gold/auto', body: () => ({ minAgreement: 2 }), expect: [200, 200, 200, 403, 404] },
  { endpoint: 'PATCH /documents/{id}/review', body: () => ({ adjudicated: false }), expect: [200, 200, 200, 403, 404] },
  { endpoint: 'GET /projects/{id}/review/queue', expect: [200, 200, 200, 403, 404] },
  { endpoint: 'GET /documents/{id}/events', expect: [200, 200, 200, 200, 404] },
  { endpoint: 'GET /projects/{id}/export', expect: [409, 409, 409, 403, 404] },
  { endpoint: 'GET /documents/{id}/suggestions', expect: [200, 200, 200, 200, 404] },
  { endpoint: 'POST /suggestions/{id}/accept', expect: [201, 201, 201, 201, 404] },
  { endpoint: 'POST /suggestions/{id}/reject', expect: [200, 200, 200, 200, 404] },
  { endpoint: 'GET /projects/{id}/suggestion-stats', expect: [200, 200, 200, 403, 404] },
  { endpoint: 'POST /documents/{id}/suggestions/accept-all', body: () => ({ label: 'PERSON' }), expect: [200, 200, 200, 200, 404] },
  { endpoint: 'GET /tokens', expect: [200, 200, 200, 200, 200] },
  // Every caller here uses an API token, and a token cannot create tokens (see "accepts a session cookie" below for 201).
  { endpoint: 'POST /tokens', body: () => ({ name: 'script' }), expect: [403, 403, 403, 403, 403] },
  { endpoint: 'DELETE /tokens/{id}', expect: [200, 200, 200, 200, 200] },
  { endpoint: 'POST /sessions/revoke-all', expect: [200, 200, 200, 200, 200] },
  // Only a signed-in session may change the password; tokens get 403 (tests/integration/sessions.test.ts has the session side).
  { endpoint: 'POST /account/password', body: () => ({ currentPassword: 'x', newPassword: 'a long enough passphrase' }), expect: [403, 403, 403, 403, 403] },
  // Every member sees the recommenders (and where they send text); managers configure and run them.
  { endpoint: 'GET /projects/{id}/recommenders', expect: [200, 200, 200, 200, 404] },
  { endpoint: 'POST /projects/{id}/recommenders', body: () => ({ kind: 'compromise', name: 'ner' }), expect: [201, 201, 403, 403, 404] },
  { endpoint: 'PATCH /recommenders/{id}', body: () => ({ name: 'renamed' }), expect: [200, 200, 403, 403, 404] },
  { endpoint: 'DELETE /recommenders/{id}', expect: [204, 204, 403, 403, 404] },
  { endpoint: 'POST /recommenders/{id}/gazetteer', raw: { body: 'Some,ORG\n', contentType: 'text/csv' }, expect: [200, 200, 403, 403, 404] },
  { endpoint: 'POST /recommenders/{id}/runs', body: () => ({}), expect: [201, 201, 403, 403, 404] },
  { endpoint: 'GET /runs/{id}', expect: [200, 200, 200, 200, 404] },
  { endpoint: 'POST /runs/{id}/cancel', expect: [200, 200, 403, 403, 404] },
];

const db = getPrisma();
let revoked: string;

// Starting a run queues its jobs through pg-boss; its connections close with the file.
afterAll(stopSender);

beforeAll(async () => {
  const user = await makeUser(db, 'revoked');
  await revokeApiToken(db, user.id, (await db.apiToken.findFirstOrThrow({ where: { userId: user.id } })).id);
  revoked = user.token;
});

async function ownWork(documentId: string, userId: string, labels: Record<string, string>) {
  const span = (labelId: string, start: number, end: number, quote: string) =>
    db.annotation.create({ data: { documentId, authorId: userId, labelId, start, end, quote } });
  const org = await span(labels.ORG!, 0, 4, 'Some');
  const gpe = await span(labels.GPE!, 5, 9, 'text');
  const relation = await db.relation.create({ data: { documentId, authorId: userId, labelId: labels.ATTACKED!, sourceId: org.id, targetId: gpe.id } });
  const comment = await db.documentComment.create({ data: { documentId, authorId: userId, body: 'Is "Some" an organisation?' } });
  return { org: org.id, gpe: gpe.id, relation: relation.id, comment: comment.id };
}

async function fixture(caller?: Caller): Promise<Fixture> {
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
  const document = await db.document.create({ data: { projectId: project.id, name: 'doc', text: 'Some text.', sha256: 'x', position: 0 } });
  await db.assignment.create({ data: { documentId: document.id, userId: ANNOTATOR.id, status: 'IN_PROGRESS' } });
  const labels = Object.fromEntries((await db.label.findMany({ where: { projectId: project.id } })).map((l) => [l.key, l.id]));
  const members = { OWNER, MANAGER, CURATOR, ANNOTATOR };
  const worker = caller && caller in members ? members[caller as keyof typeof members] : ANNOTATOR;
  const invitee = caller && caller in users ? users[caller as keyof typeof users] : users.outsider;
  const invitation = await db.invitation.create({
    data: { projectId: project.id, email: invitee.email, role: 'ANNOTATOR', expiresAt: new Date(Date.now() + 86_400_000) },
  });
  const run = await makeRun(db, await makeRecommender(db, project.id), [document.id]);
  const [suggestion] = await suggest(db, run, document.id, [{ label: 'PERSON', start: 0, end: 4 }]);
  const recommender = await db.recommender.create({ data: { projectId: project.id, kind: 'string-match', name: 'matcher' } });
  const queued = await db.recommenderRun.create({
    data: { recommenderId: recommender.id, projectId: project.id, trigger: 'batch', documentIds: [document.id] },
  });
  return {
    projectId: project.id,
    users,
    documentId: document.id,
    labels,
    work: await ownWork(document.id, worker.id, labels),
    invitationId: invitation.id,
    suggestionId: suggestion!.id,
    recommenderId: recommender.id,
    runId: queued.id,
  };
}

describe('authorization matrix: every API route × every caller', () => {
  it('covers every registered endpoint', () => {
    // A case may carry a query string its endpoint needs (`?label=ORG`).
    expect(CASES.map((c) => c.endpoint.split('?')[0]).sort()).toEqual(ENDPOINTS.map((e) => `${e.method} ${e.path}`).sort());
  });

  for (const testCase of CASES) {
    const [method, path] = testCase.endpoint.split(' ') as [string, string];
    describe(testCase.endpoint, () => {
      CALLERS.forEach((caller, index) => {
        const expected = index < 5 ? testCase.expect[index]! : 401;
        it(`${caller} → ${expected}`, async () => {
          const f = await fixture(caller);
          const acting = caller === 'anonymous' || caller === 'revoked token' ? undefined : f.users[caller];
          // The member acted upon is always the annotator; the token revoked is the caller's own spare one.
          const spare = acting ? await createApiToken(db, acting.id, 'spare') : null;
          const ids: Record<string, string> = {
            tokens: spare?.id ?? 'missing',
            documents: f.documentId,
            annotations: f.work.org,
            relations: f.work.relation,
            comments: f.work.comment,
            projects: f.projectId,
            invitations: f.invitationId,
            recommenders: f.recommenderId,
            suggestions: f.suggestionId,
            runs: f.runId,
          };
          const id = ids[path.split('/')[1]!]!;
          const params = { id, userId: f.users.ANNOTATOR.id, invitationId: f.invitationId };
          const token = caller === 'revoked token' ? revoked : acting?.token;
          // Streams and text downloads: the status and headers are the point, not the body.
          const hangUp = path.endsWith('/events') || path.endsWith('/methods');
          const response = await call(method, path, params, {
            token,
            body: testCase.body?.(f),
            hangUp,
            ...(testCase.raw && { rawBody: testCase.raw.body, contentType: testCase.raw.contentType }),
          });
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

  it('lets a session cookie create an API token', async () => {
    const f = await fixture();
    const response = await call('POST', '/tokens', {}, { cookie: await sessionCookie(f.users.ANNOTATOR.id), body: { name: 'script' } });
    expect(response.status).toBe(201);
  });

  it('rejects a forged session cookie', async () => {
    const f = await fixture();
    const forged = (await sessionCookie(f.users.OWNER.id)).replace(/.{8}$/, 'AAAAAAAA');
    expect((await call('GET', '/projects', {}, { cookie: forged })).status).toBe(401);
  });

  it('lets a manager handle annotators but not owners', async () => {
    const f = await fixture();
    const asManager = { token: f.users.MANAGER.token };
    const promote = await call(
      'PATCH',
      '/projects/{id}/members/{userId}',
      { id: f.projectId, userId: f.users.ANNOTATOR.id },
      { ...asManager, body: { role: 'OWNER' } },
    );
    expect(promote.status).toBe(403);
    const demote = await call('DELETE', '/projects/{id}/members/{userId}', { id: f.projectId, userId: f.users.OWNER.id }, asManager);
    expect(demote.status).toBe(403);
    expect(await db.membership.count({ where: { projectId: f.projectId, role: 'OWNER' } })).toBe(1);
  });
});
