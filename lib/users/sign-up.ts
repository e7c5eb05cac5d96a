import type { z } from 'zod';
import type { PrismaClient } from '@/lib/db/client';
import { forbidden } from '@/lib/http/errors';
import { hashPassword } from '@/lib/auth/password';
import { normalizeEmail } from './store';
import type { signUpInput } from './inputs';

// Any fixed key works; it only serialises "is this the first account?" decisions.
const FIRST_ACCOUNT_LOCK = 4_815_162;

/**
 * The one answer to every accepted sign-up, whether an account was created or the
 * e-mail already had one: sign-up must not tell anyone which addresses use Glossa.
 * (The new account is used by signing in; for a taken address that sign-in fails
 * like any wrong password, and is throttled like one.)
 */
export const SIGN_UP_ANSWER = { message: 'If this e-mail address was free, its account is ready: sign in with it.' } as const;
export const SIGN_UP_STATUS = 202;

/**
 * Creates an account unless the e-mail already has one; either way the caller gets
 * SIGN_UP_ANSWER, and the password is hashed either way so the time taken does not
 * tell the cases apart. The very first account of an instance becomes its admin.
 * GLOSSA_SIGNUP=closed turns self-service sign-up off after that; accounts are
 * then created by an admin with `glossa user create`.
 */
export async function signUp(db: PrismaClient, input: z.infer<typeof signUpInput>): Promise<void> {
  const email = normalizeEmail(input.email);
  const passwordHash = await hashPassword(input.password);
  await db.$transaction(async (tx) => {
    await tx.$executeRaw`SELECT pg_advisory_xact_lock(${FIRST_ACCOUNT_LOCK})`;
    const first = (await tx.user.count()) === 0;
    if (!first && signUpClosedByConfig()) {
      throw forbidden('Sign-up is closed on this instance; ask an administrator for an account.');
    }
    // A taken address is left exactly as it is. (The advisory lock above serialises
    // sign-ups, so no concurrent insert can slip in between this check and the create.)
    if (await tx.user.findUnique({ where: { email }, select: { id: true } })) return;
    await tx.user.create({ data: { email, name: input.name, passwordHash, isAdmin: first }, select: { id: true } });
  });
}

function signUpClosedByConfig(): boolean {
  return process.env.GLOSSA_SIGNUP === 'closed';
}

/** Whether the sign-up page should offer a form at all. */
export async function signUpClosed(db: PrismaClient): Promise<boolean> {
  return signUpClosedByConfig() && (await db.user.count()) > 0;
}
