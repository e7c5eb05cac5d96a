import 'server-only';
import { createHash, randomBytes } from 'node:crypto';
import type { PrismaClient } from '@/lib/generated/prisma/client';
import { forbidden, notFound } from '@/lib/http/errors';
import type { Caller } from './caller';

/**
 * API tokens: `glsa_` + 32 random bytes. Only the SHA-256 is stored (a token is
 * random enough that a slow hash adds nothing), so a database leak reveals none.
 */
const PREFIX = 'glsa_';

function hashToken(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}

const tokenSelect = { id: true, name: true, prefix: true, createdAt: true, lastUsedAt: true, expiresAt: true, revokedAt: true } as const;

/**
 * Tokens cannot create tokens. A token is often short-lived or scoped to one script;
 * if it could mint another, a leaked 1-hour token would yield a permanent credential
 * that outlives the parent's revocation. New tokens come from a signed-in session or
 * from `glossa token create` on the server.
 */
export function assertMayCreateTokens(caller: Caller): void {
  if (caller.via === 'token') {
    throw forbidden('An API token cannot create API tokens; create one while signed in (Settings → API tokens) or with `glossa token create`.');
  }
}

export async function createApiToken(db: PrismaClient, userId: string, name: string, expiresAt?: Date | null) {
  const token = PREFIX + randomBytes(32).toString('base64url');
  const record = await db.apiToken.create({
    data: { userId, name, prefix: token.slice(0, PREFIX.length + 6), tokenHash: hashToken(token), expiresAt: expiresAt ?? null },
    select: tokenSelect,
  });
  return { ...record, token };
}

export function listApiTokens(db: PrismaClient, userId: string) {
  return db.apiToken.findMany({ where: { userId }, orderBy: { createdAt: 'desc' }, select: tokenSelect });
}

export async function revokeApiToken(db: PrismaClient, userId: string, id: string) {
  // Ownership is part of the query: another user's token id is simply not found.
  const { count } = await db.apiToken.updateMany({ where: { id, userId, revokedAt: null }, data: { revokedAt: new Date() } });
  if (count === 0) {
    const existing = await db.apiToken.findFirst({ where: { id, userId }, select: tokenSelect });
    if (!existing) throw notFound('API token');
    return existing;
  }
  return db.apiToken.findUniqueOrThrow({ where: { id }, select: tokenSelect });
}

/** The user a presented token belongs to, or null when it is unknown, revoked or expired. */
export async function userForToken(db: PrismaClient, token: string) {
  if (!token.startsWith(PREFIX)) return null;
  // Every API request comes through here: the token and its owner in one round trip.
  const [record] = await db.$queryRaw<Array<{ id: string; userId: string; isAdmin: boolean; stale: boolean }>>`
    SELECT t.id, u.id AS "userId", u."isAdmin", (t."lastUsedAt" IS NULL OR t."lastUsedAt" < now() - interval '1 minute') AS stale
    FROM "ApiToken" t JOIN "User" u ON u.id = t."userId"
    WHERE t."tokenHash" = ${hashToken(token)} AND t."revokedAt" IS NULL AND (t."expiresAt" IS NULL OR t."expiresAt" > now())
      AND u."disabledAt" IS NULL`;
  if (!record) return null;
  // Coarse last-used stamp: at most one write per token per minute.
  if (record.stale) await db.apiToken.update({ where: { id: record.id }, data: { lastUsedAt: new Date() } });
  return { id: record.userId, isAdmin: record.isAdmin };
}
