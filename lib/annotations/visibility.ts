import type { ProjectAccess } from '@/lib/access/project-access';
import type { DbClient } from '@/lib/db/client';
import { forbidden } from '@/lib/http/errors';

/** Whose layer a request reads: one annotator (`userId`), the gold layer (null), or everyone (`all`). */
export type AuthorFilter = { kind: 'user'; userId: string } | { kind: 'gold' } | { kind: 'all' };

export function parseAuthorFilter(value: string | undefined, callerId: string): AuthorFilter {
  if (value === undefined || value === 'me') return { kind: 'user', userId: callerId };
  if (value === 'gold') return { kind: 'gold' };
  if (value === 'all') return { kind: 'all' };
  return { kind: 'user', userId: value };
}

/**
 * Blind mode: annotators read only their own layer. Gold opens to them once they
 * submitted the document, if the project shows gold ("compare with gold").
 */
export async function assertCanRead(db: DbClient, access: ProjectAccess, callerId: string, documentId: string, filter: AuthorFilter): Promise<void> {
  if (access.seesOthersWork || (filter.kind === 'user' && filter.userId === callerId)) return;
  if (filter.kind === 'gold') {
    const [project, assignment] = await Promise.all([
      db.project.findUniqueOrThrow({ where: { id: access.projectId }, select: { showGoldToAnnotators: true } }),
      db.assignment.findUnique({ where: { documentId_userId: { documentId, userId: callerId } }, select: { status: true } }),
    ]);
    if (project.showGoldToAnnotators && assignment?.status === 'SUBMITTED') return;
    throw forbidden('Gold annotations become visible after you submit this document, if the project shows them.');
  }
  throw forbidden('Blind mode: annotators see only their own annotations until a manager lifts it.');
}

export function authorWhere(filter: AuthorFilter): { authorId?: string | null } {
  if (filter.kind === 'all') return {};
  return { authorId: filter.kind === 'gold' ? null : filter.userId };
}
