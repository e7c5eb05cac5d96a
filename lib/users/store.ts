import type { PrismaClient } from '@/lib/generated/prisma/client';
import { hashPassword } from '@/lib/auth/password';

export interface NewUser {
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
