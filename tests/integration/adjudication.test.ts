import { beforeEach, describe, expect, it } from 'vitest';
import { getPrisma } from '@/lib/db/client';
import { call } from '../support/api';
import { labelIds, makeTeam, offsetsIn, type TestUser } from '../support/fixtures';

const db = getPrisma();
const TEXT = 'The Hafiz Gul Bahadur group attacked Bannu.';
let curator: TestUser, curator2: TestUser, a: TestUser, b: TestUser, c: TestUser;
let projectId: string;
let labels: Record<string, string>;

beforeEach(async () => {
  const roles = { curator: 'CURATOR', curator2: 'CURATOR', a: 'ANNOTATOR', b: 'ANNOTATOR', c: 'ANNOTATOR' } as const;
  ({ curator, curator2, a, b, c, projectId } = await makeTeam(db, roles));
  labels = await labelIds(db, projectId);
});

const at = offsetsIn(TEXT);

/** A document on which each of `spans` is marked by the annotators it names (who agree on it); `submitted` then submit. */
async function annotated(name: string, submitted: TestUser[], ...spans: [TestUser[], string, string][]) {
  const document = await db.document.create({ data: { projectId, name, text: TEXT, sha256: name, position: 0 } });
  for (const user of [a, b, c]) await db.assignment.create({ data: { documentId: document.id, userId: user.id, status: 'IN_PROGRESS' } });
  for (const [user, label, needle] of spans.flatMap(([users, label, needle]) => users.map((user) => [user, label, needle] as const))) {
    const response = await call(
      'POST',
      '/documents/{id}/annotations',
      { id: document.id },
      { token: user.token, body: { labelId: labels[label], ...at(needle) } },
    );
    expect(response.status, JSON.stringify(response.body)).toBe(201);
  }
  // Submitted work is read-only, so the annotators submit once their work is in.
  for (const user of submitted) {
    expect((await call('PATCH', '/documents/{id}/assignment', { id: document.id }, { token: user.token, body: { status: 'SUBMITTED' } })).status).toBe(200);
  }
  return document.id;
}

const review = async (documentId: string) => (await call('GET', '/documents/{id}/review', { id: documentId }, { token: curator.token })).body;

describe('adjudication', () => {
  it('aligns candidates and accepts one into gold with provenance', async () => {
    const id = await annotated(
      'd',
      [a, b, c],
      [[a, b], 'ENTITY:ORG', 'Hafiz Gul Bahadur group'],
      [[c], 'ENTITY:PERSON', 'Hafiz Gul Bahadur'],
      [[a], 'ENTITY:GPE', 'Bannu'],
    );
    const view = await review(id);
    expect(view.spans.map((s: { label: string; agreement: string; quote: string }) => [s.quote, s.label, s.agreement])).toEqual([
      ['Hafiz Gul Bahadur group', 'ORG', '2/3'],
      ['Hafiz Gul Bahadur', 'PERSON', '1/3'],
      ['Bannu', 'GPE', '1/3'],
    ]);
    const org = view.spans[0];
    const accepted = await call('POST', '/documents/{id}/gold', { id }, { token: curator.token, body: { annotationIds: [org.annotationIds[0]] } });
    expect(accepted.body).toEqual({ spans: 1, relations: 0, answers: 0 });
    const again = await call('POST', '/documents/{id}/gold', { id }, { token: curator.token, body: { annotationIds: org.annotationIds } });
    expect(again.body.spans).toBe(0);
    const gold = await db.annotation.findMany({ where: { documentId: id, authorId: null } });
    expect(gold).toHaveLength(1);
    expect(gold[0]).toMatchObject({ origin: 'ADJUDICATED', quote: 'Hafiz Gul Bahadur group' });
    expect([...gold[0]!.sourceIds].sort()).toEqual([...org.annotationIds].sort());
    expect((await review(id)).spans[0].gold).toBe(gold[0]!.id);
  });

  it('yields exactly one gold span when two curators accept the same span at once', async () => {
    const id = await annotated('race', [a, b], [[a, b], 'ENTITY:GPE', 'Bannu']);
    const [span] = (await review(id)).spans;
    const results = await Promise.all([
      call('POST', '/documents/{id}/gold', { id }, { token: curator.token, body: { annotationIds: [span.annotationIds[0]] } }),
      call('POST', '/documents/{id}/gold', { id }, { token: curator2.token, body: { annotationIds: [span.annotationIds[1]] } }),
    ]);
    expect(results.map((r) => r.status)).toEqual([200, 200]);
    const gold = await db.annotation.findMany({ where: { documentId: id, authorId: null } });
    expect(gold).toHaveLength(1);
    expect(gold[0]!.sourceIds).toHaveLength(2);
  });

  it('accepts everything with at least k of n agreeing, and finishes fully agreeing documents in bulk', async () => {
    const partial = await annotated('partial', [a, b, c], [[a, b], 'ENTITY:ORG', 'Hafiz Gul Bahadur group'], [[c], 'ENTITY:GPE', 'Bannu']);
    const unanimous = await annotated('unanimous', [a, b], [[a, b], 'ENTITY:GPE', 'Bannu']);
    const finishing = Date.now();
    const full = await call(
      'POST',
      '/projects/{id}/gold/auto',
      { id: projectId },
      { token: curator.token, body: { minAgreement: 2, onlyFullAgreement: true, finish: true } },
    );
    expect(full.body).toMatchObject({ documents: 1, finished: 1, spans: 1 });
    // Finished by this request: stamped between its start and now (same clock, one machine).
    const finishedAt = (await db.document.findUniqueOrThrow({ where: { id: unanimous } })).adjudicatedAt!.getTime();
    expect([finishedAt >= finishing, finishedAt <= Date.now()]).toEqual([true, true]);
    expect((await db.document.findUniqueOrThrow({ where: { id: partial } })).adjudicatedAt).toBeNull();
    const k2 = await call('POST', '/projects/{id}/gold/auto', { id: projectId }, { token: curator.token, body: { minAgreement: 2 } });
    expect(k2.body).toMatchObject({ documents: 2, spans: 1 });
    expect((await db.annotation.findMany({ where: { documentId: partial, authorId: null } })).map((g) => g.quote)).toEqual(['Hafiz Gul Bahadur group']);
    const queue = await call('GET', '/projects/{id}/review/queue', { id: projectId }, { token: curator.token });
    expect(queue.body.items.map((d: { name: string }) => d.name)).toEqual(['partial']);
    expect(queue.body.items[0]).toMatchObject({ submitted: 3, goldSpans: 1, adjudicatedAt: null });
  });

  it('refuses to adjudicate a document nobody submitted, and keeps annotators out', async () => {
    const id = await annotated('draft', [], [[a], 'ENTITY:GPE', 'Bannu']);
    const response = await call('POST', '/documents/{id}/gold', { id }, { token: curator.token, body: { annotationIds: [] } });
    expect(response.status).toBe(409);
    expect(response.body.error.message).toMatch(/Nobody has submitted this document yet/);
    expect((await call('PATCH', '/documents/{id}/review', { id }, { token: curator.token, body: { adjudicated: true } })).status).toBe(409);
    expect((await call('GET', '/documents/{id}/review', { id }, { token: a.token })).status).toBe(403);
  });
});
