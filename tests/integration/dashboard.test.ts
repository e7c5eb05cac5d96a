import { beforeAll, describe, expect, it } from 'vitest';
import { authorizeProject } from '@/lib/access/project-access';
import { createAnnotation, deleteAnnotation } from '@/lib/annotations/service';
import { assignDocuments } from '@/lib/assignments/store';
import { getPrisma } from '@/lib/db/client';
import { withdrawDocument } from '@/lib/documents/manage';
import { sha256 } from '@/lib/documents/store';
import type { LabelLayer } from '@/lib/generated/prisma/enums';
import { call } from '../support/api';
import { makeProject, makeUser, type TestUser } from '../support/fixtures';

const db = getPrisma();
const TEXT = 'Talks in Doha ended after an attack in Bannu. The army blamed the Taliban.';

/**
 * A small blind project whose figures are counted by hand:
 *   annotator A: E1 ×2 (doc 1), F1 ×1 (doc 2), one deleted E1, one E1 in a withdrawn document
 *   annotator B: E1 ×1 (doc 1), E2 ×1 (doc 2)
 *   gold:        E2 ×1 (doc 1)
 * Submissions: doc 1 by A on 11-02 and by B on 11-03 (late evening UTC), doc 2 by A on 11-03 while B is still at it;
 * doc 1 adjudicated on 11-05.
 */
let owner: TestUser, curator: TestUser, a: TestUser, b: TestUser;
let projectId: string;
let labels: { E1: string; E2: string; F1: string };

async function document(position: number) {
  return db.document.create({ data: { projectId, name: `doc ${position}`, text: TEXT, sha256: sha256(`${position}${TEXT}`), position } });
}

async function labelAt(layer: LabelLayer, skip: number) {
  return (await db.label.findFirstOrThrow({ where: { projectId, layer }, orderBy: { position: 'asc' }, skip })).id;
}

async function span(user: TestUser, documentId: string, labelId: string, start: number, gold = false) {
  const access = await authorizeProject(db, { userId: user.id, isAdmin: false, via: 'token' }, projectId, gold ? 'gold:write' : 'annotations:write');
  return createAnnotation(db, { userId: user.id, access }, documentId, { labelId, start, end: start + 4, target: null, gold });
}

async function submit(user: TestUser, documentId: string, at: string) {
  await db.assignment.update({ where: { documentId_userId: { documentId, userId: user.id } }, data: { status: 'SUBMITTED', submittedAt: new Date(at) } });
}

beforeAll(async () => {
  [owner, curator, a, b] = [await makeUser(db, 'owner'), await makeUser(db, 'curator'), await makeUser(db, 'Ann A'), await makeUser(db, 'Ben B')];
  const project = await makeProject(db, { OWNER: owner, CURATOR: curator, ANNOTATOR: a }, 'Dashboard', { blindMode: true, allowSelfAssignment: true });
  projectId = project.id;
  await db.membership.create({ data: { projectId, userId: b.id, role: 'ANNOTATOR' } });
  labels = { E1: await labelAt('ENTITY', 0), E2: await labelAt('ENTITY', 1), F1: await labelAt('FRAME', 0) };
  const [one, two, withdrawn] = [await document(0), await document(1), await document(2)];
  await assignDocuments(db, owner.id, projectId, { mode: 'explicit', documentIds: [one.id, two.id, withdrawn.id], userIds: [a.id, b.id] });

  await span(a, one.id, labels.E1, 9);
  await span(a, one.id, labels.E1, 40);
  const removed = await span(a, one.id, labels.E1, 20);
  const access = await authorizeProject(db, { userId: a.id, isAdmin: false, via: 'token' }, projectId, 'annotations:write');
  await deleteAnnotation(db, { userId: a.id, access }, one.id, removed.id, removed.version);
  await span(a, two.id, labels.F1, 0);
  await span(a, withdrawn.id, labels.E1, 9);
  await span(b, one.id, labels.E1, 9);
  await span(b, two.id, labels.E2, 40);
  await span(owner, one.id, labels.E2, 40, true);
  await withdrawDocument(db, withdrawn.id);

  await submit(a, one.id, '2026-11-02T10:00:00Z');
  await submit(b, one.id, '2026-11-03T23:30:00Z');
  await submit(a, two.id, '2026-11-03T08:00:00Z');
  await db.document.update({ where: { id: one.id }, data: { adjudicatedAt: new Date('2026-11-05T12:00:00Z'), adjudicatedById: owner.id } });
});

function countsOf(body: { layers: { layer: string; labels: { id: string; gold: number | null; annotators: number }[] }[] }) {
  const all = body.layers.flatMap((l) => l.labels);
  return Object.fromEntries(Object.entries(labels).map(([name, id]) => [name, all.find((l) => l.id === id)]));
}

describe('project dashboard', () => {
  it('counts live spans per label, gold and annotators apart, and per annotator, for a curator', async () => {
    const { status, body } = await call('GET', '/projects/{id}/dashboard', { id: projectId }, { token: curator.token });
    expect(status).toBe(200);
    expect(body.scope).toBe('all');
    const counts = countsOf(body);
    expect(counts.E1).toMatchObject({ gold: 0, annotators: 3 });
    expect(counts.E2).toMatchObject({ gold: 1, annotators: 1 });
    expect(counts.F1).toMatchObject({ gold: 0, annotators: 1 });
    expect(body.layers.map((l: { layer: string }) => l.layer)).toEqual(['ENTITY', 'STANCE', 'FRAME']);
    expect(body.annotators).toEqual([
      { userId: a.id, name: 'Ann A', total: 3, labels: { [labels.E1]: 2, [labels.F1]: 1 } },
      { userId: b.id, name: 'Ben B', total: 2, labels: { [labels.E1]: 1, [labels.E2]: 1 } },
    ]);
  });

  it('counts a document submitted on the day its last assignment was, and adjudicated days, with running totals', async () => {
    const { body } = await call('GET', '/projects/{id}/dashboard', { id: projectId }, { token: owner.token });
    expect(body.timeline).toEqual([
      { day: '2026-11-03', submitted: 1, adjudicated: 0, cumulativeSubmitted: 1, cumulativeAdjudicated: 0 },
      { day: '2026-11-05', submitted: 0, adjudicated: 1, cumulativeSubmitted: 1, cumulativeAdjudicated: 1 },
    ]);
  });

  it('shows a blind annotator their own figures only: no gold, no other annotator, no adjudication', async () => {
    const { status, body } = await call('GET', '/projects/{id}/dashboard', { id: projectId }, { token: a.token });
    expect(status).toBe(200);
    expect(body.scope).toBe('own');
    const counts = countsOf(body);
    expect(counts.E1).toMatchObject({ gold: null, annotators: 2 });
    expect(counts.E2).toMatchObject({ gold: null, annotators: 0 });
    expect(counts.F1).toMatchObject({ gold: null, annotators: 1 });
    expect(body.annotators).toEqual([{ userId: a.id, name: 'Ann A', total: 3, labels: { [labels.E1]: 2, [labels.F1]: 1 } }]);
    expect(JSON.stringify(body)).not.toContain(b.id);
    expect(body.timeline).toEqual([
      { day: '2026-11-02', submitted: 1, adjudicated: 0, cumulativeSubmitted: 1, cumulativeAdjudicated: 0 },
      { day: '2026-11-03', submitted: 1, adjudicated: 0, cumulativeSubmitted: 2, cumulativeAdjudicated: 0 },
    ]);
  });

  it('shows an annotator everyone’s figures once the project is not blind', async () => {
    await db.project.update({ where: { id: projectId }, data: { blindMode: false } });
    try {
      const { body } = await call('GET', '/projects/{id}/dashboard', { id: projectId }, { token: b.token });
      expect(body.scope).toBe('all');
      expect(body.annotators.map((x: { userId: string }) => x.userId)).toEqual([a.id, b.id]);
      expect(countsOf(body).E2).toMatchObject({ gold: 1, annotators: 1 });
    } finally {
      await db.project.update({ where: { id: projectId }, data: { blindMode: true } });
    }
  });
});
