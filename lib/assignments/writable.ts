import { can } from '@/lib/access/policy';
import type { DbClient } from '@/lib/db/client';
import { recordEvents } from '@/lib/events/log';
import type { AssignmentStatus } from '@/lib/generated/prisma/enums';
import { conflict } from '@/lib/http/errors';
import { assignmentEvent, assignmentFields } from './events';
import { loadLayerState, selfAssign, type LayerActor } from './state';

/**
 * The check every writer of an annotator's layer makes first, in its transaction (which holds
 * the document's lock, so a submit cannot slip in between):
 * - an unassigned document is refused (403) unless the project allows self-assignment;
 * - submitted work is read-only (409) for annotators: they reopen it first, and a curator
 *   decides whether they may once gold was shown to them;
 * - the first change after gold (or another annotator's work) was shown to them flags the
 *   assignment `afterGoldAt`, so agreement no longer counts the work as independent.
 * The gold layer (authorId null) has no assignment: writers check `gold:write` themselves.
 * Answers the assignment's status (null for gold), so a writer knows whether its first change
 * starts the assignment without asking again.
 */
export async function assertLayerWritable(tx: DbClient, actor: LayerActor, documentId: string, authorId: string | null): Promise<AssignmentStatus | null> {
  if (authorId === null) return null;
  const state = await loadLayerState(tx, documentId, authorId);
  const current = state.assignment;
  if (!current) return (await selfAssign(tx, actor, documentId, state, 'IN_PROGRESS')).status;
  if (current.status === 'SUBMITTED' && !can(actor.access.role, 'work:read-others')) {
    throw conflict('This document is SUBMITTED: your work on it is read-only. Reopen it to change it.', { status: current.status });
  }
  if (state.goldShownAt && !current.afterGoldAt) {
    const flagged = await tx.assignment.update({ where: { id: current.id }, data: { afterGoldAt: new Date() }, select: assignmentFields });
    await recordEvents(tx, [assignmentEvent(state.projectId, actor.userId, current, flagged)]);
  }
  return current.status;
}
