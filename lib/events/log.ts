import type { DbClient } from '@/lib/db/client';
import type { Prisma } from '@/lib/generated/prisma/client';
import type { EventAction, EventEntity } from '@/lib/generated/prisma/enums';

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

export async function recordEvents(db: DbClient, events: EventInput[]): Promise<void> {
  if (events.length > 0) await db.event.createMany({ data: events });
}
