import { Prisma } from '@/lib/generated/prisma/client';
import type { PrismaClient } from '@/lib/db/client';

/**
 * The project's spans of a label and/or whose quote contains a text, as a keyword-in-context
 * concordance: each with CONTEXT code points of text on either side (PostgreSQL's substr counts
 * characters, i.e. code points, like Glossa's offsets). In blind mode an annotator finds only
 * their own spans; members who see others' work find everyone's and gold.
 */
export const CONTEXT = 60;
export const MAX_HITS = 500;

export interface ConcordanceQuery {
  projectId: string;
  /** The caller; with `ownOnly` the only author searched. */
  userId: string;
  ownOnly: boolean;
  label?: string;
  quote?: string;
  limit: number;
}

export interface ConcordanceLine {
  annotationId: string;
  documentId: string;
  documentName: string;
  label: string;
  labelName: string;
  layer: string;
  /** A user's name, or "gold". */
  author: string;
  start: number;
  end: number;
  left: string;
  match: string;
  right: string;
}

/** `%`, `_` and `\` typed by the user are searched for, not used as wildcards. */
const likePattern = (text: string) => `%${text.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;

export async function concordance(db: PrismaClient, query: ConcordanceQuery): Promise<{ items: ConcordanceLine[]; truncated: boolean }> {
  const conditions = [
    Prisma.sql`d."projectId" = ${query.projectId}`,
    Prisma.sql`d."deletedAt" IS NULL`,
    Prisma.sql`a."deletedAt" IS NULL`,
    ...(query.label ? [Prisma.sql`l.key = ${query.label}`] : []),
    ...(query.quote ? [Prisma.sql`a.quote ILIKE ${likePattern(query.quote)}`] : []),
    ...(query.ownOnly ? [Prisma.sql`a."authorId" = ${query.userId}`] : []),
  ];
  const rows = await db.$queryRaw<(Omit<ConcordanceLine, 'author'> & { authorName: string | null; authorId: string | null })[]>`
    SELECT a.id AS "annotationId", a."documentId", d.name AS "documentName", l.key AS label, l.name AS "labelName", l.layer::text AS layer,
      a."authorId", u.name AS "authorName", a.start, a."end", a.quote AS match,
      substr(d.text, greatest(a.start - ${CONTEXT}, 0) + 1, least(a.start, ${CONTEXT})) AS "left",
      substr(d.text, a."end" + 1, ${CONTEXT}) AS "right"
    FROM "Annotation" a
    JOIN "Document" d ON d.id = a."documentId"
    JOIN "Label" l ON l.id = a."labelId"
    LEFT JOIN "User" u ON u.id = a."authorId"
    WHERE ${Prisma.join(conditions, ' AND ')}
    ORDER BY d.position, d.id, a.start, a."end", a.id
    LIMIT ${query.limit + 1}`;
  const items = rows
    .slice(0, query.limit)
    .map(({ authorName, authorId, ...line }) => ({ ...line, author: authorId === null ? 'gold' : (authorName ?? authorId) }));
  return { items, truncated: rows.length > query.limit };
}
