import type { PrismaClient } from '@/lib/db/client';

export interface RelationRow {
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
  const byDocument = new Map<string, RelationRow[]>();
  for (const row of rows) {
    if (!byDocument.has(row.documentId)) byDocument.set(row.documentId, []);
    byDocument.get(row.documentId)!.push(row);
  }
  return byDocument;
}
