import { beforeEach, describe, expect, it } from 'vitest';
import { MAX_SPAN_NOTE } from '@/lib/annotations/invariants';
import { getPrisma } from '@/lib/db/client';
import { call } from '../support/api';
import { offsetsIn, type TestUser } from '../support/fixtures';
import { twoAnnotatorDocument } from '../support/two-annotators';

/** A span's "unsure" flag and note (issue #17): written by the span's author through the single PATCH and the batch. */
const db = getPrisma();
const TEXT = 'Hafiz Gul Bahadur group attacked Bannu.';
const at = offsetsIn(TEXT);

let annotator: TestUser, other: TestUser, curator: TestUser;
let documentId: string, orgLabel: string;

beforeEach(async () => {
  const fixture = await twoAnnotatorDocument(db, TEXT);
  ({ a: annotator, b: other, curator, documentId } = fixture);
  orgLabel = (await db.label.findFirstOrThrow({ where: { projectId: fixture.projectId, layer: 'ENTITY', key: 'ORG' } })).id;
});

const createSpan = async (user: TestUser, extra: Record<string, unknown> = {}) => {
  const response = await call(
    'POST',
    '/documents/{id}/annotations',
    { id: documentId },
    { token: user.token, body: { labelId: orgLabel, ...at('Bannu'), ...extra } },
  );
  expect(response.status, JSON.stringify(response.body)).toBe(201);
  return response.body as { id: string; version: number; unsure: boolean; note: string | null };
};
const patch = (user: TestUser, id: string, body: unknown) => call('PATCH', '/annotations/{id}', { id }, { token: user.token, body });
const batch = (user: TestUser, ops: unknown[]) => call('POST', '/documents/{id}/operations', { id: documentId }, { token: user.token, body: { ops } });
const stored = (id: string) => db.annotation.findUniqueOrThrow({ where: { id }, select: { unsure: true, note: true, version: true } });
const updateEvents = (id: string) => db.event.findMany({ where: { entityId: id, action: 'UPDATE' }, orderBy: { id: 'asc' } });

describe('unsure flag and note on a span', () => {
  it('starts unflagged without a note, and a create may carry both', async () => {
    expect(await createSpan(annotator)).toMatchObject({ unsure: false, note: null });
    const flagged = await createSpan(other, { unsure: true, note: 'Town or district?' });
    expect(flagged).toMatchObject({ unsure: true, note: 'Town or district?' });
    const [created] = await db.event.findMany({ where: { entityId: flagged.id, action: 'CREATE' } });
    expect(created!.after).toMatchObject({ unsure: true, note: 'Town or district?' });
  });

  it('PATCH sets and clears them, each change an UPDATE event with before and after', async () => {
    const span = await createSpan(annotator);
    const flagged = await patch(annotator, span.id, { version: 1, unsure: true, note: 'Town or district?' });
    expect(flagged.status, JSON.stringify(flagged.body)).toBe(200);
    expect(flagged.body).toMatchObject({ unsure: true, note: 'Town or district?', version: 2 });
    // A blank note is no note.
    const cleared = await patch(annotator, span.id, { version: 2, unsure: false, note: '  ' });
    expect(cleared.body).toMatchObject({ unsure: false, note: null, version: 3 });

    const events = await updateEvents(span.id);
    expect(events.map((e) => [e.before, e.after])).toEqual([
      [expect.objectContaining({ unsure: false, note: null, version: 1 }), expect.objectContaining({ unsure: true, note: 'Town or district?', version: 2 })],
      [expect.objectContaining({ unsure: true, note: 'Town or district?', version: 2 }), expect.objectContaining({ unsure: false, note: null, version: 3 })],
    ]);
  });

  it('a change of only the note leaves the flag as it was, and the reverse', async () => {
    const span = await createSpan(annotator, { unsure: true });
    await patch(annotator, span.id, { version: 1, note: 'check the map' });
    expect(await stored(span.id)).toEqual({ unsure: true, note: 'check the map', version: 2 });
    await patch(annotator, span.id, { version: 2, unsure: false });
    expect(await stored(span.id)).toEqual({ unsure: false, note: 'check the map', version: 3 });
  });

  it('the batch sets them like the PATCH, one event per operation', async () => {
    const span = await createSpan(annotator);
    const response = await batch(annotator, [
      { op: 'updateAnnotation', id: span.id, body: { version: 1, unsure: true } },
      { op: 'updateAnnotation', id: span.id, body: { version: 2, note: 'maybe a district' } },
    ]);
    expect(response.status, JSON.stringify(response.body)).toBe(200);
    expect(response.body.results[1].item).toMatchObject({ unsure: true, note: 'maybe a district', version: 3 });
    const events = await updateEvents(span.id);
    expect(events.map((e) => [(e.before as { unsure: boolean }).unsure, (e.after as { note: string | null }).note])).toEqual([
      [false, null],
      [true, 'maybe a district'],
    ]);
  });

  it('refuses a note over the limit, NUL and a lone surrogate with the field path, writing nothing', async () => {
    const span = await createSpan(annotator);
    const long = await patch(annotator, span.id, { version: 1, note: 'x'.repeat(MAX_SPAN_NOTE + 1) });
    expect(long.status).toBe(400);
    expect(long.body.error.details).toEqual([expect.objectContaining({ path: 'body.note' })]);
    expect(long.body.error.message).toContain(String(MAX_SPAN_NOTE));

    const nul = await call('PATCH', '/annotations/{id}', { id: span.id }, { token: annotator.token, rawBody: '{"version":1,"note":"a\\u0000b"}' });
    expect(nul.status).toBe(400);
    expect(JSON.stringify(nul.body.error)).toContain('body.note');
    const surrogate = await call('PATCH', '/annotations/{id}', { id: span.id }, { token: annotator.token, rawBody: '{"version":1,"note":"\\ud83d"}' });
    expect(surrogate.status).toBe(400);
    expect(JSON.stringify(surrogate.body.error)).toContain('body.note');

    const inBatch = await batch(annotator, [
      { op: 'updateAnnotation', id: span.id, body: { version: 1, unsure: true } },
      { op: 'updateAnnotation', id: span.id, body: { version: 2, note: 'x'.repeat(MAX_SPAN_NOTE + 1) } },
    ]);
    expect(inBatch.status).toBe(400);
    expect(JSON.stringify(inBatch.body.error)).toContain('body.ops.1.body.note');
    expect(await stored(span.id)).toEqual({ unsure: false, note: null, version: 1 });
    expect(await updateEvents(span.id)).toEqual([]);
  });

  it("belongs to the span's author: another annotator cannot see it, a curator cannot flag it, submitted work is read-only", async () => {
    const span = await createSpan(annotator);
    expect((await patch(other, span.id, { version: 1, unsure: true })).status).toBe(404);
    expect((await patch(curator, span.id, { version: 1, unsure: true })).status).toBe(403);
    await db.assignment.updateMany({ where: { documentId, userId: annotator.id }, data: { status: 'SUBMITTED' } });
    const submitted = await patch(annotator, span.id, { version: 1, note: 'second thoughts' });
    expect(submitted.status).toBe(409);
    expect(await stored(span.id)).toEqual({ unsure: false, note: null, version: 1 });
  });

  it('a curator sees each proposer’s flag and note on the candidate in the review view', async () => {
    await createSpan(annotator, { unsure: true, note: 'Town or district?' });
    await createSpan(other);
    for (const user of [annotator, other]) {
      const submitted = await call('PATCH', '/documents/{id}/assignment', { id: documentId }, { token: user.token, body: { status: 'SUBMITTED' } });
      expect(submitted.status, JSON.stringify(submitted.body)).toBe(200);
    }
    const view = await call('GET', '/documents/{id}/review', { id: documentId }, { token: curator.token });
    expect(view.status).toBe(200);
    expect(view.body.spans).toHaveLength(1);
    expect(view.body.spans[0]).toMatchObject({ authors: expect.arrayContaining([annotator.id, other.id]) });
    expect(view.body.spans[0].remarks).toEqual([{ author: annotator.id, unsure: true, note: 'Town or district?' }]);
  });
});
