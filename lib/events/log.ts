import type { DbClient } from '@/lib/db/client';
import type { Prisma } from '@/lib/generated/prisma/client';
import type { EventAction, EventEntity } from '@/lib/generated/prisma/enums';
import { CHANGES_CHANNEL, type ChangeNotice } from '@/lib/live/channel';

/** One row of the audit trail (DESIGN.md §2): who changed what, with the state before and after. */
export interface EventInput {
  projectId: string;
  documentId: string;
  actorId: string | null;
  entity: EventEntity;
  entityId: string;
  action: EventAction;
  before?: Prisma.InputJsonValue;
  after?: Prisma.InputJsonValue;
}

/**
 * Stores the events and announces them, one notice per document, in the same
 * transaction: PostgreSQL delivers NOTIFY only on commit, so listeners never hear
 * about a change that was rolled back.
 */
export async function recordEvents(db: DbClient, events: EventInput[]): Promise<void> {
  if (events.length === 0) return;
  await db.event.createMany({ data: events });
  for (const notice of notices(events)) {
    await db.$executeRaw`SELECT pg_notify(${CHANGES_CHANNEL}, ${JSON.stringify(notice)})`;
  }
}

function notices(events: EventInput[]): ChangeNotice[] {
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
