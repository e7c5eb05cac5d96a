import type { DbClient, PrismaClient } from '@/lib/db/client';
import type { Role } from '@/lib/generated/prisma/enums';
import { conflict, notFound } from '@/lib/http/errors';
import { normalizeEmail } from '@/lib/users/store';
import { recordInvitationEvent, recordMembershipEvent } from './events';
import { assertMayTouch, type Actor } from './store';

/**
 * Joining a project is the invitee's decision. An owner or manager invites an e-mail
 * address and gets the same answer whether or not it has an account (so inviting
 * cannot be used to find out who uses Glossa); the account with that address sees
 * the invitation on its home page and accepts or declines it. Glossa sends no mail:
 * the inviter tells the invitee, who signs up with that address if need be.
 */
const INVITATION_DAYS = 14;

const invitationSelect = { id: true, email: true, role: true, createdAt: true, expiresAt: true } as const;

export async function invite(db: PrismaClient, projectId: string, actor: Actor, rawEmail: string, role: Role) {
  assertMayTouch(actor.role, role);
  const email = normalizeEmail(rawEmail);
  const expiresAt = new Date(Date.now() + INVITATION_DAYS * 24 * 3600_000);
  return db.$transaction(async (tx) => {
    // Members are listed to whoever may invite, so saying so reveals nothing new.
    const member = await tx.membership.findFirst({ where: { projectId, user: { email } }, select: { role: true } });
    if (member) throw conflict(`${email} is already a member (role ${member.role}); change the role instead.`);
    // Inviting again renews the pending invitation instead of piling up copies.
    const pending = await tx.invitation.findFirst({ where: { projectId, email, ...pendingWhere() }, select: invitationSelect });
    // A manager may not rewrite an owner's OWNER invitation either.
    if (pending) assertMayTouch(actor.role, pending.role);
    const data = { role, expiresAt, invitedById: actor.userId };
    const invitation = pending
      ? await tx.invitation.update({ where: { id: pending.id }, data, select: invitationSelect })
      : await tx.invitation.create({ data: { projectId, email, ...data }, select: invitationSelect });
    await recordInvitationEvent(tx, projectId, actor.userId, invitation.id, {
      before: pending ? state(pending) : undefined,
      after: state(invitation),
    });
    return invitation;
  });
}

function pendingWhere(now = new Date()) {
  return { acceptedAt: null, declinedAt: null, expiresAt: { gt: now } };
}

/** Pending invitations of a project, for its owners and managers. */
export function listProjectInvitations(db: PrismaClient, projectId: string) {
  return db.invitation.findMany({ where: { projectId, ...pendingWhere() }, orderBy: { createdAt: 'asc' }, select: invitationSelect });
}

function state(invitation: { email: string; role: Role; expiresAt: Date }) {
  return { email: invitation.email, role: invitation.role, expiresAt: invitation.expiresAt };
}

export async function cancelInvitation(db: PrismaClient, projectId: string, actor: Actor, invitationId: string): Promise<void> {
  await db.$transaction(async (tx) => {
    const invitation = await tx.invitation.findFirst({ where: { id: invitationId, projectId, ...pendingWhere() }, select: invitationSelect });
    if (!invitation) throw notFound('Invitation');
    assertMayTouch(actor.role, invitation.role);
    await tx.invitation.delete({ where: { id: invitationId } });
    await recordInvitationEvent(tx, projectId, actor.userId, invitationId, { before: state(invitation) });
  });
}

/** The pending invitations addressed to a user's e-mail, with what they need to decide. */
export async function listMyInvitations(db: PrismaClient, userId: string) {
  const user = await db.user.findUniqueOrThrow({ where: { id: userId }, select: { email: true } });
  const rows = await db.invitation.findMany({
    where: { email: user.email, ...pendingWhere() },
    orderBy: { createdAt: 'asc' },
    select: { ...invitationSelect, project: { select: { id: true, name: true } }, invitedBy: { select: { name: true } } },
  });
  return rows.map(({ invitedBy, ...row }) => ({ ...row, invitedBy: invitedBy?.name ?? null }));
}

/**
 * Accepts one of the caller's pending invitations: the membership and the acceptance
 * are one transaction, and the row lock makes a double click one membership. Someone
 * else's invitation is "not found", like one that does not exist.
 */
export async function acceptInvitation(db: PrismaClient, userId: string, invitationId: string) {
  return db.$transaction(async (tx) => {
    const invitation = await lockOwnPending(tx, userId, invitationId);
    const existing = await tx.membership.findUnique({ where: { projectId_userId: { projectId: invitation.projectId, userId } }, select: { role: true } });
    if (!existing) {
      await tx.membership.create({ data: { projectId: invitation.projectId, userId, role: invitation.role } });
      await recordMembershipEvent(tx, invitation.projectId, userId, { after: { userId, role: invitation.role } });
    }
    await answer(tx, userId, invitationId, invitation, { acceptedAt: new Date() });
    // Already a member (added meanwhile by an admin): the existing role stands.
    return { projectId: invitation.projectId, role: existing?.role ?? invitation.role };
  });
}

export async function declineInvitation(db: PrismaClient, userId: string, invitationId: string): Promise<void> {
  await db.$transaction(async (tx) => {
    const invitation = await lockOwnPending(tx, userId, invitationId);
    await answer(tx, userId, invitationId, invitation, { declinedAt: new Date() });
  });
}

async function answer(tx: DbClient, userId: string, invitationId: string, invitation: PendingRow, data: { acceptedAt: Date } | { declinedAt: Date }) {
  const after = await tx.invitation.update({ where: { id: invitationId }, data, select: { ...invitationSelect, acceptedAt: true, declinedAt: true } });
  // It was pending (lockOwnPending): unanswered before, answered after.
  await recordInvitationEvent(tx, invitation.projectId, userId, invitationId, {
    before: { ...state(after), acceptedAt: null, declinedAt: null },
    after: { ...state(after), acceptedAt: after.acceptedAt, declinedAt: after.declinedAt },
  });
}

interface PendingRow {
  projectId: string;
  role: Role;
}

async function lockOwnPending(tx: DbClient, userId: string, invitationId: string) {
  const [invitation] = await tx.$queryRaw<Array<PendingRow & { pending: boolean }>>`
    SELECT i."projectId", i.role::text AS role,
           (i."acceptedAt" IS NULL AND i."declinedAt" IS NULL AND i."expiresAt" > now()) AS pending
    FROM "Invitation" i JOIN "User" u ON u.email = i.email
    WHERE i.id = ${invitationId} AND u.id = ${userId}
    FOR UPDATE OF i`;
  if (!invitation) throw notFound('Invitation');
  if (!invitation.pending) throw conflict('This invitation was already answered or has expired; ask for a new one.');
  return invitation;
}
