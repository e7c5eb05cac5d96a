import { beforeEach, describe, expect, it } from 'vitest';
import { getPrisma } from '@/lib/db/client';
import { searchDocuments } from '@/lib/documents/search';
import { reviewAgreement } from '@/lib/export/agreement';
import { call } from '../support/api';
import { labelIds, makeProject, makeUser, offsetsIn, type TestUser } from '../support/fixtures';

/**
 * Blind annotation that stays blind (issue #14 item 1, #17 bug 7): the whole contamination
 * path through the API, on a project with the product's defaults (no self-assignment,
 * gold shown to annotators after they submit).
 */
const db = getPrisma();
const TEXT = 'Hafiz Gul Bahadur group attacked Bannu.';
const at = offsetsIn(TEXT);

let owner: TestUser, curator: TestUser, a: TestUser, b: TestUser, c: TestUser;
let projectId: string, documentId: string;
let labels: Record<string, string>;

beforeEach(async () => {
  [owner, curator, a, b, c] = [
    await makeUser(db, 'owner'),
    await makeUser(db, 'curator'),
    await makeUser(db, 'A'),
    await makeUser(db, 'B'),
    await makeUser(db, 'C'),
  ];
  projectId = (await makeProject(db, { OWNER: owner, CURATOR: curator }, 'Blind project', {})).id;
  for (const user of [a, b, c]) await db.membership.create({ data: { projectId, userId: user.id, role: 'ANNOTATOR' } });
  documentId = (await db.document.create({ data: { projectId, name: 'd', text: TEXT, sha256: 'd', position: 0 } })).id;
  labels = await labelIds(db, projectId);
});

const as = (user: TestUser, body?: unknown) => ({ token: user.token, body });
const createSpan = (user: TestUser, needle: string, extra: Record<string, unknown> = {}) =>
  call('POST', '/documents/{id}/annotations', { id: documentId }, as(user, { labelId: labels['ENTITY:ORG'], ...at(needle), ...extra }));
const setStatus = (user: TestUser, status: 'SUBMITTED' | 'IN_PROGRESS', userId?: string) =>
  call('PATCH', '/documents/{id}/assignment', { id: documentId }, as(user, { status, ...(userId ? { userId } : {}) }));
const assign = (...users: TestUser[]) =>
  call('POST', '/projects/{id}/assignments', { id: projectId }, as(owner, { mode: 'explicit', documentIds: [documentId], userIds: users.map((u) => u.id) }));
const events = (entity: 'ASSIGNMENT' | 'EXPOSURE') => db.event.findMany({ where: { projectId, entity }, orderBy: { id: 'asc' } });

describe('blind work stays blind', () => {
  it('follows the whole contamination path: refused, recorded, flagged and left out of agreement', async () => {
    expect((await assign(a, b)).body).toEqual({ created: 2, documents: 1, annotators: 2, perDocument: null, note: null });
    expect((await events('ASSIGNMENT')).map((e) => [e.action, (e.after as { userId: string }).userId, e.actorId])).toEqual([
      ['CREATE', a.id, owner.id],
      ['CREATE', b.id, owner.id],
    ]);

    const aSpan = await createSpan(a, 'Hafiz Gul Bahadur group', { attributes: { note: 'A thinks so' } });
    expect(aSpan.status, JSON.stringify(aSpan.body)).toBe(201);
    expect((await createSpan(b, 'Hafiz Gul Bahadur group')).status).toBe(201);

    // A submits: an event with the status before and after.
    const submitted = await setStatus(a, 'SUBMITTED');
    expect(submitted.status).toBe(200);
    expect(submitted.body).toMatchObject({ status: 'SUBMITTED', mayReopen: true, goldShownAt: null, afterGoldAt: null });
    const submitEvent = (await events('ASSIGNMENT')).at(-1)!;
    expect(submitEvent).toMatchObject({
      action: 'UPDATE',
      actorId: a.id,
      before: { status: 'IN_PROGRESS', submittedAt: null },
      after: { status: 'SUBMITTED' },
    });

    // C was never assigned: no work, no submit, no assignment appears.
    const refused = await createSpan(c, 'Bannu');
    expect(refused.status).toBe(403);
    expect(refused.body.error.message).toMatch(/not assigned to you.*does not let annotators assign themselves/);
    expect((await setStatus(c, 'SUBMITTED')).status).toBe(403);
    expect((await call('PUT', '/documents/{id}/labels', { id: documentId }, as(c, { answers: [] }))).status).toBe(403);
    expect(await db.assignment.count({ where: { userId: c.id } })).toBe(0);

    // A's submitted work is read-only for A: every writer answers 409 naming the status.
    const late = await createSpan(a, 'Bannu');
    expect(late.status).toBe(409);
    expect(late.body.error.message).toMatch(/SUBMITTED.*read-only/);
    expect((await call('PATCH', '/annotations/{id}', { id: aSpan.body.id }, as(a, { version: 1, end: aSpan.body.end - 6 }))).status).toBe(409);
    expect((await call('DELETE', '/annotations/{id}', { id: aSpan.body.id }, as(a))).status).toBe(409);
    expect((await call('PUT', '/documents/{id}/labels', { id: documentId }, as(a, { answers: [] }))).status).toBe(409);
    expect(await db.annotation.count({ where: { authorId: a.id, deletedAt: null } })).toBe(1);

    // The curator still acts on the submitted document: A's span goes into gold with its provenance.
    expect((await call('POST', '/documents/{id}/gold', { id: documentId }, as(curator, { annotationIds: [aSpan.body.id] }))).status).toBe(200);
    const gold = await db.annotation.findFirstOrThrow({ where: { documentId, authorId: null } });
    expect(gold).toMatchObject({ sourceIds: [aSpan.body.id], attributes: { note: 'A thinks so' } });

    // A reads gold: nobody's span ids or attributes, and the first showing is recorded once, with its event.
    expect(await db.goldExposure.count({ where: { documentId } })).toBe(0);
    const shown = await call('GET', '/documents/{id}/annotations?author=gold', { id: documentId }, as(a));
    expect(shown.status).toBe(200);
    expect(shown.body.items).toEqual([expect.objectContaining({ id: gold.id, author: 'gold', sourceIds: [], attributes: {} })]);
    expect((await call('GET', '/documents/{id}/annotations?author=gold', { id: documentId }, as(a))).status).toBe(200);
    const exposures = await db.goldExposure.findMany({ where: { documentId } });
    expect(exposures).toEqual([expect.objectContaining({ documentId, userId: a.id, what: 'GOLD' })]);
    expect(await events('EXPOSURE')).toEqual([
      expect.objectContaining({ action: 'CREATE', actorId: a.id, entityId: exposures[0]!.id, after: expect.objectContaining({ userId: a.id, what: 'GOLD' }) }),
    ]);
    // The curator sees gold as it is, and reading it records nothing for them.
    const curatorView = await call('GET', '/documents/{id}/annotations?author=gold', { id: documentId }, as(curator));
    expect(curatorView.body.items[0]).toMatchObject({ sourceIds: [aSpan.body.id], attributes: { note: 'A thinks so' } });
    expect(await db.goldExposure.count({ where: { documentId } })).toBe(1);

    // A may no longer reopen; the curator may.
    const reopen = await setStatus(a, 'IN_PROGRESS');
    expect(reopen.status).toBe(403);
    expect(reopen.body.error.message).toMatch(/Gold was shown to you.*only a curator or manager can reopen/);
    expect((await call('GET', '/documents/{id}/assignment', { id: documentId }, as(a))).body).toMatchObject({
      status: 'SUBMITTED',
      mayReopen: false,
      goldShownAt: exposures[0]!.firstShownAt.toISOString(),
    });
    expect((await setStatus(b, 'IN_PROGRESS', a.id)).status).toBe(403);
    const reopened = await setStatus(curator, 'IN_PROGRESS', a.id);
    expect(reopened.status, JSON.stringify(reopened.body)).toBe(200);
    const reopenEvent = (await events('ASSIGNMENT')).at(-1)!;
    expect(reopenEvent).toMatchObject({
      action: 'UPDATE',
      actorId: curator.id,
      before: { userId: a.id, status: 'SUBMITTED' },
      after: { userId: a.id, status: 'IN_PROGRESS', submittedAt: null },
    });
    // The state before is read in one raw statement: its times are the stored ones, in UTC.
    expect((reopenEvent.before as { submittedAt: string }).submittedAt).toBe((submitEvent.after as { submittedAt: string }).submittedAt);

    // A's first change after seeing gold flags the assignment, once.
    expect((await createSpan(a, 'Bannu')).status).toBe(201);
    expect((await createSpan(a, 'attacked')).status).toBe(201);
    const flagged = await db.assignment.findUniqueOrThrow({ where: { documentId_userId: { documentId, userId: a.id } } });
    expect(flagged.afterGoldAt).toBeInstanceOf(Date);
    const flagEvents = (await events('ASSIGNMENT')).filter(
      (e) => (e.before as { afterGoldAt: string | null } | null)?.afterGoldAt === null && (e.after as { afterGoldAt: string | null }).afterGoldAt !== null,
    );
    expect(flagEvents).toHaveLength(1);
    expect(flagEvents[0]).toMatchObject({ actorId: a.id, after: { afterGoldAt: flagged.afterGoldAt!.toISOString() } });
    expect((await setStatus(a, 'SUBMITTED')).status).toBe(200);
    expect((await setStatus(b, 'SUBMITTED')).status).toBe(200);

    // Agreement leaves A's after-gold work out by default and says how much; on request it counts it.
    const report = async (query: string) => (await call('GET', `/projects/{id}/agreement${query}`, { id: projectId }, as(owner))).body;
    const byDefault = await report('');
    expect(byDefault.excluded.afterGold).toMatchObject({ excluded: true, documentAnnotators: 1, documents: 1, spans: 3 });
    expect(byDefault.scope).toMatchObject({ documents: 0, annotators: [] });
    const included = await report('?afterGold=include');
    expect(included.excluded.afterGold).toMatchObject({ excluded: false, documentAnnotators: 1, spans: 3 });
    expect(included.scope.documents).toBe(1);
    expect(included.scope.annotators.map((x: { id: string }) => x.id).sort()).toEqual([a.id, b.id].sort());

    // So does the dataset card, which otherwise would have nothing to compare.
    expect(await reviewAgreement(db, projectId)).toEqual({
      'documents compared (submitted by all their annotators)': 0,
      'annotators compared': 0,
      'annotator × document pairs left out (changed after gold was shown to the annotator)': 1,
    });

    // Adjudication keeps the document in its queue and marks A's work.
    const queue = (await call('GET', '/projects/{id}/review/queue', { id: projectId }, as(curator))).body;
    expect(queue.items.map((d: { id: string; submitted: number }) => [d.id, d.submitted])).toEqual([[documentId, 2]]);
    const review = (await call('GET', '/documents/{id}/review', { id: documentId }, as(curator))).body;
    expect(review.annotators.map((x: { id: string; afterGold: boolean }) => [x.id, x.afterGold]).sort()).toEqual(
      [
        [a.id, true],
        [b.id, false],
      ].sort(),
    );
    // Auto-accept counts independent votes only: A's after-gold spans ("Bannu", "attacked") are nobody's vote.
    const auto = await call('POST', '/projects/{id}/gold/auto', { id: projectId }, as(curator, { minAgreement: 1 }));
    expect(auto.status, JSON.stringify(auto.body)).toBe(200);
    expect(auto.body).toMatchObject({ documents: 1, spans: 0, afterGoldLeftOut: 1 });
    expect(await db.annotation.findMany({ where: { documentId, authorId: null, deletedAt: null }, select: { quote: true } })).toEqual([
      { quote: 'Hafiz Gul Bahadur group' },
    ]);

    // The never-assigned member appears nowhere as an annotator of the document.
    const progress = (await call('GET', '/projects/{id}/progress', { id: projectId }, as(curator))).body;
    expect(progress.documents).toEqual([
      {
        id: documentId,
        name: 'd',
        annotators: [
          { userId: a.id, status: 'SUBMITTED', afterGold: true, activeSeconds: 0 },
          { userId: b.id, status: 'SUBMITTED', afterGold: false, activeSeconds: 0 },
        ],
      },
    ]);
    expect(progress.annotators.find((x: { id: string }) => x.id === c.id)).toMatchObject({ assigned: 0, submitted: 0, annotations: 0 });
  });

  it('lets annotators reopen their own work while no gold was shown to them', async () => {
    await assign(a);
    expect((await setStatus(a, 'SUBMITTED')).status).toBe(200);
    const reopened = await setStatus(a, 'IN_PROGRESS');
    expect(reopened.body).toMatchObject({ status: 'IN_PROGRESS', submittedAt: null });
    expect((await createSpan(a, 'Bannu')).status).toBe(201);
    expect((await db.assignment.findFirstOrThrow({ where: { userId: a.id } })).afterGoldAt).toBeNull();
    expect((await events('ASSIGNMENT')).map((e) => [e.action, (e.after as { status: string }).status])).toEqual([
      ['CREATE', 'ASSIGNED'],
      ['UPDATE', 'SUBMITTED'],
      ['UPDATE', 'IN_PROGRESS'],
    ]);
  });

  it('lets annotators take on documents only when the project allows it, recording it', async () => {
    expect((await call('PATCH', '/projects/{id}', { id: projectId }, as(owner, { allowSelfAssignment: true }))).body.allowSelfAssignment).toBe(true);
    expect((await createSpan(c, 'Bannu')).status).toBe(201);
    expect(await db.assignment.findFirstOrThrow({ where: { userId: c.id } })).toMatchObject({ documentId, status: 'IN_PROGRESS' });
    expect(await events('ASSIGNMENT')).toEqual([
      expect.objectContaining({ action: 'CREATE', actorId: c.id, after: expect.objectContaining({ userId: c.id, status: 'IN_PROGRESS' }) }),
    ]);
  });

  it('records another annotator’s work shown with blind mode off, and flags the change after it', async () => {
    await assign(a, b);
    expect((await createSpan(b, 'Bannu')).status).toBe(201);
    await db.project.update({ where: { id: projectId }, data: { blindMode: false } });
    expect((await call('GET', '/documents/{id}/annotations?author=all', { id: documentId }, as(a))).body.items).toHaveLength(1);
    expect(await db.goldExposure.findMany({ where: { documentId } })).toEqual([expect.objectContaining({ userId: a.id, what: 'OTHERS' })]);
    expect((await createSpan(a, 'Bannu')).status).toBe(201);
    expect((await db.assignment.findFirstOrThrow({ where: { userId: a.id } })).afterGoldAt).toBeInstanceOf(Date);
    // Their own layer is not someone else's work.
    await call('GET', '/documents/{id}/annotations', { id: documentId }, as(b));
    expect(await db.goldExposure.count({ where: { userId: b.id } })).toBe(0);
  });

  it('takes a document away from an annotator as an event, and only managers may', async () => {
    await assign(a);
    const path = '/documents/{id}/assignments/{userId}';
    expect((await call('DELETE', path, { id: documentId, userId: a.id }, as(curator))).status).toBe(403);
    expect((await call('DELETE', path, { id: documentId, userId: a.id }, as(owner))).status).toBe(204);
    expect((await call('DELETE', path, { id: documentId, userId: a.id }, as(owner))).status).toBe(404);
    expect((await events('ASSIGNMENT')).map((e) => [e.action, e.actorId])).toEqual([
      ['CREATE', owner.id],
      ['DELETE', owner.id],
    ]);
    expect((await createSpan(a, 'Bannu')).status).toBe(403);
  });

  it('refuses a request that would make more assignments than the limit, naming it, and writes nothing', async () => {
    const users = Array.from({ length: 1000 }, (_, i) => ({ id: `many-${i}-${projectId}`, email: `many-${i}-${projectId}@example.org`, name: `M${i}` }));
    await db.user.createMany({ data: users });
    await db.membership.createMany({ data: users.map((u) => ({ projectId, userId: u.id, role: 'ANNOTATOR' as const })) });
    await db.document.createMany({ data: Array.from({ length: 200 }, (_, i) => ({ projectId, name: `m${i}`, text: 'x', sha256: `m${i}`, position: i + 1 })) });
    const documentIds = (await db.document.findMany({ where: { projectId }, select: { id: true } })).map((d) => d.id);
    const response = await call(
      'POST',
      '/projects/{id}/assignments',
      { id: projectId },
      as(owner, { mode: 'explicit', documentIds, userIds: users.map((u) => u.id) }),
    );
    expect(response.status).toBe(400);
    expect(response.body.error.message).toBe(
      'This request would make 201000 assignments; at most 200000 are made at once. Send fewer documentIds or userIds per request.',
    );
    expect(await db.assignment.count({ where: { document: { projectId } } })).toBe(0);
    expect(await events('ASSIGNMENT')).toEqual([]);
  });

  it('shows a blind annotator only their own progress on the document list (#17 bug 7)', async () => {
    await assign(a, b);
    await setStatus(b, 'SUBMITTED');
    const list = (userId: string, status?: 'SUBMITTED' | 'unassigned', ownOnly = true) =>
      searchDocuments(db, projectId, { mine: false, meta: [], ...(status ? { status } : {}) }, { callerId: userId, ownOnly });
    expect((await list(a.id)).documents[0]!.assignments).toEqual([{ userId: a.id, status: 'ASSIGNED' }]);
    // "Submitted" and "unassigned" look at A's own assignment only: B's submission shows nowhere.
    expect((await list(a.id, 'SUBMITTED')).total).toBe(0);
    expect((await list(c.id, 'unassigned')).total).toBe(1);
    expect((await list(c.id)).documents[0]!.assignments).toEqual([]);
    // Curators see everyone's.
    expect((await list(curator.id, 'SUBMITTED', false)).documents[0]!.assignments).toHaveLength(2);
  });
});
