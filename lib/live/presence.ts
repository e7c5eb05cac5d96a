import type { DbClient } from '@/lib/db/client';
import { PRESENCE_CHANNEL } from './channel';

/**
 * Who has a document open, across every app instance: one row per open event stream.
 * Each instance refreshes its own rows in one statement per heartbeat (lib/live/hub.ts);
 * a row whose heartbeat stopped (its instance crashed) counts as gone after STALE_MS and
 * is swept. Every write announces itself on PRESENCE_CHANNEL in the same statement.
 */
export const HEARTBEAT_MS = 15_000;
const STALE_MS = 3 * HEARTBEAT_MS;

export interface PresentUser {
  id: string;
  name: string;
  /** Open streams (tabs) of this user on the document. */
  connections: number;
}

export async function join(db: DbClient, id: string, documentId: string, userId: string): Promise<void> {
  await db.$executeRaw`
    WITH joined AS (INSERT INTO "Presence" (id, "documentId", "userId", "lastSeenAt") VALUES (${id}, ${documentId},
      ${userId}, ${utc(new Date())}::timestamp) RETURNING "documentId")
    SELECT pg_notify(${PRESENCE_CHANNEL}, "documentId") FROM joined`;
}

export async function leave(db: DbClient, id: string): Promise<void> {
  await db.$executeRaw`
    WITH gone AS (DELETE FROM "Presence" WHERE id = ${id} RETURNING "documentId")
    SELECT pg_notify(${PRESENCE_CHANNEL}, "documentId") FROM gone`;
}

export interface PresenceRow {
  id: string;
  documentId: string;
  userId: string;
}

/**
 * Keeps this instance's rows fresh (re-creating any that another instance swept while the
 * database was away from us) and sweeps the rows of instances that stopped, telling
 * their documents.
 */
export async function heartbeat(db: DbClient, rows: PresenceRow[]): Promise<void> {
  const now = Date.now();
  const ids = rows.map((row) => row.id);
  await db.$executeRaw`
    WITH fresh AS (
      INSERT INTO "Presence" (id, "documentId", "userId", "lastSeenAt")
      SELECT r.id, r."documentId", r."userId", ${utc(new Date(now))}::timestamp
      FROM unnest(${ids}::text[], ${rows.map((row) => row.documentId)}::text[], ${rows.map((row) => row.userId)}::text[]) AS r(id, "documentId", "userId")
      -- A document or user deleted meanwhile took its rows with it; they stay gone.
      JOIN "Document" d ON d.id = r."documentId" JOIN "User" u ON u.id = r."userId"
      ON CONFLICT (id) DO UPDATE SET "lastSeenAt" = excluded."lastSeenAt"
    ),
    gone AS (
      DELETE FROM "Presence" WHERE "lastSeenAt" < ${utc(new Date(now - STALE_MS))}::timestamp AND id <> ALL(${ids}::text[]) RETURNING "documentId"
    )
    SELECT pg_notify(${PRESENCE_CHANNEL}, "documentId") FROM (SELECT DISTINCT "documentId" FROM gone) AS documents`;
}

export async function present(db: DbClient, documentId: string): Promise<PresentUser[]> {
  return db.$queryRaw<PresentUser[]>`
    SELECT u.id, u.name, count(*)::int AS connections
    FROM "Presence" p JOIN "User" u ON u.id = p."userId"
    WHERE p."documentId" = ${documentId} AND p."lastSeenAt" >= ${utc(new Date(Date.now() - STALE_MS))}::timestamp
    GROUP BY u.id, u.name ORDER BY u.id`;
}

// Like Prisma, the table holds the application's clock in UTC ("lastSeenAt" has no time
// zone); a literal cast to timestamp drops the "Z" instead of converting through the session's zone.
const utc = (date: Date) => date.toISOString();
