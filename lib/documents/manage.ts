import type { PrismaClient } from '@/lib/db/client';
import { changeOf, recordEvents } from '@/lib/events/log';
import { documentSnapshot } from '@/lib/events/snapshots';
import { notFound } from '@/lib/http/errors';

/**
 * What managers change on a document after import: its name, and whether it is in the project
 * at all (withdrawn documents leave lists, queues and exports; their text, annotations and
 * history stay). Each change is an event with the document's state before and after.
 */

const stateSelect = { id: true, projectId: true, name: true, deletedAt: true } as const;

export async function renameDocument(db: PrismaClient, actorId: string | null, documentId: string, name: string) {
  return db.$transaction(async (tx) => {
    const before = await tx.document.findFirst({ where: { id: documentId, deletedAt: null }, select: stateSelect });
    if (!before) throw notFound('Document');
    if (before.name === name) return { id: before.id, name: before.name };
    const after = await tx.document.update({ where: { id: documentId }, data: { name }, select: stateSelect });
    await recordEvents(tx, [
      {
        projectId: after.projectId,
        documentId,
        actorId,
        entity: 'DOCUMENT',
        entityId: documentId,
        ...changeOf(documentSnapshot(before), documentSnapshot(after)),
      },
    ]);
    return { id: after.id, name: after.name };
  });
}

/** Withdraws a document from lists and exports; its annotations and history stay in the database. */
export async function withdrawDocument(db: PrismaClient, documentId: string, actorId: string | null = null): Promise<void> {
  await db.$transaction(async (tx) => {
    const before = await tx.document.findFirst({ where: { id: documentId, deletedAt: null }, select: stateSelect });
    if (!before) throw notFound('Document');
    await tx.document.update({ where: { id: documentId }, data: { deletedAt: new Date() } });
    await recordEvents(tx, [
      { projectId: before.projectId, documentId, actorId, entity: 'DOCUMENT', entityId: documentId, ...changeOf(documentSnapshot(before), null) },
    ]);
  });
}
