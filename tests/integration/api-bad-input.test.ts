import { beforeEach, describe, expect, it } from 'vitest';
import { getPrisma } from '@/lib/db/client';
import { call } from '../support/api';
import { makeTeam, type TestUser } from '../support/fixtures';

const db = getPrisma();
let owner: TestUser, annotator: TestUser, projectId: string;

beforeEach(async () => {
  ({ owner, annotator, projectId } = await makeTeam(db, { annotator: 'ANNOTATOR' }));
});

/** Snapshot of everything a failed request must leave untouched. */
async function state() {
  const [projects, memberships, labels, targets] = await Promise.all([
    db.project.findMany({ orderBy: { id: 'asc' } }),
    db.membership.findMany({ orderBy: { id: 'asc' } }),
    db.label.findMany({ orderBy: { id: 'asc' } }),
    db.target.findMany({ orderBy: { id: 'asc' } }),
  ]);
  return { projects, memberships, labels, targets };
}

async function expectRejected(status: number, code: string, request: () => ReturnType<typeof call>, message?: RegExp) {
  const before = await state();
  const response = await request();
  expect(response.status, JSON.stringify(response.body)).toBe(status);
  expect(response.body.error.code).toBe(code);
  if (message) expect(response.body.error.message).toMatch(message);
  expect(await state()).toEqual(before);
  return response.body.error;
}

describe('bad input gets a precise 4xx and changes nothing', () => {
  it('malformed JSON', async () => {
    await expectRejected(400, 'bad_request', () => call('POST', '/projects', {}, { token: owner.token, rawBody: '{"name": "x",' }), /^Malformed JSON/);
  });

  it('a body that is not JSON', async () => {
    await expectRejected(415, 'unsupported_media_type', () =>
      call('POST', '/projects', {}, { token: owner.token, rawBody: 'name=x', contentType: 'application/x-www-form-urlencoded' }),
    );
  });

  it('unknown fields', async () => {
    const error = await expectRejected(400, 'validation_failed', () =>
      call('PATCH', '/projects/{id}', { id: projectId }, { token: owner.token, body: { name: 'ok', colour: 'red' } }),
    );
    expect(error.details).toEqual([{ path: 'body', message: 'unknown field(s): colour' }]);
  });

  it('over-long strings', async () => {
    const error = await expectRejected(400, 'validation_failed', () => call('POST', '/projects', {}, { token: owner.token, body: { name: 'x'.repeat(201) } }));
    expect(error.details[0].path).toBe('body.name');
  });

  it('an unknown preset and an out-of-range setting', async () => {
    const error = await expectRejected(400, 'validation_failed', () =>
      call('POST', '/projects', {}, { token: owner.token, body: { name: 'x', preset: 'nope', annotatorsPerDocument: 0 } }),
    );
    expect(error.details.map((d: { path: string }) => d.path).sort()).toEqual(['body.annotatorsPerDocument', 'body.preset']);
  });

  it('an invalid role', async () => {
    const error = await expectRejected(400, 'validation_failed', () =>
      call('POST', '/projects/{id}/invitations', { id: projectId }, { token: owner.token, body: { email: annotator.email, role: 'ADMIN' } }),
    );
    expect(error.details[0].path).toBe('body.role');
  });

  it('inviting an existing member', async () => {
    await expectRejected(
      409,
      'conflict',
      () =>
        call('POST', '/projects/{id}/invitations', { id: projectId }, { token: owner.token, body: { email: annotator.email.toUpperCase(), role: 'CURATOR' } }),
      /already a member \(role ANNOTATOR\)/,
    );
  });

  it('adding an account directly without being an instance admin', async () => {
    await expectRejected(
      403,
      'forbidden',
      () => call('POST', '/projects/{id}/members', { id: projectId }, { token: owner.token, body: { email: 'nobody@example.org', role: 'CURATOR' } }),
      /invite them by e-mail instead/,
    );
  });

  it('removing or demoting the last owner', async () => {
    await expectRejected(
      409,
      'conflict',
      () => call('DELETE', '/projects/{id}/members/{userId}', { id: projectId, userId: owner.id }, { token: owner.token }),
      /at least one owner/,
    );
    await expectRejected(409, 'conflict', () =>
      call('PATCH', '/projects/{id}/members/{userId}', { id: projectId, userId: owner.id }, { token: owner.token, body: { role: 'MANAGER' } }),
    );
  });

  it('two owners demoting each other at once keep one owner', async () => {
    await db.membership.update({ where: { projectId_userId: { projectId, userId: annotator.id } }, data: { role: 'OWNER' } });
    const results = await Promise.all([
      call('DELETE', '/projects/{id}/members/{userId}', { id: projectId, userId: owner.id }, { token: annotator.token }),
      call('DELETE', '/projects/{id}/members/{userId}', { id: projectId, userId: annotator.id }, { token: owner.token }),
    ]);
    // The loser either sees the other removal in its own transaction (409: last owner) or, when
    // it is authorized only after that removal committed, is no longer a member at all (404).
    const [won, lost] = results.map((r) => r.status).sort();
    expect(won).toBe(204);
    expect([404, 409]).toContain(lost);
    expect(await db.membership.count({ where: { projectId, role: 'OWNER' } })).toBe(1);
  });

  it('paging parameters out of range', async () => {
    await expectRejected(400, 'validation_failed', () => call('GET', '/projects?limit=0', {}, { token: owner.token }));
    await expectRejected(400, 'validation_failed', () => call('GET', '/projects?limit=10&sort=name', {}, { token: owner.token }));
  });

  it('pages through projects with a cursor', async () => {
    for (let i = 0; i < 4; i++) await call('POST', '/projects', {}, { token: owner.token, body: { name: `P${i}` } });
    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const page = await call('GET', `/projects?limit=2${cursor ? `&cursor=${cursor}` : ''}`, {}, { token: owner.token });
      expect(page.status).toBe(200);
      expect(page.body.items.length).toBeLessThanOrEqual(2);
      seen.push(...page.body.items.map((p: { id: string }) => p.id));
      cursor = page.body.nextCursor;
    } while (cursor);
    expect(seen).toHaveLength(5);
    expect(new Set(seen).size).toBe(5);
  });
});

describe('schema validation names the exact field', () => {
  const put = (body: unknown) => () => call('PUT', '/projects/{id}/schema', { id: projectId }, { token: owner.token, body });
  const entity = (key: string, hotkey?: string) => ({ layer: 'ENTITY', key, name: key, ...(hotkey ? { hotkey } : {}) });

  it('rejects duplicate keys and hotkeys', async () => {
    const error = await expectRejected(400, 'validation_failed', put({ labels: [entity('ORG', 'o'), entity('ORG'), entity('GPE', 'o')] }));
    expect(error.details).toEqual([
      { path: 'body.labels.1.key', message: 'duplicate key ORG in layer ENTITY (also labels[0])' },
      { path: 'body.labels.2.hotkey', message: 'hotkey "o" is already used by labels[0]' },
    ]);
  });

  it('rejects a stance layer without targets', async () => {
    const error = await expectRejected(400, 'validation_failed', put({ labels: [{ layer: 'STANCE', key: 'FAVOR', name: 'Favor' }], targets: [] }));
    expect(error.details).toEqual([{ path: 'body.targets', message: 'labels[0] (FAVOR) needs stance targets, but targets is empty' }]);
  });

  it('rejects a relation type naming an unknown entity label', async () => {
    const error = await expectRejected(
      400,
      'validation_failed',
      put({ labels: [entity('ORG'), { layer: 'RELATION', key: 'ALLY_OF', name: 'Ally of', sourceTypes: ['ORG'], targetTypes: ['ORG', 'MILITIA'] }] }),
    );
    expect(error.details).toEqual([{ path: 'body.labels.1.targetTypes.1', message: 'unknown ENTITY label MILITIA' }]);
  });

  it('retires labels left out and revives them when sent again, keeping annotations', async () => {
    const before = await call('GET', '/projects/{id}/schema', { id: projectId }, { token: owner.token });
    const person = before.body.labels.find((l: { key: string }) => l.key === 'PERSON');
    const narrowed = await call('PUT', '/projects/{id}/schema', { id: projectId }, { token: owner.token, body: { labels: [entity('ORG', 'o')] } });
    expect(narrowed.status).toBe(200);
    const retired = narrowed.body.labels.find((l: { key: string }) => l.key === 'PERSON');
    expect(retired).toMatchObject({ id: person.id, retired: true, hotkey: null });
    expect(narrowed.body.labels.filter((l: { retired: boolean }) => !l.retired).map((l: { key: string }) => l.key)).toEqual(['ORG']);
    const revived = await call(
      'PUT',
      '/projects/{id}/schema',
      { id: projectId },
      { token: owner.token, body: { labels: [entity('PERSON', 'p'), entity('ORG', 'o')] } },
    );
    expect(revived.body.labels.slice(0, 2).map((l: { id: string; key: string; retired: boolean }) => [l.key, l.retired])).toEqual([
      ['PERSON', false],
      ['ORG', false],
    ]);
    expect(revived.body.labels[0].id).toBe(person.id);
  });
});
