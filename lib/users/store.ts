import type { PrismaClient } from '@/lib/generated/prisma/client';
import { hashPassword } from '@/lib/auth/password';
import { revokeUserSessions } from '@/lib/auth/sessions';

interface NewUser {
  email: string;
  name: string;
  password: string;
  isAdmin?: boolean;
}

export function normalizeEmail(email: string): string {
  return email.trim().toLowerCase();
}

export async function createUser(db: PrismaClient, input: NewUser) {
  return db.user.create({
    data: {
      email: normalizeEmail(input.email),
      name: input.name.trim(),
      passwordHash: await hashPassword(input.password),
      isAdmin: input.isAdmin ?? false,
    },
    select: { id: true, email: true, name: true, isAdmin: true, createdAt: true },
  });
}

/** The display name for the site header; null when the account no longer exists. */
export async function getUserName(db: PrismaClient, userId: string): Promise<string | null> {
  const user = await db.user.findUnique({ where: { id: userId }, select: { name: true } });
  return user?.name ?? null;
}

/**
 * Disables or re-enables an account. A disabled account cannot sign in, and its
 * sessions and API tokens are refused on the next request (the caller lookup checks
 * `disabledAt`); its sessions are also ended, so re-enabling means signing in again.
 * Null when no account has that e-mail.
 */
export async function setDisabled(db: PrismaClient, email: string, disabled: boolean) {
  return db.$transaction(async (tx) => {
    const user = await tx.user.findUnique({ where: { email: normalizeEmail(email) }, select: { id: true } });
    if (!user) return null;
    const updated = await tx.user.update({
      where: { id: user.id },
      data: { disabledAt: disabled ? new Date() : null },
      select: { id: true, email: true, disabledAt: true },
    });
    if (disabled) await revokeUserSessions(tx, user.id);
    return updated;
  });
}

/** What the account settings page shows: who you are, and whether a password can be changed here. */
export async function getAccount(db: PrismaClient, userId: string) {
  const user = await db.user.findUniqueOrThrow({ where: { id: userId }, select: { email: true, name: true, passwordHash: true } });
  return { email: user.email, name: user.name, hasPassword: user.passwordHash !== null };
}
