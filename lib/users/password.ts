import type { z } from 'zod';
import type { PrismaClient } from '@/lib/db/client';
import { hashPassword, verifyPassword } from '@/lib/auth/password';
import { revokeUserSessions } from '@/lib/auth/sessions';
import { conflict, validationFailed } from '@/lib/http/errors';
import { normalizeEmail } from './store';
import type { passwordChangeInput } from './inputs';

/**
 * Changes a signed-in user's password and ends every other session of theirs: whoever
 * learnt the old password may already be signed in somewhere. The session the change is
 * made in (`keepSessionHash`) stays. Returns how many sessions were ended.
 */
export async function changePassword(
  db: PrismaClient,
  userId: string,
  input: z.infer<typeof passwordChangeInput>,
  keepSessionHash: string | undefined,
): Promise<{ revokedSessions: number }> {
  const user = await db.user.findUniqueOrThrow({ where: { id: userId }, select: { passwordHash: true } });
  if (!user.passwordHash) throw conflict('This account has no password: it signs in through GitHub or your institution.');
  if (!(await verifyPassword(user.passwordHash, input.currentPassword))) {
    throw validationFailed('The current password is incorrect.', [{ path: 'body.currentPassword', message: 'incorrect' }]);
  }
  const passwordHash = await hashPassword(input.newPassword);
  return db.$transaction(async (tx) => {
    await tx.user.update({ where: { id: userId }, data: { passwordHash } });
    return { revokedSessions: await revokeUserSessions(tx, userId, keepSessionHash) };
  });
}

/**
 * An administrator's password reset (`glossa user password`): sets the password and
 * ends all of the user's sessions. Null when no account has that e-mail.
 */
export async function resetPassword(db: PrismaClient, email: string, password: string): Promise<{ revokedSessions: number } | null> {
  const passwordHash = await hashPassword(password);
  return db.$transaction(async (tx) => {
    const { count } = await tx.user.updateMany({ where: { email: normalizeEmail(email) }, data: { passwordHash } });
    if (count === 0) return null;
    const user = await tx.user.findUniqueOrThrow({ where: { email: normalizeEmail(email) }, select: { id: true } });
    return { revokedSessions: await revokeUserSessions(tx, user.id) };
  });
}
