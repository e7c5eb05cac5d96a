import type { PrismaClient } from '@/lib/db/client';

interface RelationRow {
  documentId: string;
  authorId: string;
  labelId: string;
  sourceId: string;
  targetId: string;
}

/** The annotators' live relations of the project's documents, by document (read as the spans are, document by document). */
export async function annotatorRelations(db: PrismaClient, projectId: string): Promise<Map<string, RelationRow[]>> {
  const rows = await db.$queryRaw<RelationRow[]>`
    SELECT r."documentId", r."authorId", r."labelId", r."sourceId", r."targetId"
    FROM "Document" d
    CROSS JOIN LATERAL (
      SELECT * FROM "Relation" r
      WHERE r."documentId" = d.id AND r."authorId" IS NOT NULL AND r."deletedAt" IS NULL
      OFFSET 0) r
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
