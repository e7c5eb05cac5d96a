import { beforeEach, describe, expect, it } from 'vitest';
import { MAX_BATCH_OPS } from '@/lib/annotations/batch-limit';
import { annotationSnapshot } from '@/lib/events/snapshots';
import { PrismaPg } from '@prisma/adapter-pg';
import { authorizeDocument } from '@/lib/access/project-access';
import { applyOperations, type Operation } from '@/lib/annotations/batch';
import { getPrisma } from '@/lib/db/client';
import { PrismaClient } from '@/lib/generated/prisma/client';
import { annotationFields } from '@/lib/annotations/serialize';
import { storeSpans } from '@/lib/annotations/span-store';
import { call } from '../support/api';
import { labelIds, offsetsIn, type TestUser } from '../support/fixtures';
import { twoAnnotatorDocument } from '../support/two-annotators';

const db = getPrisma();
const TEXT = 'Hafiz Gul Bahadur group attacked Bannu.';
const at = offsetsIn(TEXT);

let annotator: TestUser, other: TestUser;
let projectId: string, documentId: string;
let labels: Record<string, string>;

beforeEach(async () => {
  ({ a: annotator, b: other, projectId, documentId } = await twoAnnotatorDocument(db, TEXT));
  labels = await labelIds(db, projectId);
});

const batch = (user: TestUser, ops: unknown[]) => call('POST', '/documents/{id}/operations', { id: documentId }, { token: user.token, body: { ops } });
const createOp = (label: string, needle: string) => ({ op: 'createAnnotation', body: { labelId: labels[label], ...at(needle) } });
const spansOf = (user: TestUser) => db.annotation.findMany({ where: { documentId, authorId: user.id, deletedAt: null }, orderBy: { start: 'asc' } });

describe('POST /documents/{id}/operations', () => {
  it('applies every kind of operation in order, answering one result per operation and logging each as its own event', async () => {
    const first = await batch(annotator, [
      createOp('ENTITY:ORG', 'Hafiz Gul Bahadur group'),
      createOp('ENTITY:GPE', 'Bannu'),
      createOp('ENTITY:PERSON', 'Hafiz'),
      { op: 'replaceAnswers', author: 'me', body: { answers: [{ labelId: labels['DOCUMENT:PRIMARY_FRAME'], values: ['CRIME_PUNISHMENT'] }] } },
    ]);
    expect(first.status, JSON.stringify(first.body)).toBe(200);
    const [org, gpe, person, answers] = first.body.results;
    expect(first.body.results.map((r: { op: string }) => r.op)).toEqual(['createAnnotation', 'createAnnotation', 'createAnnotation', 'replaceAnswers']);
    expect([org.item.quote, gpe.item.quote, person.item.quote]).toEqual(['Hafiz Gul Bahadur group', 'Bannu', 'Hafiz']);
    expect(answers.items).toEqual([expect.objectContaining({ question: 'PRIMARY_FRAME', values: ['CRIME_PUNISHMENT'] })]);

    const second = await batch(annotator, [
      { op: 'updateAnnotation', id: person.item.id, body: { version: 1, labelId: labels['ENTITY:NORP'] } },
      // The same span twice in one batch: the second change sees the version the first one made.
      { op: 'updateAnnotation', id: person.item.id, body: { version: 2, ...at('Hafiz Gul') } },
      { op: 'createRelation', body: { labelId: labels['RELATION:ATTACKED'], sourceId: org.item.id, targetId: gpe.item.id } },
      { op: 'deleteAnnotation', id: gpe.item.id, version: 1 },
    ]);
    expect(second.status, JSON.stringify(second.body)).toBe(200);
    expect(second.body.results[1].item).toMatchObject({ label: 'NORP', quote: 'Hafiz Gul', version: 3 });
    expect(second.body.results[2].item).toMatchObject({ label: 'ATTACKED', sourceId: org.item.id });
    expect(second.body.results[3]).toEqual({ op: 'deleteAnnotation' });
    expect((await spansOf(annotator)).map((s) => s.quote)).toEqual(['Hafiz Gul Bahadur group', 'Hafiz Gul']);

    const events = await db.event.findMany({ where: { documentId, entity: { in: ['ANNOTATION', 'RELATION', 'DOCUMENT_LABEL'] } }, orderBy: { id: 'asc' } });
    expect(events.map((e) => `${e.entity} ${e.action}`)).toEqual([
      'ANNOTATION CREATE',
      'ANNOTATION CREATE',
      'ANNOTATION CREATE',
      'DOCUMENT_LABEL CREATE',
      'ANNOTATION UPDATE',
      'ANNOTATION UPDATE',
      'RELATION CREATE',
      // Deleting the span takes its relation with it, each with its own event.
      'RELATION DELETE',
      'ANNOTATION DELETE',
    ]);
    expect(events[5]!.before).toMatchObject({ start: 0, end: 5 });
    expect(events[5]!.after).toMatchObject({ start: 0, end: 9 });
  });

  it('rolls the whole batch back when one operation fails, naming its index, and a stale version names the operation with the current state', async () => {
    const created = await batch(annotator, [createOp('ENTITY:ORG', 'Hafiz Gul Bahadur group')]);
    const org = created.body.results[0].item;

    // Someone else (another tab of the same user) changes the span after this client loaded it.
    await call('PATCH', '/annotations/{id}', { id: org.id }, { token: annotator.token, body: { version: 1, labelId: labels['ENTITY:NORP'] } });
    const eventsBefore = await db.event.count({ where: { documentId } });
    const stale = await batch(annotator, [
      createOp('ENTITY:GPE', 'Bannu'),
      { op: 'updateAnnotation', id: org.id, body: { version: 1, labelId: labels['ENTITY:PERSON'] } },
    ]);
    expect(stale.status).toBe(409);
    expect(stale.body.error.code).toBe('version_conflict');
    expect(stale.body.error.message).toBe('ops.1: This annotation changed since you loaded it (version 2, you sent 1).');
    expect(stale.body.error.details).toMatchObject({ op: 1, current: { id: org.id, version: 2, label: 'NORP' } });

    const invalid = await batch(annotator, [
      createOp('ENTITY:GPE', 'Bannu'),
      { op: 'createAnnotation', body: { labelId: labels['ENTITY:GPE'], start: 30, end: 400 } },
    ]);
    expect(invalid.status).toBe(400);
    expect(invalid.body.error.message).toMatch(/^ops\.1: .*outside the text/);
    expect(invalid.body.error.details).toMatchObject({ op: 1 });

    expect((await spansOf(annotator)).map((s) => [s.quote, s.version])).toEqual([['Hafiz Gul Bahadur group', 2]]);
    expect(await db.event.count({ where: { documentId } })).toBe(eventsBefore);
  });

  it('keeps the blind rules: another annotator’s span is not found, and submitted work is read-only', async () => {
    const theirs = await batch(other, [createOp('ENTITY:GPE', 'Bannu')]);
    const hidden = await batch(annotator, [createOp('ENTITY:ORG', 'Hafiz Gul Bahadur group'), { op: 'deleteAnnotation', id: theirs.body.results[0].item.id }]);
    expect(hidden.status).toBe(404);
    expect(hidden.body.error.message).toBe('ops.1: Annotation not found.');

    await db.assignment.create({ data: { documentId, userId: annotator.id, status: 'SUBMITTED' } });
    const submitted = await batch(annotator, [createOp('ENTITY:ORG', 'Hafiz Gul Bahadur group')]);
    expect(submitted.status).toBe(409);
    expect(submitted.body.error.message).toMatch(/^ops\.0: This document is SUBMITTED/);

    const gold = await batch(annotator, [{ op: 'createAnnotation', body: { labelId: labels['ENTITY:GPE'], ...at('Bannu'), gold: true } }]);
    expect(gold.status).toBe(403);
    expect(await spansOf(annotator)).toEqual([]);
    expect(await db.annotation.count({ where: { documentId, authorId: null } })).toBe(0);
  });

  it(`refuses more than MAX_BATCH_OPS (${MAX_BATCH_OPS}) operations with 413 naming the limit, writing nothing`, async () => {
    const ops = Array.from({ length: MAX_BATCH_OPS + 1 }, () => createOp('ENTITY:GPE', 'Bannu'));
    const response = await batch(annotator, ops);
    expect(response.status).toBe(413);
    expect(response.body.error.message).toBe(`A batch holds at most ${MAX_BATCH_OPS} operations (MAX_BATCH_OPS); this one has ${MAX_BATCH_OPS + 1}. Split it.`);
    expect(await db.annotation.count({ where: { documentId } })).toBe(0);
    const empty = await batch(annotator, []);
    expect(empty.status).toBe(400);
    expect(empty.body.error.details).toEqual([expect.objectContaining({ path: 'body.ops' })]);
  });

  it('rejects an unknown operation naming its index in the path', async () => {
    const response = await batch(annotator, [createOp('ENTITY:GPE', 'Bannu'), { op: 'renameDocument', name: 'x' }]);
    expect(response.status).toBe(400);
    expect(JSON.stringify(response.body.error.details)).toContain('body.ops.1');
  });
});

describe('POST /documents/{id}/operations: one writer over the batch', () => {
  const ids = (response: { body: { results: Array<{ item: { id: string } }> } }) => response.body.results.map((r) => r.item.id);

  it('applies several changes of one span in order, each its own version bump and event (before and after); the ledger replays to the rows', async () => {
    const [span, other] = ids(await batch(annotator, [createOp('ENTITY:PERSON', 'Hafiz'), createOp('ENTITY:GPE', 'Bannu')]));
    const response = await batch(annotator, [
      { op: 'updateAnnotation', id: span, body: { version: 1, labelId: labels['ENTITY:ORG'] } },
      { op: 'updateAnnotation', id: span, body: { version: 2, ...at('Hafiz Gul Bahadur group') } },
      createOp('ENTITY:NORP', 'attacked'),
      { op: 'updateAnnotation', id: other, body: { version: 1, attributes: { unsure: true } } },
      { op: 'deleteAnnotation', id: span, version: 3 },
    ]);
    expect(response.status, JSON.stringify(response.body)).toBe(200);
    expect(response.body.results.map((r: { item?: { version: number } }) => r.item?.version)).toEqual([2, 3, 1, 2, undefined]);

    const events = await db.event.findMany({ where: { documentId, entity: 'ANNOTATION' }, orderBy: { id: 'asc' } });
    const ofSpan = events.filter((e) => e.entityId === span);
    expect(ofSpan.map((e) => [e.action, (e.before as { version?: number } | null)?.version, (e.after as { version?: number } | null)?.version])).toEqual([
      ['CREATE', undefined, 1],
      ['UPDATE', 1, 2],
      ['UPDATE', 2, 3],
      ['DELETE', 3, undefined],
    ]);
    // Each event's state before is the one the previous event left: the changes chain.
    expect(ofSpan[2]!.before).toEqual(ofSpan[1]!.after);
    expect(ofSpan[3]!.before).toMatchObject({ labelId: labels['ENTITY:ORG'], quote: 'Hafiz Gul Bahadur group', version: 3 });

    // Replaying the ledger gives every stored row, deleted ones included.
    const replayed = new Map<string, unknown>();
    for (const event of events) replayed.set(event.entityId, event.action === 'DELETE' ? 'deleted' : event.after);
    const rows = await db.annotation.findMany({ where: { documentId } });
    expect(rows).toHaveLength(3);
    for (const row of rows) expect(replayed.get(row.id), row.quote).toEqual(row.deletedAt ? 'deleted' : annotationSnapshot(row));
    const stored = rows.find((row) => row.id === span)!;
    expect([stored.version, stored.deletedAt !== null]).toEqual([3, true]);
  });

  it('rolls back ops 0–4 when op 5 meets a stale version, naming ops.5, and writes nothing', async () => {
    const [span] = ids(await batch(annotator, [createOp('ENTITY:PERSON', 'Hafiz')]));
    const eventsBefore = await db.event.count({ where: { documentId } });
    const response = await batch(annotator, [
      createOp('ENTITY:GPE', 'Bannu'),
      { op: 'updateAnnotation', id: span, body: { version: 1, ...at('Hafiz Gul') } },
      createOp('ENTITY:NORP', 'group'),
      { op: 'updateAnnotation', id: span, body: { version: 2, labelId: labels['ENTITY:ORG'] } },
      createOp('ENTITY:NORP', 'attacked'),
      { op: 'deleteAnnotation', id: span, version: 2 },
    ]);
    expect(response.status).toBe(409);
    expect(response.body.error.message).toBe('ops.5: This annotation changed since you loaded it (version 3).');
    // The conflict shows the span as op 5 met it: ops 1 and 3 of this batch had changed it.
    expect(response.body.error.details).toMatchObject({ op: 5, current: { id: span, version: 3, label: 'ORG', quote: 'Hafiz Gul' } });
    expect((await spansOf(annotator)).map((s) => [s.quote, s.version, s.labelId])).toEqual([['Hafiz', 1, labels['ENTITY:PERSON']]]);
    expect(await db.event.count({ where: { documentId } })).toBe(eventsBefore);
  });

  it('checks each operation against the spans earlier operations of the batch left: overlap, stance targets and relabelling', async () => {
    await db.project.update({ where: { id: projectId }, data: { allowOverlap: false } });
    const overlapping = await batch(annotator, [createOp('ENTITY:ORG', 'Hafiz Gul Bahadur group'), createOp('ENTITY:PERSON', 'Gul')]);
    expect(overlapping.status).toBe(409);
    expect(overlapping.body.error.message).toMatch(
      /^ops\.1: This project forbids overlapping ENTITY spans: \[6,9\) overlaps "Hafiz Gul Bahadur group" \[0,23\)/,
    );
    expect(overlapping.body.error.details.overlapsWith).toEqual(expect.any(String));

    // A span moved away earlier in the batch no longer blocks the place it left.
    const [org] = ids(await batch(annotator, [createOp('ENTITY:ORG', 'Hafiz Gul Bahadur group')]));
    const moved = await batch(annotator, [{ op: 'updateAnnotation', id: org, body: { version: 1, ...at('Bannu') } }, createOp('ENTITY:PERSON', 'Hafiz')]);
    expect(moved.status, JSON.stringify(moved.body)).toBe(200);

    const target = await db.target.findFirstOrThrow({ where: { projectId, key: 'TTP' } });
    const stance = { op: 'createAnnotation', body: { labelId: labels['STANCE:AGAINST'], ...at('attacked'), target: { kind: 'span', id: org } } };
    const relabel = { op: 'updateAnnotation', id: org, body: { version: 2, labelId: labels['FRAME:MORALITY'] } };
    const kept = await batch(annotator, [stance, relabel]);
    expect(kept.status).toBe(400);
    expect(kept.body.error.message).toMatch(/^ops\.1: 1 stance span\(s\) have this span as their target, so it must stay an entity/);
    const retargeted = await batch(annotator, [{ ...stance, body: { ...stance.body, target: { kind: 'target', id: target.id } } }, relabel]);
    expect(retargeted.status, JSON.stringify(retargeted.body)).toBe(200);
    expect((await spansOf(annotator)).map((s) => s.quote)).toEqual(['Hafiz', 'attacked', 'Bannu']);
  });

  it('stores a changed span only where it still has the version it was loaded with, refusing the write otherwise', async () => {
    const [span] = ids(await batch(annotator, [createOp('ENTITY:PERSON', 'Hafiz')]));
    const loaded = { ...(await db.annotation.findUniqueOrThrow({ where: { id: span }, select: annotationFields })), deletedAt: null };
    // A writer that did not hold the document's lock changes the span after it was loaded.
    await db.annotation.update({ where: { id: span }, data: { version: 2, quote: 'Hafiz', labelId: labels['ENTITY:NORP'] } });
    const write = storeSpans(db, {
      created: [],
      changed: [{ row: { ...loaded, version: 2, end: 9, quote: 'Hafiz Gul' }, storedVersion: 1 }],
      deletedRelations: [],
      at: new Date(),
    });
    await expect(write).rejects.toMatchObject({ status: 409, message: '1 of these annotations changed while this request ran; reload and try again.' });
    expect(await db.annotation.findUniqueOrThrow({ where: { id: span } })).toMatchObject({ version: 2, end: 5, labelId: labels['ENTITY:NORP'] });
  });

  it('runs the same statements for 30 span operations as for 3: what is per document is read once, rows and events stored together', async () => {
    const counted = new PrismaClient({ adapter: new PrismaPg({ connectionString: process.env.DATABASE_URL! }), log: [{ emit: 'event', level: 'query' }] });
    let statements = 0;
    counted.$on('query', () => statements++);
    const actor = {
      userId: annotator.id,
      access: await authorizeDocument(db, { userId: annotator.id, isAdmin: false, via: 'token' }, documentId, 'annotations:write'),
    };
    const statementsFor = async (each: number) => {
      const existing = ids(
        await batch(
          annotator,
          Array.from({ length: each }, () => createOp('ENTITY:PERSON', 'Hafiz')),
        ),
      );
      const ops: Operation[] = [
        ...Array.from({ length: each }, () => ({ op: 'createAnnotation' as const, body: { labelId: labels['ENTITY:GPE']!, ...at('Bannu'), target: null } })),
        ...existing.map((id) => ({ op: 'updateAnnotation' as const, id, body: { version: 1, labelId: labels['ENTITY:NORP'] } })),
        ...existing.map((id) => ({ op: 'deleteAnnotation' as const, id, version: 2 })),
      ];
      statements = 0;
      const results = await applyOperations(counted, actor, documentId, ops);
      expect(results).toHaveLength(3 * each);
      return statements;
    };
    try {
      const few = await statementsFor(1);
      expect(await statementsFor(10)).toBe(few);
      // Lock and document, the caller's layer, labels, blind rules, the layer's relations, INSERT, UPDATE, events, COMMIT (Prisma logs no BEGIN).
      expect(few).toBe(9);
    } finally {
      await counted.$disconnect();
    }
  });
});
