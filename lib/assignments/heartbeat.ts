import type { PrismaClient } from '@/lib/db/client';
import { notFound } from '@/lib/http/errors';
import { afterBeat } from './active-time';

/**
 * One heartbeat of the caller's editor on a document they are assigned: the row is locked, so
 * two tabs beating at once add their gaps one after the other. Not an event: the clock is a
 * measurement of the annotator, not a change to the data. 404 when they have no assignment.
 */
export async function recordHeartbeat(db: PrismaClient, documentId: string, userId: string, end: boolean, now = new Date()) {
  return db.$transaction(async (tx) => {
    const [row] = await tx.$queryRaw<{ id: string; activeSeconds: number; lastBeatAt: Date | null }[]>`
      SELECT id, "activeSeconds", "lastBeatAt" FROM "Assignment" WHERE "documentId" = ${documentId} AND "userId" = ${userId} FOR UPDATE`;
    if (!row) throw notFound('Your assignment to this document');
    const clock = afterBeat(row, now, end);
    await tx.assignment.update({ where: { id: row.id }, data: clock });
    return { activeSeconds: clock.activeSeconds };
  });
}
