import { can } from '@/lib/access/policy';
import { inDocument } from '@/lib/annotations/service';
import type { PrismaClient } from '@/lib/db/client';
import { recordEvents } from '@/lib/events/log';
import type { ProjectAccess } from '@/lib/access/project-access';
import { forbidden, notFound, validationFailed } from '@/lib/http/errors';
import { assignmentEvent, assignmentFields, type AssignmentRow } from './events';
import type { SettableStatus } from './statuses';
import { loadLayerState, mayReopenOwn, selfAssign, type LayerActor, type LayerState } from './state';

/** An assignment as its annotator sees it, with what they may still do. */
function describeAssignment(access: ProjectAccess, state: LayerState, row: AssignmentRow) {
  const { status, assignedAt, startedAt, submittedAt, afterGoldAt } = row;
  return {
    status,
    assignedAt,
    startedAt,
    submittedAt,
    afterGoldAt,
    goldShownAt: state.goldShownAt,
    mayReopen: status === 'SUBMITTED' && mayReopenOwn(access, state),
  };
}

type AssignmentView = ReturnType<typeof describeAssignment>;

/** The caller's own assignment on a document, or null when they have none. */
export async function readOwnAssignment(db: PrismaClient, actor: LayerActor, documentId: string): Promise<AssignmentView | null> {
  const state = await loadLayerState(db, documentId, actor.userId);
  return state.assignment && describeAssignment(actor.access, state, state.assignment);
}

/**
 * Submit or reopen. Annotators submit and reopen their own work, reopening only while no gold
 * was shown to them; curators and managers reopen anyone's (`userId`). Runs under the
 * document's write lock, so no write of the annotator's can land after the submit it races.
 */
export async function changeStatus(
  db: PrismaClient,
  actor: LayerActor,
  documentId: string,
  status: SettableStatus,
  userId = actor.userId,
): Promise<AssignmentView> {
  const forOther = userId !== actor.userId;
  if (forOther && !can(actor.access.role, 'work:reopen'))
    throw forbidden(`Your role (${actor.access.role}) does not allow reopening another annotator's work.`);
  if (forOther && status !== 'IN_PROGRESS')
    throw validationFailed('Only annotators submit their own work; a curator or manager may reopen it (status IN_PROGRESS).', [
      { path: 'body.status', message: 'only IN_PROGRESS with userId' },
    ]);
  return inDocument(db, documentId, async (tx) => {
    const state = await loadLayerState(tx, documentId, userId);
    const current = state.assignment;
    if (!current) {
      if (forOther) throw notFound('Assignment');
      return describeAssignment(actor.access, state, await selfAssign(tx, actor, documentId, state, status));
    }
    if (current.status === status) return describeAssignment(actor.access, state, current);
    if (status === 'IN_PROGRESS' && current.status === 'SUBMITTED' && !mayReopenOwn(actor.access, state)) {
      throw forbidden(
        `Gold was shown to you for this document (first on ${state.goldShownAt!.toISOString()}), so only a curator or manager can reopen it now.`,
      );
    }
    const now = new Date();
    const updated = await tx.assignment.update({
      where: { id: current.id },
      data: { status, startedAt: current.startedAt ?? now, submittedAt: status === 'SUBMITTED' ? now : null },
      select: assignmentFields,
    });
    await recordEvents(tx, [assignmentEvent(state.projectId, actor.userId, current, updated)]);
    return describeAssignment(actor.access, state, updated);
  });
}
