import type { ProjectAccess } from '@/lib/access/project-access';
import { can } from '@/lib/access/policy';
import type { DbClient } from '@/lib/db/client';
import { recordEvents } from '@/lib/events/log';
import type { Role } from '@/lib/generated/prisma/enums';
import { forbidden, notFound } from '@/lib/http/errors';
import { assignmentEvent, assignmentFields, type AssignmentRow } from './events';
import type { SettableStatus } from './statuses';

/** Whose layer is being touched, by whom, with what rights in the project. */
export interface LayerActor {
  userId: string;
  access: ProjectAccess;
}

/** One annotator's standing on one document: their assignment, and when gold was first shown to them. */
export interface LayerState {
  projectId: string;
  allowSelfAssignment: boolean;
  assignment: AssignmentRow | null;
  /** The first time gold or another annotator's work was shown to them for this document (GoldExposure). */
  goldShownAt: Date | null;
}

/**
 * One statement, because every write of an annotator's layer reads it inside its transaction
 * (where queries run one after the other, so three lookups would be three round trips).
 */
export async function loadLayerState(db: DbClient, documentId: string, userId: string): Promise<LayerState> {
  const [row] = await db.$queryRaw<Array<{ projectId: string; allowSelfAssignment: boolean; goldShownAt: Date | null; assignment: AssignmentJson | null }>>`
    SELECT p.id AS "projectId", p."allowSelfAssignment",
      (SELECT min(e."firstShownAt") FROM "GoldExposure" e WHERE e."documentId" = d.id AND e."userId" = ${userId}) AS "goldShownAt",
      (SELECT json_build_object('id', a.id, 'documentId', a."documentId", 'userId', a."userId", 'status', a.status, 'assignedAt', a."assignedAt",
                                'startedAt', a."startedAt", 'submittedAt', a."submittedAt", 'afterGoldAt', a."afterGoldAt")
       FROM "Assignment" a WHERE a."documentId" = d.id AND a."userId" = ${userId}) AS assignment
    FROM "Document" d JOIN "Project" p ON p.id = d."projectId"
    WHERE d.id = ${documentId} AND d."deletedAt" IS NULL`;
  if (!row) throw notFound('Document');
  return {
    projectId: row.projectId,
    allowSelfAssignment: row.allowSelfAssignment,
    goldShownAt: row.goldShownAt,
    assignment: row.assignment && assignmentOf(row.assignment),
  };
}

type AssignmentJson = { [K in keyof AssignmentRow]: AssignmentRow[K] extends Date | null ? string | null : AssignmentRow[K] };

/** json_build_object gives timestamps as text without a zone; like Prisma, they are UTC. */
function assignmentOf(json: AssignmentJson): AssignmentRow {
  const date = (value: string | null) => (value === null ? null : new Date(`${value}Z`));
  return {
    ...json,
    assignedAt: date(json.assignedAt)!,
    startedAt: date(json.startedAt),
    submittedAt: date(json.submittedAt),
    afterGoldAt: date(json.afterGoldAt),
  };
}

const NOT_ASSIGNED =
  'This document is not assigned to you, and this project does not let annotators assign ' +
  'themselves: ask a manager to assign it to you (or to turn on "Annotators may assign ' +
  'themselves").';

/** Whether a member may take on a document nobody assigned to them: if the project allows it, or if they may assign documents anyway (managers, owners). */
export function mayTakeOn(role: Role, allowSelfAssignment: boolean): boolean {
  return allowSelfAssignment || can(role, 'assignments:manage');
}

/**
 * An annotator taking on an unassigned document (see mayTakeOn), or a 403. The new
 * assignment is an event like any other, so a curator sees who chose their own documents.
 */
export async function selfAssign(db: DbClient, actor: LayerActor, documentId: string, state: LayerState, status: SettableStatus): Promise<AssignmentRow> {
  if (!mayTakeOn(actor.access.role, state.allowSelfAssignment)) throw forbidden(NOT_ASSIGNED);
  const now = new Date();
  const created = await db.assignment.create({
    data: {
      documentId,
      userId: actor.userId,
      status,
      startedAt: now,
      submittedAt: status === 'SUBMITTED' ? now : null,
      afterGoldAt: state.goldShownAt ? now : null,
    },
    select: assignmentFields,
  });
  await recordEvents(db, [assignmentEvent(state.projectId, actor.userId, null, created)]);
  return created;
}

/** Whether the annotator may reopen their own submitted work: only while nothing was shown to them. */
export function mayReopenOwn(access: ProjectAccess, state: LayerState): boolean {
  return can(access.role, 'work:reopen') || state.goldShownAt === null;
}
