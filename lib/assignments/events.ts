import type { EventChange, EventInput } from '@/lib/events/log';
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
  return { projectId, documentId: row.documentId, actorId, entity: 'ASSIGNMENT', entityId: row.id, ...change(before, after) };
}

function change(before: AssignmentRow | null, after: AssignmentRow | null): EventChange {
  if (before && after) return { action: 'UPDATE', before: json(before), after: json(after) };
  if (after) return { action: 'CREATE', after: json(after) };
  return { action: 'DELETE', before: json(before!) };
}

function json(row: AssignmentRow): Prisma.InputJsonObject {
  return JSON.parse(JSON.stringify(row)) as Prisma.InputJsonObject;
}
