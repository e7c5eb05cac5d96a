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
