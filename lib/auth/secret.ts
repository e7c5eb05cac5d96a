import 'server-only';
import { randomBytes } from 'node:crypto';
import type { PrismaClient } from '@/lib/generated/prisma/client';

const KEY = 'auth.secret';

/**
 * Sessions are signed with NEXTAUTH_SECRET. When the operator sets none, one is
 * generated once and kept in the database, so sessions survive restarts and every
 * app instance on the same database signs alike.
 */
export async function ensureAuthSecret(db: PrismaClient): Promise<string> {
  const configured = process.env.NEXTAUTH_SECRET?.trim();
  if (configured) return configured;
  const candidate = randomBytes(32).toString('base64url');
  // Insert-if-absent, then read: two instances starting together agree on one secret.
  // (Prisma's upsert is read-then-write and can race into a unique violation.)
  await db.$executeRaw`
    INSERT INTO "InstanceSetting" (key, value, "updatedAt") VALUES (${KEY}, ${candidate}, now())
    ON CONFLICT (key) DO NOTHING`;
  const stored = await db.instanceSetting.findUniqueOrThrow({ where: { key: KEY } });
  process.env.NEXTAUTH_SECRET = stored.value;
  return stored.value;
}
