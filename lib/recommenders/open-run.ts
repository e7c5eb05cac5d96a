import { getPrisma } from '@/lib/db/client';
import { recordRunChange, updateRunOnRecord } from './run-events';
import { processDocument } from './run-document';
import { recommenderSelect, settingsOf } from './store';
import { FAST_KINDS, type Kind } from './types';

/**
 * "On document open": the editor's suggestions endpoint calls this before reading
 * suggestions. For each enabled fast recommender (string-match, compromise) of the document's
 * project without a current run for this document, it makes one now, synchronously, through
 * the same path as batch runs (run-document.ts). A run is current when it is newer than the
 * recommender's last change and — for string-match, which learns from everyone's work — newer
 * than the project's last event; string-match runs are per annotator, since in blind mode each
 * learns from their own spans. A recommender failure is stored on the run, never thrown: the
 * editor must open whatever a recommender does.
 */
export async function ensureOpenRun(documentId: string, userId: string): Promise<void> {
  const db = getPrisma();
  const document = await db.document.findFirst({ where: { id: documentId, deletedAt: null }, select: { projectId: true } });
  if (!document) return;
  const recommenders = await db.recommender.findMany({
    where: { projectId: document.projectId, deletedAt: null, enabled: true, kind: { in: [...FAST_KINDS] } },
    select: recommenderSelect,
  });
  if (recommenders.length === 0) return;
  // What a matcher learns from changed; a run's own events (RUN) change nothing it learns from, and counting them would start a run on every open.
  const lastEvent = await db.event.findFirst({
    where: { projectId: document.projectId, entity: { not: 'RUN' } },
    orderBy: { createdAt: 'desc' },
    select: { createdAt: true },
  });
  for (const recommender of recommenders) {
    const learns = (recommender.kind as Kind) === 'string-match';
    const since = learns && lastEvent && lastEvent.createdAt > recommender.updatedAt ? lastEvent.createdAt : recommender.updatedAt;
    const current = await db.recommenderRun.findFirst({
      where: {
        recommenderId: recommender.id,
        trigger: 'open',
        documentIds: { has: documentId },
        createdAt: { gt: since },
        status: { in: ['RUNNING', 'SUCCEEDED', 'FAILED'] },
        ...(learns ? { requestedById: userId } : {}),
      },
      select: { id: true },
    });
    if (current) continue;
    const run = await db.$transaction(async (tx) => {
      const created = await tx.recommenderRun.create({
        data: {
          recommenderId: recommender.id,
          projectId: recommender.projectId,
          trigger: 'open',
          status: 'RUNNING',
          startedAt: new Date(),
          settings: settingsOf(recommender) as object,
          documentIds: [documentId],
          requestedById: userId,
        },
        select: { id: true },
      });
      await recordRunChange(tx, created.id, userId, null);
      return created;
    });
    try {
      await processDocument(db, run.id, documentId);
    } catch (error) {
      // Only the database can fail here (processDocument keeps a recommender's failures on the run); the editor opens regardless.
      console.error(`[glossa] open run ${run.id} of recommender ${recommender.id} failed:`, error);
      await updateRunOnRecord(db, run.id, null, { status: 'FAILED', finishedAt: new Date(), message: 'The run could not be stored.' }).catch(() => {});
    }
  }
}
