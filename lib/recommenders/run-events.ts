import type { DbClient, PrismaClient } from '@/lib/db/client';
import type { Prisma } from '@/lib/generated/prisma/client';
import { changeOf, recordEvents } from '@/lib/events/log';
import { runSnapshot } from '@/lib/events/snapshots';
import { notFound } from '@/lib/http/errors';

/**
 * Runs on record: a run's creation, cancellation and end are RUN events with the state before
 * and after, written by the transaction that changes the run, so the event log says which model
 * produced what, when, at whose request, and how much of it failed.
 */

export interface RunState {
  projectId: string;
  snapshot: Prisma.InputJsonObject;
}

/**
 * The run's state as its events keep it. Read with SQL so the document ids (up to 200,000, read
 * by every document's transaction) are counted in PostgreSQL rather than sent over.
 */
export async function runState(db: DbClient, runId: string): Promise<RunState> {
  const [row] = await db.$queryRaw<(Parameters<typeof runSnapshot>[0] & { projectId: string })[]>`
    SELECT id, "projectId", "recommenderId", trigger, status::text AS status, cardinality("documentIds") AS documents, "documentsDone",
      "documentsFailed", "suggestionsCount", dropped, "promptTokens", "completionTokens", message, "requestedById"
    FROM "RecommenderRun" WHERE id = ${runId}`;
  if (!row) throw notFound('Run');
  return { projectId: row.projectId, snapshot: runSnapshot(row) };
}

/** Records the change from `before` (null: just created) to the run's state now. */
export async function recordRunChange(db: DbClient, runId: string, actorId: string | null, before: RunState | null): Promise<void> {
  const after = await runState(db, runId);
  await recordEvents(db, [
    { projectId: after.projectId, documentId: null, actorId, entity: 'RUN', entityId: runId, ...changeOf(before?.snapshot, after.snapshot) },
  ]);
}

/** Changes a run's row and records it, in one transaction. */
export async function updateRunOnRecord(db: PrismaClient, runId: string, actorId: string | null, data: Prisma.RecommenderRunUpdateInput): Promise<void> {
  await db.$transaction(async (tx) => {
    const before = await runState(tx, runId);
    await tx.recommenderRun.update({ where: { id: runId }, data });
    await recordRunChange(tx, runId, actorId, before);
  });
}
