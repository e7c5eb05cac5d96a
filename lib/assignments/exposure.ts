import type { ProjectAccess } from '@/lib/access/project-access';
import { can } from '@/lib/access/policy';
import type { PrismaClient } from '@/lib/db/client';
import { recordEvents } from '@/lib/events/log';

/** What was shown: the gold layer, or another annotator's layer (blind mode off). */
type ExposureKind = 'GOLD' | 'OTHERS';

/**
 * Records the first time gold or another annotator's work is shown to an annotator for a
 * document (once per kind; later reads change nothing), with its event. From then on their
 * changes to the document are flagged after-gold (writable.ts) and their own reopen is
 * refused. Curators, managers and owners see everything anyway and are never recorded.
 */
export async function recordExposure(db: PrismaClient, access: ProjectAccess, userId: string, documentId: string, what: ExposureKind): Promise<void> {
  if (can(access.role, 'work:read-others')) return;
  await db.$transaction(async (tx) => {
    const [created] = await tx.goldExposure.createManyAndReturn({ data: [{ documentId, userId, what }], skipDuplicates: true });
    if (!created) return;
    await recordEvents(tx, [
      {
        projectId: access.projectId,
        documentId,
        actorId: userId,
        entity: 'EXPOSURE',
        entityId: created.id,
        action: 'CREATE',
        after: { documentId, userId, what, firstShownAt: created.firstShownAt.toISOString() },
      },
    ]);
  });
}
