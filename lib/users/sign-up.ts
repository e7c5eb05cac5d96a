import { z } from 'zod';
import type { PrismaClient } from '@/lib/db/client';
import { conflict, forbidden } from '@/lib/http/errors';
import { hashPassword } from '@/lib/auth/password';
import { normalizeEmail } from './store';

export const signUpInput = z
  .object({
    email: z.email().max(320),
    name: z.string().trim().min(1).max(120),
    password: z.string().min(10, 'use at least 10 characters').max(200),
  })
  .strict();

// Any fixed key works; it only serialises "is this the first account?" decisions.
const FIRST_ACCOUNT_LOCK = 4_815_162;

/**
 * Creates an account. The very first account of an instance becomes its admin.
 * GLOSSA_SIGNUP=closed turns self-service sign-up off after that; accounts are
 * then created by an admin with `glossa user create`.
 */
export async function signUp(db: PrismaClient, input: z.infer<typeof signUpInput>) {
  const email = normalizeEmail(input.email);
  const passwordHash = await hashPassword(input.password);
  return db.$transaction(async (tx) => {
    await tx.$executeRaw`SELECT pg_advisory_xact_lock(${FIRST_ACCOUNT_LOCK})`;
    const first = (await tx.user.count()) === 0;
    if (!first && signUpClosedByConfig()) {
      throw forbidden('Sign-up is closed on this instance; ask an administrator for an account.');
    }
    if (await tx.user.findUnique({ where: { email }, select: { id: true } })) {
      throw conflict('An account with this e-mail already exists; sign in instead.');
    }
    return tx.user.create({
      data: { email, name: input.name, passwordHash, isAdmin: first },
      select: { id: true, email: true, name: true, isAdmin: true },
    });
  });
}

function signUpClosedByConfig(): boolean {
  return process.env.GLOSSA_SIGNUP === 'closed';
}

/** Whether the sign-up page should offer a form at all. */
export async function signUpClosed(db: PrismaClient): Promise<boolean> {
  return signUpClosedByConfig() && (await db.user.count()) > 0;
}
