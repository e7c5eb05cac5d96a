import type { PrismaClient } from '@/lib/db/client';

/**
 * Where a document stands in one annotator's queue: their assignments in project order (withdrawn
 * documents left out), the neighbours before and after it, and how many are not submitted yet.
 * A document outside their queue still gets the neighbours around its place, and no position.
 */
export interface QueuePlace {
  /** 1-based place of this document in the queue; null when it is not assigned to them. */
  position: number | null;
  total: number;
  /** Assigned and not submitted, this document included if it is one of them. */
  remaining: number;
  previous: { documentId: string; name: string } | null;
  next: { documentId: string; name: string } | null;
}

export async function queuePlace(db: PrismaClient, projectId: string, userId: string, documentId: string): Promise<QueuePlace> {
  const { position } = await db.document.findFirstOrThrow({ where: { id: documentId, projectId, deletedAt: null }, select: { position: true } });
  const mine = { userId, document: { projectId, deletedAt: null } };
  // Project order is (position, id): imports may leave positions equal.
  const earlier = { userId, document: { projectId, deletedAt: null, OR: [{ position: { lt: position } }, { position, id: { lt: documentId } }] } };
  const later = { userId, document: { projectId, deletedAt: null, OR: [{ position: { gt: position } }, { position, id: { gt: documentId } }] } };
  const neighbour = { documentId: true, document: { select: { name: true } } } as const;
  const [total, remaining, before, own, previous, next] = await Promise.all([
    db.assignment.count({ where: mine }),
    db.assignment.count({ where: { ...mine, status: { not: 'SUBMITTED' } } }),
    db.assignment.count({ where: earlier }),
    db.assignment.findFirst({ where: { userId, documentId }, select: { id: true } }),
    db.assignment.findFirst({ where: earlier, orderBy: [{ document: { position: 'desc' } }, { documentId: 'desc' }], select: neighbour }),
    db.assignment.findFirst({ where: later, orderBy: [{ document: { position: 'asc' } }, { documentId: 'asc' }], select: neighbour }),
  ]);
  const link = (row: typeof previous) => row && { documentId: row.documentId, name: row.document.name };
  return { position: own ? before + 1 : null, total, remaining, previous: link(previous), next: link(next) };
}
