import type { DbClient } from '@/lib/db/client';
import { Prisma } from '@/lib/generated/prisma/client';
import type { ExportFilters, ExportSource } from './options';

/**
 * The SQL that picks an export's documents and whose annotations come with them. Withdrawn
 * documents and soft-deleted annotations never qualify, whatever the filters.
 */

export interface Selection {
  projectId: string;
  source: ExportSource;
  filters: ExportFilters;
}

/** The WHERE clause over `"Document" d`. */
export function documentWhere({ projectId, source, filters }: Selection): Prisma.Sql {
  const conditions = [Prisma.sql`d."projectId" = ${projectId}`, Prisma.sql`d."deletedAt" IS NULL`];
  if (filters.documents) conditions.push(Prisma.sql`d.id = ANY(${filters.documents}::text[])`);
  for (const [key, value] of Object.entries(filters.metadata ?? {})) conditions.push(Prisma.sql`d.metadata ->> ${key} = ${value}`);
  const assignee = filters.assignee ?? (filters.status && source.kind === 'annotator' ? source.userId : undefined);
  if (assignee !== undefined || filters.status !== undefined) {
    const assignment = [Prisma.sql`s."documentId" = d.id`];
    if (assignee !== undefined) assignment.push(Prisma.sql`s."userId" = ${assignee}`);
    if (filters.status !== undefined) assignment.push(Prisma.sql`s.status = ${filters.status}::"AssignmentStatus"`);
    conditions.push(Prisma.sql`EXISTS (SELECT 1 FROM "Assignment" s WHERE ${Prisma.join(assignment, ' AND ')})`);
  }
  return Prisma.join(conditions, ' AND ');
}

/** Restricts annotation-like rows aliased `alias` to the source's author layer. */
export function authorCondition(source: ExportSource, alias: string): Prisma.Sql {
  const column = Prisma.raw(`${alias}."authorId"`);
  if (source.kind === 'gold') return Prisma.sql`${column} IS NULL`;
  if (source.kind === 'annotator') return Prisma.sql`${column} = ${source.userId}`;
  return Prisma.sql`TRUE`;
}

export async function countDocuments(db: DbClient, selection: Selection): Promise<number> {
  const [row] = await db.$queryRaw<{ count: bigint | number }[]>`SELECT count(*) AS count FROM "Document" d WHERE ${documentWhere(selection)}`;
  const total = Number(row?.count ?? 0);
  return selection.filters.limit === undefined ? total : Math.min(total, selection.filters.limit);
}

/** Whether the project has any gold span, relation or document answer on a live document. */
export async function hasGold(db: DbClient, projectId: string): Promise<boolean> {
  const rows = await db.$queryRaw<unknown[]>`
    SELECT 1 FROM "Document" d
    WHERE d."projectId" = ${projectId} AND d."deletedAt" IS NULL AND (
      EXISTS (SELECT 1 FROM "Annotation" a WHERE a."documentId" = d.id AND a."authorId" IS NULL AND a."deletedAt" IS NULL)
      OR EXISTS (SELECT 1 FROM "Relation" r WHERE r."documentId" = d.id AND r."authorId" IS NULL AND r."deletedAt" IS NULL)
      OR EXISTS (SELECT 1 FROM "DocumentLabel" l WHERE l."documentId" = d.id AND l."authorId" IS NULL AND l."deletedAt" IS NULL))
    LIMIT 1`;
  return rows.length > 0;
}
