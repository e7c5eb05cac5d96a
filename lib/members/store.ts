import type { DbClient, PrismaClient } from '@/lib/db/client';
import type { Role } from '@/lib/generated/prisma/enums';
import { conflict, forbidden, notFound } from '@/lib/http/errors';
import { normalizeEmail } from '@/lib/users/store';
import { mayTouchRole } from '@/lib/access/policy';
import { recordMembershipEvent } from './events';

const memberSelect = {
  role: true,
  createdAt: true,
  user: { select: { id: true, email: true, name: true } },
} as const;

/**
 * A project's members. In blind mode an annotator sees names but not other members'
 * e-mail addresses (null): blind annotation should not hand out a way to contact, or
 * identify, the other annotators. `viewer` is the caller and their access.
 */
export async function listMembers(
  db: PrismaClient,
  projectId: string,
  viewer: { userId: string; seesOthersWork: boolean },
  page: { take: number; cursor?: { id: string }; skip?: number },
) {
  const rows = await db.membership.findMany({ where: { projectId }, orderBy: { id: 'asc' }, select: { id: true, ...memberSelect }, ...page });
  if (viewer.seesOthersWork) return rows;
  return rows.map((row) => (row.user.id === viewer.userId ? row : { ...row, user: { ...row.user, email: null } }));
}

export function assertMayTouch(actorRole: Role, ...roles: Role[]): void {
  if (!roles.every((role) => mayTouchRole(actorRole, role))) {
    throw forbidden('Only an owner can grant, change or remove the OWNER role.');
  }
}

/** Admins only (everyone else invites: lib/members/invitations.ts): adds an existing account directly. */
export async function addMember(db: PrismaClient, projectId: string, actor: { userId: string; role: Role; isAdmin: boolean }, email: string, role: Role) {
  // Telling a non-admin whether an address has an account would let any project owner enumerate accounts.
  if (!actor.isAdmin) throw forbidden('Only an instance administrator can add an account directly; invite them by e-mail instead.');
  assertMayTouch(actor.role, role);
  const user = await db.user.findUnique({ where: { email: normalizeEmail(email) }, select: { id: true } });
  if (!user) throw notFound(`User with e-mail ${normalizeEmail(email)}`);
  const existing = await db.membership.findUnique({ where: { projectId_userId: { projectId, userId: user.id } }, select: { role: true } });
  if (existing) throw conflict(`${normalizeEmail(email)} is already a member (role ${existing.role}); change the role instead.`);
  try {
    return await db.$transaction(async (tx) => {
      const member = await tx.membership.create({ data: { projectId, userId: user.id, role }, select: { id: true, ...memberSelect } });
      await recordMembershipEvent(tx, projectId, actor.userId, { after: { userId: user.id, role } });
      return member;
    });
  } catch (error) {
    if ((error as { code?: string }).code === 'P2002') throw conflict(`${normalizeEmail(email)} is already a member.`);
    throw error;
  }
}

export interface Actor {
  userId: string;
  role: Role;
}

export async function changeRole(db: PrismaClient, projectId: string, actor: Actor, userId: string, role: Role) {
  return db.$transaction(async (tx) => {
    const current = await lockMembers(tx, projectId, userId);
    assertMayTouch(actor.role, current.role, role);
    if (current.role === 'OWNER' && role !== 'OWNER') await assertAnotherOwner(tx, projectId);
    const member = await tx.membership.update({
      where: { projectId_userId: { projectId, userId } },
      data: { role },
      select: { id: true, ...memberSelect },
    });
    await recordMembershipEvent(tx, projectId, actor.userId, { before: current, after: { userId, role } });
    return member;
  });
}

export async function removeMember(db: PrismaClient, projectId: string, actor: Actor, userId: string): Promise<void> {
  await db.$transaction(async (tx) => {
    const current = await lockMembers(tx, projectId, userId);
    assertMayTouch(actor.role, current.role);
    if (current.role === 'OWNER') await assertAnotherOwner(tx, projectId);
    await tx.membership.delete({ where: { projectId_userId: { projectId, userId } } });
    await recordMembershipEvent(tx, projectId, actor.userId, { before: current });
  });
}

/**
 * Row-locks the project's memberships so two concurrent demotions cannot both
 * see "another owner exists" and leave the project without one.
 */
async function lockMembers(db: DbClient, projectId: string, userId: string) {
  const rows = await db.$queryRaw<{ userId: string; role: Role }[]>`
    SELECT "userId", role FROM "Membership" WHERE "projectId" = ${projectId} FOR UPDATE`;
  const current = rows.find((row) => row.userId === userId);
  if (!current) throw notFound('Member');
  return current;
}

async function assertAnotherOwner(db: DbClient, projectId: string): Promise<void> {
  const owners = await db.membership.count({ where: { projectId, role: 'OWNER' } });
  if (owners <= 1) throw conflict('A project needs at least one owner: make someone else OWNER first.');
}
