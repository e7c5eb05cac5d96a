import type { PrismaClient } from '@/lib/db/client';
import { Prisma } from '@/lib/generated/prisma/client';
import type { DashboardScope } from './scope';
import { cumulate, type TimelineDay } from './timeline';

type DayRow = { day: string; count: number };

/**
 * A document counts as submitted on the day its last assignment (in scope) was submitted, once all
 * of them are: a document reopened by anyone leaves the count until it is submitted again. Days are
 * UTC calendar days (timestamps are stored in UTC). The assignments are read per document (LATERAL,
 * through Assignment's (documentId, userId) key): a plain join lets PostgreSQL scan every assignment
 * of every project once the project is a few percent of the table (bench/RESULTS.md, progress page).
 */
function submittedPerDay(db: PrismaClient, projectId: string, scope: DashboardScope): Promise<DayRow[]> {
  const whose = scope.kind === 'all' ? Prisma.empty : Prisma.sql`AND a."userId" = ${scope.userId}`;
  return db.$queryRaw<DayRow[]>`
    SELECT to_char(done.at, 'YYYY-MM-DD') AS day, count(*)::int AS count
    FROM "Document" d
    CROSS JOIN LATERAL (
      SELECT max(a."submittedAt") AS at, bool_and(a.status = 'SUBMITTED' AND a."submittedAt" IS NOT NULL) AS complete
      FROM "Assignment" a WHERE a."documentId" = d.id ${whose}) done
    WHERE d."projectId" = ${projectId} AND d."deletedAt" IS NULL AND done.complete
    GROUP BY 1`;
}

function adjudicatedPerDay(db: PrismaClient, projectId: string): Promise<DayRow[]> {
  return db.$queryRaw<DayRow[]>`
    SELECT to_char(d."adjudicatedAt", 'YYYY-MM-DD') AS day, count(*)::int AS count
    FROM "Document" d
    WHERE d."projectId" = ${projectId} AND d."deletedAt" IS NULL AND d."adjudicatedAt" IS NOT NULL
    GROUP BY 1`;
}

/** Documents submitted and adjudicated per day with running totals; adjudication is left out of a blind annotator's view. */
export async function progressOverTime(db: PrismaClient, projectId: string, scope: DashboardScope): Promise<TimelineDay[]> {
  const [submitted, adjudicated] = await Promise.all([
    submittedPerDay(db, projectId, scope),
    scope.kind === 'all' ? adjudicatedPerDay(db, projectId) : Promise.resolve([]),
  ]);
  return cumulate(submitted, adjudicated);
}
