import type { PrismaClient } from '@/lib/db/client';
import { conflict, notFound, validationFailed } from '@/lib/http/errors';
import { enqueueRun } from './queue';
import { recordRunChange, runState, updateRunOnRecord } from './run-events';
import { findRecommender, settingsOf } from './store';

/**
 * Batch runs: created with the recommender's settings as they are now (a run is what gets
 * evaluated later, so it must not change when the recommender does) and the documents it
 * covers, then handed to the queue. Progress is the run row, counted by run-document.ts.
 */
const MAX_DOCUMENTS = 200_000;

export async function createRun(db: PrismaClient, recommenderId: string, requestedById: string, documentIds?: readonly string[]) {
  const recommender = await findRecommender(db, recommenderId);
  if (!recommender.enabled) throw conflict(`Recommender ${recommender.name} is disabled; enable it before running it.`);
  const documents = await resolveDocuments(db, recommender.projectId, documentIds);
  const run = await db.$transaction(async (tx) => {
    const created = await tx.recommenderRun.create({
      data: {
        recommenderId,
        projectId: recommender.projectId,
        trigger: 'batch',
        settings: settingsOf(recommender) as object,
        documentIds: documents,
        requestedById,
        ...(documents.length === 0 ? { status: 'SUCCEEDED', finishedAt: new Date(), message: 'No documents to process.' } : {}),
      },
      select: { id: true },
    });
    await recordRunChange(tx, created.id, requestedById, null);
    return created;
  });
  if (documents.length === 0) return run;
  try {
    await enqueueRun(run.id, documents);
  } catch (error) {
    await updateRunOnRecord(db, run.id, null, {
      status: 'FAILED',
      finishedAt: new Date(),
      message: `The run could not be queued: ${(error as Error).message}`,
    });
    throw error;
  }
  return run;
}

/** The project's live documents, or the given ones, each of which must be one (400 naming the first that is not). */
async function resolveDocuments(db: PrismaClient, projectId: string, ids?: readonly string[]): Promise<string[]> {
  if (ids === undefined) {
    const rows = await db.document.findMany({
      where: { projectId, deletedAt: null },
      select: { id: true },
      orderBy: { createdAt: 'asc' },
      take: MAX_DOCUMENTS + 1,
    });
    if (rows.length > MAX_DOCUMENTS)
      throw validationFailed(`A run covers at most ${MAX_DOCUMENTS} documents; send documentIds.`, [
        { path: 'body.documentIds', message: `at most ${MAX_DOCUMENTS}` },
      ]);
    return rows.map((r) => r.id);
  }
  const unique = [...new Set(ids)];
  const found = new Set((await db.document.findMany({ where: { id: { in: unique }, projectId, deletedAt: null }, select: { id: true } })).map((d) => d.id));
  const index = ids.findIndex((id) => !found.has(id));
  if (index >= 0)
    throw validationFailed(`body.documentIds.${index}: ${ids[index]} is not a document of this project.`, [
      { path: `body.documentIds.${index}`, message: 'unknown document' },
    ]);
  return unique;
}

const runSelect = {
  id: true,
  recommenderId: true,
  projectId: true,
  trigger: true,
  status: true,
  documentIds: true,
  documentsDone: true,
  documentsFailed: true,
  suggestionsCount: true,
  dropped: true,
  promptTokens: true,
  completionTokens: true,
  message: true,
  createdAt: true,
  startedAt: true,
  finishedAt: true,
} as const;

export async function findRun(db: PrismaClient, runId: string) {
  const run = await db.recommenderRun.findUnique({ where: { id: runId }, select: runSelect });
  if (!run) throw notFound('Run');
  const { documentIds, dropped, ...rest } = run;
  return { ...rest, documents: documentIds.length, dropped: dropped as Record<string, number> };
}

/** Stops a queued or running run: documents already stored stay; jobs still queued find it cancelled and skip. */
export async function cancelRun(db: PrismaClient, runId: string, actorId: string) {
  await db.$transaction(async (tx) => {
    const [run] = await tx.$queryRaw<{ status: string }[]>`SELECT status::text FROM "RecommenderRun" WHERE id = ${runId} FOR UPDATE`;
    if (!run) throw notFound('Run');
    if (run.status !== 'QUEUED' && run.status !== 'RUNNING') throw conflict(`The run has already ended (${run.status}).`);
    const before = await runState(tx, runId);
    await tx.recommenderRun.update({ where: { id: runId }, data: { status: 'CANCELLED', finishedAt: new Date(), message: 'Cancelled.' } });
    await recordRunChange(tx, runId, actorId, before);
  });
  return findRun(db, runId);
}
