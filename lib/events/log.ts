import type { DbClient } from '@/lib/db/client';
import type { Prisma } from '@/lib/generated/prisma/client';
import type { EventAction, EventEntity } from '@/lib/generated/prisma/enums';
import { CHANGES_CHANNEL, type ChangeNotice } from '@/lib/live/channel';

/**
 * One row of the audit trail: who changed what, with the state before (UPDATE, DELETE) and
 * after (CREATE, UPDATE), each taken with the entity's snapshot function (./snapshots). The
 * type makes a missing side a compile error.
 */
export type EventInput = {
  projectId: string;
  /** Null for project-level changes (memberships, invitations), which no document's live stream announces. */
  documentId: string | null;
  actorId: string | null;
  entity: EventEntity;
  entityId: string;
} & EventChange;

export type EventChange =
  | { action: Extract<EventAction, 'CREATE'>; before?: never; after: Prisma.InputJsonObject }
  | { action: Extract<EventAction, 'UPDATE'>; before: Prisma.InputJsonObject; after: Prisma.InputJsonObject }
  | { action: Extract<EventAction, 'DELETE'>; before: Prisma.InputJsonObject; after?: never };

/**
 * The change from one state of an entity to the next, as events store it: created (no state
 * before), deleted (none after) or updated. States become JSON as the column stores them
 * (dates as ISO strings), so an event reads back equal to what was recorded.
 */
export function changeOf(before: object | null | undefined, after: object | null | undefined): EventChange {
  const json = (state: object) => JSON.parse(JSON.stringify(state)) as Prisma.InputJsonObject;
  if (before && after) return { action: 'UPDATE', before: json(before), after: json(after) };
  if (after) return { action: 'CREATE', after: json(after) };
  if (before) return { action: 'DELETE', before: json(before) };
  throw new Error('an event needs a state before or after the change');
}

/**
 * Stores the events and announces them, one notice per document, in the same
 * transaction: PostgreSQL delivers NOTIFY only on commit, so listeners never hear
 * about a change that was rolled back. Every write calls this — it is the only path
 * into the Event table — so rows and notices go in one statement (one round trip)
 * instead of one per table and notice.
 */
export async function recordEvents(db: DbClient, events: EventInput[]): Promise<void> {
  if (events.length === 0) return;
  // Like Prisma, store the application's clock in UTC ("createdAt" has no time zone).
  const createdAt = new Date();
  const rows = JSON.stringify(events.map((event) => ({ ...event, createdAt })));
  const payloads = notices(events.filter((event): event is EventInput & { documentId: string } => event.documentId !== null)).map((notice) =>
    JSON.stringify(notice),
  );
  await db.$executeRaw`
    WITH stored AS (
      INSERT INTO "Event" ("projectId", "documentId", "actorId", entity, "entityId", action, before, after,
        "createdAt")
      SELECT "projectId", "documentId", "actorId", entity::"EventEntity", "entityId", action::"EventAction", before,
        after, "createdAt"
      FROM jsonb_to_recordset(${rows}::jsonb) AS e("projectId" text, "documentId" text, "actorId" text, entity text,
        "entityId" text, action text, before jsonb, after jsonb, "createdAt" timestamp)
    )
    SELECT pg_notify(${CHANGES_CHANNEL}, payload) FROM unnest(${payloads}::text[]) AS payload`;
}

function notices(events: Array<EventInput & { documentId: string }>): ChangeNotice[] {
  const byDocument = new Map<string, ChangeNotice>();
  for (const event of events) {
    const notice = byDocument.get(event.documentId) ?? { documentId: event.documentId, authors: [], actorId: event.actorId, entities: [] };
    byDocument.set(event.documentId, notice);
    const row = (event.after ?? event.before) as { authorId?: string | null } | undefined;
    const author = row?.authorId === undefined ? undefined : (row.authorId ?? 'gold');
    if (author !== undefined && !notice.authors.includes(author)) notice.authors.push(author);
    if (!notice.entities.includes(event.entity)) notice.entities.push(event.entity);
  }
  return [...byDocument.values()];
}
