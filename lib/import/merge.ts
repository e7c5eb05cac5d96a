import type { DbClient } from '@/lib/db/client';
import type { PreparedDocument } from './prepare';

/**
 * `duplicates=merge`: a document whose text the project already has (or an earlier document of
 * the same batch has) gives its annotations to that document instead of being skipped. This is
 * how a second annotator's file for the same texts gets in. Policy: a target layer (an author's,
 * or gold) that already holds work on the document is refused for that document, never mixed,
 * so the stored layer is exactly what one annotator made; and an annotator's SUBMITTED work is
 * read-only (lib/assignments/writable.ts), so nothing is merged into it.
 */
export type MergedRows = Pick<PreparedDocument, 'annotations' | 'relations' | 'documentLabels'>;

export interface MergeTarget {
  documentId: string;
  name: string;
  /** The layers the merged rows write into (null = gold). */
  authorIds: (string | null)[];
}

interface MergeRefusal<T extends MergeTarget = MergeTarget> {
  target: T;
  reason: string;
}

/** The rows of a prepared duplicate, pointed at the document they merge onto. */
export function ontoDocument(rows: MergedRows, documentId: string): MergedRows {
  return {
    annotations: rows.annotations.map((row) => ({ ...row, documentId })),
    relations: rows.relations.map((row) => ({ ...row, documentId })),
    documentLabels: rows.documentLabels.map((row) => ({ ...row, documentId })),
  };
}

export function layersOf(rows: MergedRows): (string | null)[] {
  const all = [...rows.annotations, ...rows.relations, ...rows.documentLabels].map((row) => row.authorId ?? null);
  return [...new Set(all)];
}

const layerName = (authorId: string | null) => (authorId === null ? 'the gold layer' : `the layer of member ${authorId}`);

/**
 * Which merges the stored documents refuse: a layer that already has live spans or answers (its
 * relations need its spans), or an annotator whose assignment is SUBMITTED. Made while checking,
 * to report every refusal, and again in the write transaction, for work stored meanwhile.
 */
export async function refusedMerges<T extends MergeTarget>(db: DbClient, targets: T[]): Promise<MergeRefusal<T>[]> {
  if (targets.length === 0) return [];
  const documentIds = [...new Set(targets.map((t) => t.documentId))];
  const [live, spans, answers, submitted] = await Promise.all([
    db.document.findMany({ where: { id: { in: documentIds }, deletedAt: null }, select: { id: true } }),
    db.annotation.findMany({
      where: { documentId: { in: documentIds }, deletedAt: null },
      distinct: ['documentId', 'authorId'],
      select: { documentId: true, authorId: true },
    }),
    db.documentLabel.findMany({
      where: { documentId: { in: documentIds }, deletedAt: null },
      distinct: ['documentId', 'authorId'],
      select: { documentId: true, authorId: true },
    }),
    db.assignment.findMany({ where: { documentId: { in: documentIds }, status: 'SUBMITTED' }, select: { documentId: true, userId: true } }),
  ]);
  const key = (documentId: string, authorId: string | null) => `${documentId}\u0000${authorId ?? ''}`;
  const withWork = new Set([...spans, ...answers].map((row) => key(row.documentId, row.authorId)));
  const isSubmitted = new Set(submitted.map((row) => key(row.documentId, row.userId)));
  const isLive = new Set(live.map((row) => row.id));
  const refusals: MergeRefusal<T>[] = [];
  for (const target of targets) {
    if (!isLive.has(target.documentId)) {
      refusals.push({ target, reason: `cannot merge onto document "${target.name}" (${target.documentId}): it was withdrawn` });
      continue;
    }
    for (const authorId of target.authorIds) {
      if (authorId !== null && isSubmitted.has(key(target.documentId, authorId))) {
        refusals.push({
          target,
          reason:
            `cannot merge onto existing document "${target.name}" (${target.documentId}): ` +
            `${layerName(authorId)} is SUBMITTED there and submitted work is read-only; reopen the assignment ` +
            `first, or import as a new document (allowDuplicates=true)`,
        });
      } else if (withWork.has(key(target.documentId, authorId))) {
        refusals.push({
          target,
          reason:
            `cannot merge onto existing document "${target.name}" (${target.documentId}): ` +
            `${layerName(authorId)} already has annotations there and layers are not mixed; import into ` +
            `another author's layer (author=<member id>), or as a new document (allowDuplicates=true)`,
        });
      }
    }
  }
  return refusals;
}
