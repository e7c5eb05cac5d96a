import type { PrismaClient } from '@/lib/db/client';
import { normalizeEmail } from '@/lib/users/store';
import { hashPassword, verifyPassword } from './password';
import { clearFailures, lockedFor, recordFailure } from './throttle';

export class SignInError extends Error {
  constructor(
    readonly reason: 'invalid' | 'rate_limited',
    message: string,
    readonly retryAfterSeconds = 0,
  ) {
    super(message);
  }
}

// The one message for a wrong e-mail and a wrong password, so sign-in reveals no accounts.
export const INVALID_CREDENTIALS = 'The e-mail or password is incorrect.';

// Verified against when the e-mail is unknown, so both cases take the same time.
let decoyHash: Promise<string> | undefined;

export async function signInWithPassword(db: PrismaClient, email: string, password: string, clientAddress?: string) {
  const normalized = normalizeEmail(email);
  const keys = [`email:${normalized}`, ...(clientAddress ? [`ip:${clientAddress}`] : [])];
  const wait = await lockedFor(db, keys);
  if (wait > 0) {
    throw new SignInError('rate_limited', `Too many failed sign-in attempts. Try again in ${Math.ceil(wait / 60)} minute(s).`, wait);
  }
  const user = await db.user.findUnique({ where: { email: normalized }, select: { id: true, email: true, name: true, isAdmin: true, passwordHash: true } });
  const ok = user?.passwordHash
    ? await verifyPassword(user.passwordHash, password)
    : (await verifyPassword(await (decoyHash ??= hashPassword('decoy-password')), password), false);
  if (!user || !ok) {
    await recordFailure(db, keys);
    throw new SignInError('invalid', INVALID_CREDENTIALS);
  }
  await clearFailures(db, `email:${normalized}`);
  return { id: user.id, email: user.email, name: user.name, isAdmin: user.isAdmin };
}
