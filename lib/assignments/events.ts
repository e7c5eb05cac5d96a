import { changeOf, type EventInput } from '@/lib/events/log';
import type { Prisma } from '@/lib/generated/prisma/client';

/** The assignment columns every reader, writer and event of lib/assignments uses. */
export const assignmentFields = {
  id: true,
  documentId: true,
  userId: true,
  status: true,
  assignedAt: true,
  startedAt: true,
  submittedAt: true,
  afterGoldAt: true,
} as const satisfies Prisma.AssignmentSelect;

export type AssignmentRow = Prisma.AssignmentGetPayload<{ select: typeof assignmentFields }>;

/** Assignment created, removed, submitted, reopened or flagged after-gold: one event with its state before and after. */
export function assignmentEvent(projectId: string, actorId: string, before: AssignmentRow | null, after: AssignmentRow | null): EventInput {
  const row = (after ?? before)!;
  return { projectId, documentId: row.documentId, actorId, entity: 'ASSIGNMENT', entityId: row.id, ...changeOf(before, after) };
}
