import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { getPrisma } from '@/lib/db/client';
import { stopSender } from '@/lib/recommenders/queue';
import { processDocument } from '@/lib/recommenders/run-document';
import { call } from '../support/api';
import { makeTeam, type TestUser } from '../support/fixtures';

/**
 * Runs on record (issue #18 follow-up): creating, cancelling and finishing a recommender run
 * are RUN events with the state before and after, and who did it (none when the worker ends it).
 * Documents are processed by calling the engine directly, so no worker races the assertions.
 */
const db = getPrisma();
let manager: TestUser, projectId: string, recommenderId: string;

beforeAll(async () => {
  ({ manager, projectId } = await makeTeam(db, { manager: 'MANAGER' }));
  const created = await call(
    'POST',
    '/projects/{id}/recommenders',
    { id: projectId },
    { token: manager.token, body: { kind: 'string-match', name: 'Matcher', config: {} } },
  );
  expect(created.status, JSON.stringify(created.body)).toBe(201);
  recommenderId = created.body.id;
});

afterAll(async () => {
  await stopSender();
});

async function doc(name: string, text: string) {
  return db.document.create({ data: { projectId, name, text, sha256: `${name}-${Math.random()}`, position: 0 } });
}

async function startRun(documentIds: string[]): Promise<string> {
  const started = await call('POST', '/recommenders/{id}/runs', { id: recommenderId }, { token: manager.token, body: { documentIds } });
  expect(started.status, JSON.stringify(started.body)).toBe(201);
  return started.body.id;
}

const runEvents = (runId: string) =>
  db.event.findMany({ where: { entity: 'RUN', entityId: runId }, orderBy: { id: 'asc' }, select: { action: true, actorId: true, before: true, after: true } });

const queued = { trigger: 'batch', status: 'QUEUED', documentsDone: 0, documentsFailed: 0, suggestionsCount: 0, promptTokens: 0, completionTokens: 0 };

describe('recommender runs on record', () => {
  it('records the creation and the cancellation, each by the manager who did it', async () => {
    const document = await doc('cancelled', 'Never processed.');
    const runId = await startRun([document.id]);
    const cancelled = await call('POST', '/runs/{id}/cancel', { id: runId }, { token: manager.token });
    expect(cancelled.status).toBe(200);
    const [created, cancel, ...rest] = await runEvents(runId);
    expect(rest).toEqual([]);
    expect(created).toMatchObject({
      action: 'CREATE',
      actorId: manager.id,
      before: null,
      after: { id: runId, recommenderId, documents: 1, requestedById: manager.id, message: null, ...queued },
    });
    expect(cancel).toMatchObject({
      action: 'UPDATE',
      actorId: manager.id,
      before: { status: 'QUEUED', message: null },
      after: { status: 'CANCELLED', message: 'Cancelled.', documents: 1 },
    });
  });

  it('records the end of a run once, from the state before its last document to the outcome, with no person as actor', async () => {
    const kept = await doc('kept', 'Nothing to match here.');
    const withdrawn = await doc('withdrawn', 'Deleted before the run reached it.');
    const runId = await startRun([kept.id, withdrawn.id]);
    await db.document.update({ where: { id: withdrawn.id }, data: { deletedAt: new Date() } });
    expect(await processDocument(db, runId, kept.id)).toBe('done');
    // The first document alone is progress, not an event.
    expect((await runEvents(runId)).map((e) => e.action)).toEqual(['CREATE']);
    expect(await processDocument(db, runId, withdrawn.id)).toBe('failed');
    const [, finished, ...rest] = await runEvents(runId);
    expect(rest).toEqual([]);
    expect(finished).toMatchObject({
      action: 'UPDATE',
      actorId: null,
      before: { status: 'RUNNING', documents: 2, documentsDone: 1, documentsFailed: 0 },
      after: {
        status: 'SUCCEEDED',
        documents: 2,
        documentsDone: 1,
        documentsFailed: 1,
        suggestionsCount: 0,
        requestedById: manager.id,
        message: '1 of 2 document(s) failed: The document was deleted before the run reached it.',
      },
    });
  });

  it('records a run over no documents as created already finished', async () => {
    await db.document.updateMany({ where: { projectId }, data: { deletedAt: new Date() } });
    const started = await call('POST', '/recommenders/{id}/runs', { id: recommenderId }, { token: manager.token, body: {} });
    expect(started.status).toBe(201);
    const events = await runEvents(started.body.id);
    expect(events).toEqual([
      {
        action: 'CREATE',
        actorId: manager.id,
        before: null,
        after: expect.objectContaining({ status: 'SUCCEEDED', documents: 0, message: 'No documents to process.' }),
      },
    ]);
  });
});
