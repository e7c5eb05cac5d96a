import { beforeEach, describe, expect, it } from 'vitest';
import { getPrisma } from '@/lib/db/client';
import { call } from '../support/api';
import { labelIds, makeProject, makeUser, type TestUser } from '../support/fixtures';

const db = getPrisma();
const TEXT = '👩‍👩‍👧 پاکستان: Hafiz Gul Bahadur group attacked Bannu.';
const cp = (needle: string) => {
  const start = Array.from(TEXT.slice(0, TEXT.indexOf(needle))).length;
  return { start, end: start + Array.from(needle).length };
};

let owner: TestUser, annotator: TestUser, other: TestUser, curator: TestUser;
let projectId: string, documentId: string;
let labels: Record<string, string>;
let targetId: string;

beforeEach(async () => {
  owner = await makeUser(db, 'owner');
  annotator = await makeUser(db, 'annotator');
  other = await makeUser(db, 'other');
  curator = await makeUser(db, 'curator');
  const project = await makeProject(db, { OWNER: owner, ANNOTATOR: annotator, CURATOR: curator });
  await db.membership.create({ data: { projectId: project.id, userId: other.id, role: 'ANNOTATOR' } });
  projectId = project.id;
  documentId = (await db.document.create({ data: { projectId, name: 'd', text: TEXT, sha256: 'x', position: 0 } })).id;
  labels = await labelIds(db, projectId);
  targetId = (await db.target.findFirstOrThrow({ where: { projectId, key: 'AFGHAN_TALIBAN' } })).id;
});

const create = (user: TestUser, body: Record<string, unknown>) => call('POST', '/documents/{id}/annotations', { id: documentId }, { token: user.token, body });
const span = (key: string, needle: string, extra: Record<string, unknown> = {}) => ({ labelId: labels[key], ...cp(needle), ...extra });

describe('span annotations', () => {
  it('creates spans with code-point offsets and returns the quote, logging an event', async () => {
    const response = await create(annotator, span('ENTITY:ORG', 'Hafiz Gul Bahadur group'));
    expect(response.status, JSON.stringify(response.body)).toBe(201);
    expect(response.body).toMatchObject({
      quote: 'Hafiz Gul Bahadur group',
      label: 'ORG',
      layer: 'ENTITY',
      author: annotator.id,
      version: 1,
      origin: 'MANUAL',
    });
    const events = await db.event.findMany({ where: { entityId: response.body.id } });
    expect(events).toEqual([expect.objectContaining({ action: 'CREATE', actorId: annotator.id, before: null })]);
  });

  it('rejects a wrong quote, offsets outside the text and a retired label, storing nothing', async () => {
    expect((await create(annotator, span('ENTITY:GPE', 'Bannu', { quote: 'Banu' }))).status).toBe(400);
    expect((await create(annotator, { labelId: labels['ENTITY:GPE'], start: 10, end: 10_000 })).body.error.message).toMatch(/outside the text/);
    await db.label.update({ where: { id: labels['ENTITY:GPE'] }, data: { retired: true } });
    expect((await create(annotator, span('ENTITY:GPE', 'Bannu'))).body.error.message).toMatch(/retired/);
    expect(await db.annotation.count({ where: { documentId } })).toBe(0);
  });

  it('requires a target for stance: a project target or one of your entity spans', async () => {
    expect((await create(annotator, span('STANCE:AGAINST', 'attacked Bannu'))).status).toBe(400);
    const withTarget = await create(annotator, span('STANCE:AGAINST', 'attacked Bannu', { target: { kind: 'target', id: targetId } }));
    expect(withTarget.status).toBe(201);
    const entity = await create(annotator, span('ENTITY:ORG', 'Hafiz Gul Bahadur group'));
    const onSpan = await create(annotator, span('STANCE:AGAINST', 'attacked', { target: { kind: 'span', id: entity.body.id } }));
    expect(onSpan.body.target).toEqual({ kind: 'span', id: entity.body.id });
    const othersEntity = await create(other, span('ENTITY:GPE', 'Bannu'));
    expect((await create(annotator, span('STANCE:FAVOR', 'Bannu', { target: { kind: 'span', id: othersEntity.body.id } }))).status).toBe(400);
    expect((await create(annotator, span('ENTITY:GPE', 'Bannu', { target: { kind: 'target', id: targetId } }))).body.error.message).toMatch(
      /Only STANCE spans take a target/,
    );
  });

  it('allows nested spans, and forbids overlap within a layer when the project says so', async () => {
    expect((await create(annotator, span('ENTITY:ORG', 'Hafiz Gul Bahadur group'))).status).toBe(201);
    expect((await create(annotator, span('ENTITY:PERSON', 'Hafiz Gul Bahadur'))).status).toBe(201);
    await db.project.update({ where: { id: projectId }, data: { allowOverlap: false } });
    const clash = await create(annotator, span('ENTITY:PERSON', 'Gul Bahadur group attacked'));
    expect(clash.status).toBe(409);
    expect(clash.body.error).toMatchObject({ code: 'conflict', message: expect.stringMatching(/forbids overlapping ENTITY spans/) });
    expect((await create(annotator, span('FRAME:SECURITY_DEFENSE', 'Gul Bahadur group attacked'))).status).toBe(201);
    expect((await create(other, span('ENTITY:PERSON', 'Gul Bahadur group attacked'))).status).toBe(201);
  });

  it('updates with optimistic concurrency: a stale version gets 409 with the current state', async () => {
    const created = await create(annotator, span('ENTITY:GPE', 'Bannu'));
    const patch = (body: Record<string, unknown>) => call('PATCH', '/annotations/{id}', { id: created.body.id }, { token: annotator.token, body });
    const first = await patch({ version: 1, labelId: labels['ENTITY:LOC'] });
    expect(first.status).toBe(200);
    expect(first.body).toMatchObject({ version: 2, label: 'LOC' });
    const stale = await patch({ version: 1, ...cp('Bannu.') });
    expect(stale.status).toBe(409);
    expect(stale.body.error.code).toBe('version_conflict');
    expect(stale.body.error.details.current).toMatchObject({ version: 2, label: 'LOC', quote: 'Bannu' });
    const events = await db.event.findMany({ where: { entityId: created.body.id }, orderBy: { id: 'asc' } });
    expect(events.map((e) => e.action)).toEqual(['CREATE', 'UPDATE']);
    expect((events[1]!.before as { labelId: string }).labelId).toBe(labels['ENTITY:GPE']);
  });

  it('protects stance targets on delete and removes relations with their span', async () => {
    const org = await create(annotator, span('ENTITY:ORG', 'Hafiz Gul Bahadur group'));
    const gpe = await create(annotator, span('ENTITY:GPE', 'Bannu'));
    const stance = await create(annotator, span('STANCE:AGAINST', 'attacked', { target: { kind: 'span', id: org.body.id } }));
    const relation = await call(
      'POST',
      '/documents/{id}/relations',
      { id: documentId },
      { token: annotator.token, body: { labelId: labels['RELATION:ATTACKED'], sourceId: org.body.id, targetId: gpe.body.id } },
    );
    expect(relation.status, JSON.stringify(relation.body)).toBe(201);
    expect((await call('DELETE', '/annotations/{id}', { id: org.body.id }, { token: annotator.token })).status).toBe(409);
    expect((await call('DELETE', '/annotations/{id}', { id: stance.body.id }, { token: annotator.token })).status).toBe(204);
    expect((await call('DELETE', '/annotations/{id}?version=7', { id: gpe.body.id }, { token: annotator.token })).status).toBe(409);
    expect((await call('DELETE', '/annotations/{id}?version=1', { id: gpe.body.id }, { token: annotator.token })).status).toBe(204);
    const relations = await call('GET', '/documents/{id}/relations', { id: documentId }, { token: annotator.token });
    expect(relations.body.items).toEqual([]);
    expect(await db.relation.count({ where: { deletedAt: { not: null } } })).toBe(1);
  });

  it('checks relation types against the entity labels at each end', async () => {
    const person = await create(annotator, span('ENTITY:PERSON', 'Hafiz Gul Bahadur'));
    const gpe = await create(annotator, span('ENTITY:GPE', 'Bannu'));
    const memberOf = await call(
      'POST',
      '/documents/{id}/relations',
      { id: documentId },
      { token: annotator.token, body: { labelId: labels['RELATION:MEMBER_OF'], sourceId: person.body.id, targetId: gpe.body.id } },
    );
    expect(memberOf.status).toBe(400);
    expect(memberOf.body.error.message).toContain('not PERSON → GPE');
  });
});

describe('blind mode and gold', () => {
  it('keeps annotators to their own layer while curators see everyone', async () => {
    await create(annotator, span('ENTITY:GPE', 'Bannu'));
    const peek = await call('GET', `/documents/{id}/annotations?author=${annotator.id}`, { id: documentId }, { token: other.token });
    expect(peek.status).toBe(403);
    expect((await call('GET', '/documents/{id}/annotations?author=all', { id: documentId }, { token: other.token })).status).toBe(403);
    const own = await call('GET', '/documents/{id}/annotations', { id: documentId }, { token: other.token });
    expect(own.body.items).toEqual([]);
    const all = await call('GET', '/documents/{id}/annotations?author=all', { id: documentId }, { token: curator.token });
    expect(all.body.items).toHaveLength(1);
    await db.project.update({ where: { id: projectId }, data: { blindMode: false } });
    expect((await call('GET', `/documents/{id}/annotations?author=${annotator.id}`, { id: documentId }, { token: other.token })).body.items).toHaveLength(1);
  });

  it('lets curators write gold and shows gold to annotators only after they submit', async () => {
    expect((await create(annotator, span('ENTITY:GPE', 'Bannu', { gold: true }))).status).toBe(403);
    const gold = await create(curator, span('ENTITY:GPE', 'Bannu', { gold: true }));
    expect(gold.body.author).toBe('gold');
    const read = () => call('GET', '/documents/{id}/annotations?author=gold', { id: documentId }, { token: annotator.token });
    expect((await read()).status).toBe(403);
    await db.assignment.create({ data: { documentId, userId: annotator.id, status: 'SUBMITTED' } });
    expect((await read()).body.items).toHaveLength(1);
    expect(
      (await call('PATCH', '/annotations/{id}', { id: gold.body.id }, { token: annotator.token, body: { version: 1, end: gold.body.end - 1 } })).status,
    ).toBe(403);
  });
});

describe('document labels', () => {
  it('replaces the caller’s answers, validating options and targets', async () => {
    const put = (answers: unknown[]) => call('PUT', '/documents/{id}/labels', { id: documentId }, { token: annotator.token, body: { answers } });
    const stanceQ = labels['DOCUMENT:OVERALL_STANCE'];
    const frameQ = labels['DOCUMENT:PRIMARY_FRAME'];
    expect((await put([{ labelId: stanceQ, values: ['AGAINST'] }])).body.error.details[0]).toEqual({ path: 'body.answers.0.targetId', message: 'required' });
    expect((await put([{ labelId: frameQ, values: ['NOPE'] }])).status).toBe(400);
    expect((await put([{ labelId: frameQ, values: ['ECONOMIC', 'POLITICAL'] }])).status).toBe(400);
    const saved = await put([
      { labelId: stanceQ, targetId, values: ['AGAINST'] },
      { labelId: frameQ, values: ['SECURITY_DEFENSE'] },
    ]);
    expect(saved.status, JSON.stringify(saved.body)).toBe(200);
    expect(saved.body.items.map((a: { question: string; values: string[] }) => [a.question, a.values])).toEqual([
      ['OVERALL_STANCE', ['AGAINST']],
      ['PRIMARY_FRAME', ['SECURITY_DEFENSE']],
    ]);
    const changed = await put([{ labelId: frameQ, values: ['POLITICAL'] }]);
    expect(changed.body.items).toEqual([expect.objectContaining({ question: 'PRIMARY_FRAME', values: ['POLITICAL'], version: 2 })]);
    const actions = (await db.event.findMany({ where: { projectId, entity: 'DOCUMENT_LABEL' }, orderBy: { id: 'asc' } })).map((e) => e.action);
    expect(actions).toEqual(['CREATE', 'CREATE', 'UPDATE', 'DELETE']);
  });
});
