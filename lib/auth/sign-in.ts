import 'server-only';
import type { PrismaClient } from '@/lib/db/client';
import { normalizeEmail } from '@/lib/users/store';
import { hashPassword, verifyPassword } from './password';
import { clearFailures, recordFailure, throttleKeys, waitFor } from './throttle';

export class SignInError extends Error {
  constructor(
    readonly reason: 'invalid' | 'rate_limited' | 'disabled',
    message: string,
    readonly retryAfterSeconds = 0,
  ) {
    super(message);
  }
}

// The one message for a wrong e-mail and a wrong password, so sign-in reveals no accounts.
export const INVALID_CREDENTIALS = 'The e-mail or password is incorrect.';
const ACCOUNT_DISABLED = 'This account is disabled. Ask an administrator.';

// Longer values are no e-mail or password anyone has (sign-up's own limits); refused before any work.
const MAX_EMAIL = 320;
const MAX_PASSWORD = 200;

// Verified against when the e-mail is unknown, so both cases take the same time.
let decoyHash: Promise<string> | undefined;

/**
 * Checks an e-mail and password. `clientAddress` comes from lib/http/client-address.ts;
 * throttling is per (account, address) and per address (lib/auth/throttle.ts).
 */
export async function signInWithPassword(db: PrismaClient, email: string, password: string, clientAddress?: string, now = new Date()) {
  if (email.length > MAX_EMAIL || password.length > MAX_PASSWORD) throw new SignInError('invalid', INVALID_CREDENTIALS);
  const normalized = normalizeEmail(email);
  const keys = throttleKeys(normalized, clientAddress);
  const wait = await waitFor(db, keys, now);
  if (wait > 0) {
    throw new SignInError('rate_limited', `Too many failed sign-in attempts. Try again in ${describeWait(wait)}.`, wait);
  }
  const user = await db.user.findUnique({
    where: { email: normalized },
    select: { id: true, email: true, name: true, isAdmin: true, passwordHash: true, disabledAt: true },
  });
  const ok = user?.passwordHash
    ? await verifyPassword(user.passwordHash, password)
    : (await verifyPassword(await (decoyHash ??= hashPassword('decoy-password')), password), false);
  if (!user || !ok) {
    await recordFailure(db, keys, now);
    throw new SignInError('invalid', INVALID_CREDENTIALS);
  }
  await clearFailures(db, keys[0]!);
  // Said only to whoever knows the password.
  if (user.disabledAt) throw new SignInError('disabled', ACCOUNT_DISABLED);
  return { id: user.id, email: user.email, name: user.name, isAdmin: user.isAdmin };
}

function describeWait(seconds: number): string {
  return seconds < 120 ? `${seconds} second(s)` : `${Math.ceil(seconds / 60)} minute(s)`;
}
