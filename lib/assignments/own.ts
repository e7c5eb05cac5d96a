import type { PrismaClient } from '@/lib/db/client';
import type { AssignmentStatus } from '@/lib/generated/prisma/enums';

const select = { status: true, assignedAt: true, startedAt: true, submittedAt: true } as const;

/** The caller's own progress on a document; working on an unassigned document counts as taking it on. */
export async function getOwnAssignment(db: PrismaClient, documentId: string, userId: string) {
  return db.assignment.findUnique({ where: { documentId_userId: { documentId, userId } }, select });
}

export async function setOwnStatus(db: PrismaClient, documentId: string, userId: string, status: Exclude<AssignmentStatus, 'ASSIGNED'>) {
  const now = new Date();
  const stamps = status === 'SUBMITTED' ? { submittedAt: now } : { submittedAt: null };
  return db.assignment.upsert({
    where: { documentId_userId: { documentId, userId } },
    create: { documentId, userId, status, startedAt: now, ...stamps },
    update: { status, ...stamps },
    select,
  });
}
