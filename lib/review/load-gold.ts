import type { PrismaClient } from '@/lib/db/client';

interface GoldRow {
  documentId: string;
  start: number;
  end: number;
  labelId: string;
}

/**
 * The gold spans of the project's adjudicated documents, by document; an adjudicated document
 * without gold spans has an empty list (its gold says "nothing here"), a document not yet
 * adjudicated has none, so annotators are compared with gold only where there is one. Read
 * document by document through the (documentId, authorId) index, as the annotators' spans are.
 */
export async function adjudicatedGold(db: PrismaClient, projectId: string): Promise<Map<string, GoldRow[]>> {
  const [documents, rows] = await Promise.all([
    db.document.findMany({ where: { projectId, deletedAt: null, adjudicatedAt: { not: null } }, select: { id: true } }),
    db.$queryRaw<GoldRow[]>`
      SELECT a."documentId", a.start, a."end", a."labelId"
      FROM "Document" d
      CROSS JOIN LATERAL (
        SELECT * FROM "Annotation" a
        WHERE a."documentId" = d.id AND a."authorId" IS NULL AND a."deletedAt" IS NULL
        OFFSET 0) a
      WHERE d."projectId" = ${projectId} AND d."deletedAt" IS NULL AND d."adjudicatedAt" IS NOT NULL`,
  ]);
  const gold = new Map(documents.map((d) => [d.id, [] as GoldRow[]]));
  for (const row of rows) gold.get(row.documentId)?.push(row);
  return gold;
}
