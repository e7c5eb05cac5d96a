import type { DbClient } from '@/lib/db/client';
import { Prisma } from '@/lib/generated/prisma/client';
import { conflict } from '@/lib/http/errors';
import type { LabelFact, TargetFact } from './invariants';
import { annotationFields, type AnnotationFields } from './serialize';

/**
 * The database side of SpanWriter (span-writer.ts): what a run of span writes reads once, and
 * the statements that store its outcome. Each function is one statement, because a transaction
 * runs its statements one after another and, under load, every round trip holds the document's
 * lock longer (bench/RESULTS.md, "Batched writes": a batch of 8 ran ~50 statements).
 */

/** An annotation as a writer holds it: its columns, and when it was deleted (null while live). */
export type SpanRow = AnnotationFields & { deletedAt: Date | null };

/** A relation's own columns (relationSnapshot's): what a span's delete cascades to and records, and the base of relations.ts's select. */
export const relationFields = {
  id: true,
  documentId: true,
  authorId: true,
  labelId: true,
  sourceId: true,
  targetId: true,
  attributes: true,
  origin: true,
  version: true,
  sourceIds: true,
} as const satisfies Prisma.RelationSelect;
export type RelationFields = Prisma.RelationGetPayload<{ select: typeof relationFields }>;

const spanColumns = Prisma.raw([...Object.keys(annotationFields), 'deletedAt'].map((column) => `a."${column}"`).join(', '));

/** The project's labels of every layer: a writer checks spans and relation types against them in memory. */
export function loadLabels(db: DbClient, projectId: string): Promise<LabelFact[]> {
  return db.label.findMany({ where: { projectId }, select: { id: true, key: true, layer: true, retired: true, sourceTypes: true, targetTypes: true } });
}

export function loadTargets(db: DbClient, projectId: string): Promise<TargetFact[]> {
  return db.target.findMany({ where: { projectId }, select: { id: true, retired: true } });
}

/**
 * The live spans of the document that operations addressing `ids` (and creating spans in the
 * caller's layer and, with `gold`, in the gold layer) will read: the rows addressed, and the
 * whole layer of the caller and of gold when gold is written or addressed, which the overlap
 * rule, stance targets and relation ends are checked against. One statement for all of it.
 */
export function loadSpans(db: DbClient, documentId: string, userId: string, ids: readonly string[], gold: boolean): Promise<SpanRow[]> {
  return db.$queryRaw<SpanRow[]>`
    SELECT ${spanColumns} FROM "Annotation" a
    WHERE a."documentId" = ${documentId} AND a."deletedAt" IS NULL
      AND (a.id = ANY(${ids}::text[]) OR a."authorId" = ${userId} OR (a."authorId" IS NULL AND (${gold} OR EXISTS (
        SELECT 1 FROM "Annotation" g
        WHERE g.id = ANY(${ids}::text[]) AND g."documentId" = ${documentId} AND g."authorId" IS NULL AND g."deletedAt" IS NULL))))`;
}

/** The live spans of one layer (a user id, or null for gold). */
export function loadLayer(db: DbClient, documentId: string, authorId: string | null): Promise<SpanRow[]> {
  return db.annotation.findMany({ where: { documentId, authorId, deletedAt: null }, select: { ...annotationFields, deletedAt: true } });
}

/** One live span of the document, whoever's it is, or null. */
export async function loadSpan(db: DbClient, documentId: string, id: string): Promise<SpanRow | null> {
  return db.annotation.findFirst({ where: { id, documentId, deletedAt: null }, select: { ...annotationFields, deletedAt: true } });
}

/** The live relations of one layer: relations link spans of one layer, so a span's relations are among them. */
export function loadRelations(db: DbClient, documentId: string, authorId: string | null): Promise<RelationFields[]> {
  return db.relation.findMany({ where: { documentId, authorId, deletedAt: null }, select: relationFields });
}

export interface SpanWrites {
  /** New spans in their final state (a span created and deleted in one run is stored deleted: its events name it). */
  created: SpanRow[];
  /** Stored spans in their final state, with the version they had when loaded. */
  changed: Array<{ row: SpanRow; storedVersion: number }>;
  /** Relations deleted with their spans, at `at`. */
  deletedRelations: string[];
  at: Date;
}

/**
 * Stores a run of span writes in at most three statements. Rows travel as JSON and become
 * "Annotation" rows through jsonb_populate_recordset, so every column a SpanRow holds is written
 * with its own type and a new column needs no change here. A changed row is written only where
 * it still has the version it was loaded with: every writer holds the document's lock, so a
 * miss means a writer that does not, and the run is refused rather than overwrite its change.
 */
export async function storeSpans(db: DbClient, writes: SpanWrites): Promise<void> {
  if (writes.created.length > 0) {
    await db.$executeRaw`INSERT INTO "Annotation" SELECT * FROM jsonb_populate_recordset(NULL::"Annotation", ${JSON.stringify(writes.created)}::jsonb)`;
  }
  if (writes.changed.length > 0) {
    const columns = Object.keys(writes.changed[0]!.row).filter((column) => !IMMUTABLE.has(column));
    const assignments = Prisma.raw(columns.map((column) => `"${column}" = n."${column}"`).join(', '));
    const updated = await db.$executeRaw`
      UPDATE "Annotation" a SET ${assignments}
      FROM jsonb_populate_recordset(NULL::"Annotation", ${JSON.stringify(writes.changed.map((c) => c.row))}::jsonb) n
      JOIN unnest(${writes.changed.map((c) => c.row.id)}::text[], ${writes.changed.map((c) => c.storedVersion)}::int[]) AS s(id, version) ON s.id = n.id
      WHERE a.id = n.id AND a.version = s.version AND a."deletedAt" IS NULL`;
    if (updated !== writes.changed.length) {
      throw conflict(`${writes.changed.length - updated} of these annotations changed while this request ran; reload and try again.`);
    }
  }
  if (writes.deletedRelations.length > 0) {
    await db.relation.updateMany({ where: { id: { in: writes.deletedRelations } }, data: { deletedAt: writes.at } });
  }
}

/** Columns a span keeps from its creation on. */
const IMMUTABLE = new Set(['id', 'documentId', 'authorId', 'createdAt']);
