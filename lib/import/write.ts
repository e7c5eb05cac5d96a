import type { DbClient, PrismaClient } from '@/lib/db/client';
import { writeTokens } from '@/lib/documents/tokens';
import { recordEvents, type EventInput } from '@/lib/events/log';
import { annotationSnapshot, documentLabelSnapshot, relationSnapshot } from '@/lib/events/snapshots';
import type { Prisma } from '@/lib/generated/prisma/client';
import { conflict } from '@/lib/http/errors';
import { refusedMerges, type MergeTarget, layersOf } from './merge';
import type { ImportOptions } from './service';
import { readStaged, type Staged, type StagedDocument, type StagedMerge } from './staging';

/**
 * The second phase of an import (lib/import/service.ts): the checked, staged documents are
 * read back in chunks and stored, with their token boundaries and their events, in one
 * transaction. Documents, spans, relations and answers are written with multi-row inserts; the
 * events go through the shared recorder, so listeners hear about the import on commit.
 */
type WriteOptions = Pick<ImportOptions, 'projectId' | 'actorId' | 'allowDuplicates'>;

const CHUNK = 200;

/** Writes the staged documents in one transaction, bounded by `writeMs`: nothing in it waits on a client or a parser. */
export async function writeStaged(db: PrismaClient, staged: string, options: WriteOptions, writeMs: number): Promise<void> {
  await db.$transaction(
    async (tx) => {
      // Imports into one project write one at a time, so the duplicate check below sees every
      // import that committed since this one was checked.
      await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtext(${`glossa-import:${options.projectId}`}))`;
      const last = await tx.document.aggregate({ where: { projectId: options.projectId }, _max: { position: true } });
      let position = (last._max.position ?? -1) + 1;
      // Documents this import creates: merges onto them were checked against the batch, not the database.
      const created = new Set<string>();
      let chunk: Staged[] = [];
      for await (const entry of readStaged(staged)) {
        if ('merge' in entry) chunk.push(entry);
        else chunk.push({ ...entry, rows: { ...entry.rows, document: { ...entry.rows.document, position: position++ } } as StagedDocument['rows'] });
        if (chunk.length >= CHUNK) {
          await writeChunk(tx, chunk, options, created);
          chunk = [];
        }
      }
      if (chunk.length > 0) await writeChunk(tx, chunk, options, created);
    },
    { timeout: writeMs, maxWait: 30_000 },
  );
}

async function writeChunk(db: DbClient, chunk: Staged[], options: WriteOptions, created: Set<string>): Promise<void> {
  const fresh = chunk.filter((c): c is StagedDocument => !('merge' in c));
  const documents = fresh.map((c) => c.rows.document as Prisma.DocumentCreateManyInput);
  if (!options.allowDuplicates && documents.length > 0) await refuseRacingDuplicates(db, options.projectId, documents);
  for (const document of documents) created.add(document.id!);
  await refuseRacingMerges(
    db,
    chunk.filter((c): c is StagedMerge => 'merge' in c && !created.has(c.merge.documentId)),
  );
  const annotations = chunk.flatMap((c) => c.rows.annotations);
  const relations = chunk.flatMap((c) => c.rows.relations);
  const documentLabels = chunk.flatMap((c) => c.rows.documentLabels);
  if (documents.length > 0) {
    await db.document.createMany({ data: documents });
    // Stored once here because texts never change and agreement and CoNLL/HF exports need them.
    await writeTokens(
      db,
      fresh.map((c) => c.tokens),
    );
  }
  if (annotations.length) await db.annotation.createMany({ data: annotations });
  if (relations.length) await db.relation.createMany({ data: relations });
  if (documentLabels.length) await db.documentLabel.createMany({ data: documentLabels });
  const event = (entity: EventInput['entity'], row: { id?: string; documentId: string }, after: Prisma.InputJsonObject): EventInput => ({
    projectId: options.projectId,
    documentId: row.documentId,
    actorId: options.actorId,
    entity,
    entityId: row.id!,
    action: 'CREATE',
    after,
  });
  // Through the shared recorder and each kind's snapshot, so imported items read in the log like
  // items created any other way, and the import is announced to live listeners on commit.
  await recordEvents(db, [
    ...annotations.map((row) => event('ANNOTATION', row, annotationSnapshot(asCreated(row)))),
    ...relations.map((row) => event('RELATION', row, relationSnapshot(asCreated(row)))),
    ...documentLabels.map((row) => event('DOCUMENT_LABEL', row, documentLabelSnapshot(asCreated(row)))),
  ]);
}

/**
 * A document another import stored after this one was checked (the write lock is taken only
 * for the write): the report could no longer be right, so nothing is written and the client
 * is told to send the batch again, when the duplicate will be reported and skipped.
 */
async function refuseRacingDuplicates(db: DbClient, projectId: string, documents: Prisma.DocumentCreateManyInput[]): Promise<void> {
  const clash = await db.document.findFirst({
    where: { projectId, deletedAt: null, sha256: { in: documents.map((d) => d.sha256) } },
    select: { id: true, sha256: true },
  });
  if (clash) {
    throw conflict(
      `Nothing was imported: another import stored a document with the same text as ` +
        `"${documents.find((d) => d.sha256 === clash.sha256)?.name}" while this one was being checked; ` +
        `send it again to have the duplicate reported and skipped.`,
      { existingDocumentId: clash.id },
    );
  }
}

/**
 * Merges onto stored documents, checked again under each document's write lock (the lock every
 * annotation write takes, lib/annotations/service.ts): work stored or submitted in that layer
 * since the check refuses the whole import, as the check would have.
 */
async function refuseRacingMerges(db: DbClient, merges: StagedMerge[]): Promise<void> {
  if (merges.length === 0) return;
  const targets: MergeTarget[] = merges.map((m) => ({ ...m.merge, authorIds: layersOf(m.rows) }));
  // In one order, so two transactions locking the same documents cannot deadlock.
  for (const documentId of [...new Set(targets.map((t) => t.documentId))].sort()) {
    await db.$executeRaw`SELECT pg_advisory_xact_lock(hashtextextended(${documentId}, 0))`;
  }
  const refused = await refusedMerges(db, targets);
  if (refused.length > 0)
    throw conflict(
      `Nothing was imported: work changed while this import was being checked; ${refused[0]!.reason}. Send it again to have every refusal reported.`,
      { documentId: refused[0]!.target.documentId },
    );
}

/**
 * A row as the database stores it: createMany leaves the columns with defaults to PostgreSQL
 * (lib/import/prepare.ts sets every other column, ids included).
 */
function asCreated<T extends object>(row: T): Required<T> & typeof CREATED {
  return { ...CREATED, ...row } as Required<T> & typeof CREATED;
}
const CREATED = { version: 1, sourceIds: [] as string[], targetId: null, targetAnnotationId: null };
