import type { PrismaClient } from '@/lib/db/client';
import { Prisma } from '@/lib/generated/prisma/client';

interface RelationRow {
  documentId: string;
  authorId: string;
  labelId: string;
  sourceId: string;
  targetId: string;
}

/** The annotators' live relations of the project's documents, by document (read as the spans are, document by document). */
export function annotatorRelations(db: PrismaClient, projectId: string): Promise<Map<string, RelationRow[]>> {
  return liveAnnotatorRows<RelationRow>(db, projectId, 'Relation', ['documentId', 'authorId', 'labelId', 'sourceId', 'targetId']);
}

/**
 * The annotators' live rows of `table` (spans or relations) in the project's documents, by document.
 * Read document by document through the (documentId, authorId) index: a list of the project's
 * document ids lets PostgreSQL scan the whole table instead (2 s for a 250,000-span project among
 * 10 million, against 0.2 s this way; bench/RESULTS.md). OFFSET 0 keeps the subquery from being
 * flattened into a join the planner would cost the same way. `columns` are code constants, never input.
 */
export async function liveAnnotatorRows<T extends { documentId: string }>(
  db: PrismaClient,
  projectId: string,
  table: 'Annotation' | 'Relation',
  columns: readonly (keyof T & string)[],
): Promise<Map<string, T[]>> {
  const rows = await db.$queryRaw<T[]>`
    SELECT ${Prisma.raw(columns.map((column) => `x."${column}"`).join(', '))}
    FROM "Document" d
    CROSS JOIN LATERAL (
      SELECT * FROM ${Prisma.raw(`"${table}"`)} x
      WHERE x."documentId" = d.id AND x."authorId" IS NOT NULL AND x."deletedAt" IS NULL
      OFFSET 0) x
    WHERE d."projectId" = ${projectId} AND d."deletedAt" IS NULL`;
  return groupByDocument(rows);
}

/** Rows of several documents, by document, in the order read. */
export function groupByDocument<T extends { documentId: string }>(rows: T[]): Map<string, T[]> {
  const byDocument = new Map<string, T[]>();
  for (const row of rows) {
    const list = byDocument.get(row.documentId);
    if (list) list.push(row);
    else byDocument.set(row.documentId, [row]);
  }
  return byDocument;
}

/**
 * The relations whose endpoints are both among `spans`, with those spans, and how many are not.
 * Deleting a span deletes its relations, but rows written around the service (generated bench
 * data, old imports) can point at a deleted span: callers leave such a relation out and say so.
 */
export function liveRelations<R extends { sourceId: string; targetId: string }, S>(
  relations: readonly R[],
  spans: ReadonlyMap<string, S>,
): { live: (R & { source: S; target: S })[]; dangling: number } {
  const live = relations.flatMap((r) => {
    const source = spans.get(r.sourceId);
    const target = spans.get(r.targetId);
    return source && target ? [{ ...r, source, target }] : [];
  });
  return { live, dangling: relations.length - live.length };
}
