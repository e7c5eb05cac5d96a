import type { DbClient } from '@/lib/db/client';
import type { Role } from '@/lib/generated/prisma/enums';
import { changeOf, recordEvents } from '@/lib/events/log';

/**
 * Membership and invitation changes in the project's event log, like every other
 * change: who did it, and the state before and after. A membership is identified by
 * its user (one membership per user and project).
 */
interface MembershipState {
  userId: string;
  role: Role;
}

export function recordMembershipEvent(
  db: DbClient,
  projectId: string,
  actorId: string,
  change: { before?: MembershipState; after?: MembershipState },
): Promise<void> {
  const userId = (change.after ?? change.before)!.userId;
  return recordEvents(db, [{ projectId, documentId: null, actorId, entity: 'MEMBERSHIP', entityId: userId, ...changeOf(change.before, change.after) }]);
}

interface InvitationState {
  email: string;
  role: Role;
  expiresAt: Date;
  acceptedAt?: Date | null;
  declinedAt?: Date | null;
}

export function recordInvitationEvent(
  db: DbClient,
  projectId: string,
  actorId: string,
  invitationId: string,
  change: { before?: InvitationState; after?: InvitationState },
): Promise<void> {
  return recordEvents(db, [{ projectId, documentId: null, actorId, entity: 'INVITATION', entityId: invitationId, ...changeOf(change.before, change.after) }]);
}
