import type { ProjectAccess } from '@/lib/access/project-access';
import { can } from '@/lib/access/policy';
import { recordExposure } from '@/lib/assignments/exposure';
import type { PrismaClient } from '@/lib/db/client';
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
 * submitted the document, if the project shows gold ("compare with gold"). Whenever an
 * annotator is shown gold or someone else's layer, the first time is recorded
 * (lib/assignments/exposure.ts): their later changes no longer count as independent.
 */
async function assertCanRead(db: PrismaClient, access: ProjectAccess, callerId: string, documentId: string, filter: AuthorFilter): Promise<void> {
  if (filter.kind === 'user' && filter.userId === callerId) return;
  if (filter.kind === 'gold' && !access.seesOthersWork) {
    const [project, assignment] = await Promise.all([
      db.project.findUniqueOrThrow({ where: { id: access.projectId }, select: { showGoldToAnnotators: true } }),
      db.assignment.findUnique({ where: { documentId_userId: { documentId, userId: callerId } }, select: { status: true } }),
    ]);
    if (!project.showGoldToAnnotators || assignment?.status !== 'SUBMITTED') {
      throw forbidden('Gold annotations become visible after you submit this document, if the project shows them.');
    }
  } else if (!access.seesOthersWork) {
    throw forbidden('Blind mode: annotators see only their own annotations until a manager lifts it.');
  }
  await recordExposure(db, access, callerId, documentId, filter.kind === 'gold' ? 'GOLD' : 'OTHERS');
}

/**
 * Gold as an annotator receives it: gold items are copies of annotators' work, so their
 * provenance (`sourceIds`, other annotators' span ids) and copied attributes are withheld
 * from anyone who may not read others' work.
 */
export function shownTo<T extends { author: string; sourceIds: string[]; attributes: unknown }>(access: ProjectAccess, items: T[]): T[] {
  if (can(access.role, 'work:read-others')) return items;
  return items.map((item) => (item.author === 'gold' ? { ...item, sourceIds: [], attributes: {} } : item));
}

function authorWhere(filter: AuthorFilter): { authorId?: string | null } {
  if (filter.kind === 'all') return {};
  return { authorId: filter.kind === 'gold' ? null : filter.userId };
}

/** What every list of a document's work selects once the read is allowed (assertCanRead): its live items of the filtered layer. */
export async function readableWhere(db: PrismaClient, access: ProjectAccess, callerId: string, documentId: string, filter: AuthorFilter) {
  await assertCanRead(db, access, callerId, documentId, filter);
  return { documentId, deletedAt: null, ...authorWhere(filter) };
}
