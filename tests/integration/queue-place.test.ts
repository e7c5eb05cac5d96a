import { beforeAll, describe, expect, it } from 'vitest';
import { getPrisma } from '@/lib/db/client';
import { call } from '../support/api';
import { makeProject, makeUser, type TestUser } from '../support/fixtures';

/** GET /documents/{id}/queue: the caller's queue in project order, withdrawn documents left out. */
const db = getPrisma();
let projectId: string;
let annotator: TestUser;
let other: TestUser;
let ids: string[] = [];
let names: string[] = [];

beforeAll(async () => {
  annotator = await makeUser(db, 'annotator');
  other = await makeUser(db, 'other');
  projectId = (await makeProject(db, { OWNER: await makeUser(db, 'owner'), ANNOTATOR: annotator })).id;
  await db.membership.create({ data: { projectId, userId: other.id, role: 'ANNOTATOR' } });
  // Equal positions (as some imports leave them) fall back to the id order.
  for (const [index, name] of ['a', 'b', 'c', 'd', 'e'].entries()) {
    await db.document.create({ data: { projectId, name, text: `Text ${name}.`, sha256: name, position: Math.min(index, 3) } });
  }
  const ordered = await db.document.findMany({ where: { projectId }, orderBy: [{ position: 'asc' }, { id: 'asc' }] });
  ids = ordered.map((document) => document.id);
  names = ordered.map((document) => document.name);
  // The annotator has the 1st, 2nd, 4th and 5th (the 2nd submitted); the 3rd is someone else's; the 5th is withdrawn.
  for (const index of [0, 1, 3, 4])
    await db.assignment.create({ data: { documentId: ids[index]!, userId: annotator.id, status: index === 1 ? 'SUBMITTED' : 'ASSIGNED' } });
  await db.assignment.create({ data: { documentId: ids[2]!, userId: other.id } });
  await db.document.update({ where: { id: ids[4]! }, data: { deletedAt: new Date() } });
});

const place = async (index: number) => {
  const response = await call('GET', '/documents/{id}/queue', { id: ids[index]! }, { token: annotator.token });
  expect(response.status).toBe(200);
  return response.body;
};
const link = (index: number) => ({ documentId: ids[index], name: names[index] });

describe('queue place', () => {
  it('gives the place, the neighbours in the queue and what is left', async () => {
    expect(await place(0)).toEqual({ position: 1, total: 3, remaining: 2, previous: null, next: link(1) });
    expect(await place(1)).toEqual({ position: 2, total: 3, remaining: 2, previous: link(0), next: link(3) });
    expect(await place(3)).toEqual({ position: 3, total: 3, remaining: 2, previous: link(1), next: null });
  });

  it('places a document outside the queue between its neighbours, without a position', async () => {
    expect(await place(2)).toEqual({ position: null, total: 3, remaining: 2, previous: link(1), next: link(3) });
  });
});

describe('queue place of imported documents', () => {
  it('links the documents of one import batch in their order', async () => {
    const owner = await makeUser(db, 'importer');
    const project = (await makeProject(db, { OWNER: owner }, 'Imported queue')).id;
    const imported = await call(
      'POST',
      '/projects/{id}/documents',
      { id: project },
      { token: owner.token, body: { documents: ['First', 'Second', 'Third'].map((name) => ({ name, text: `${name} text.` })) } },
    );
    expect(imported.status).toBe(201);
    const listed = (await call('GET', '/projects/{id}/documents', { id: project }, { token: owner.token })).body.items as { id: string; name: string }[];
    expect(listed.map((document) => document.name)).toEqual(['First', 'Second', 'Third']);
    const assigned = await call(
      'POST',
      '/projects/{id}/assignments',
      { id: project },
      { token: owner.token, body: { mode: 'explicit', documentIds: listed.map((d) => d.id), userIds: [owner.id] } },
    );
    expect(assigned.status).toBe(201);
    const first = await call('GET', '/documents/{id}/queue', { id: listed[0]!.id }, { token: owner.token });
    expect(first.body).toEqual({ position: 1, total: 3, remaining: 3, previous: null, next: { documentId: listed[1]!.id, name: 'Second' } });
  });
});
