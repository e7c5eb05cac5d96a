import { randomUUID } from 'node:crypto';
import type { PrismaClient } from '@/lib/db/client';
import { PRESENCE_CHANNEL } from './channel';

/** Presence rows expire when their heartbeat stops (a crashed instance cannot clean up). */
export const HEARTBEAT_MS = 15_000;
const STALE_MS = 3 * HEARTBEAT_MS;

export async function join(db: PrismaClient, documentId: string, userId: string): Promise<string> {
  const id = randomUUID();
  await db.presence.create({ data: { id, documentId, userId } });
  await announce(db, documentId);
  return id;
}

export async function heartbeat(db: PrismaClient, id: string): Promise<void> {
  await db.presence.updateMany({ where: { id }, data: { lastSeenAt: new Date() } });
}

export async function leave(db: PrismaClient, id: string, documentId: string): Promise<void> {
  await db.presence.deleteMany({ where: { id } });
  await announce(db, documentId);
}

export async function present(db: PrismaClient, documentId: string): Promise<{ id: string; name: string; connections: number }[]> {
  await db.presence.deleteMany({ where: { lastSeenAt: { lt: new Date(Date.now() - STALE_MS) } } });
  const rows = await db.presence.findMany({ where: { documentId }, select: { user: { select: { id: true, name: true } } }, orderBy: { userId: 'asc' } });
  const users = new Map<string, { id: string; name: string; connections: number }>();
  for (const { user } of rows) {
    const entry = users.get(user.id) ?? { ...user, connections: 0 };
    entry.connections += 1;
    users.set(user.id, entry);
  }
  return [...users.values()];
}

async function announce(db: PrismaClient, documentId: string): Promise<void> {
  await db.$executeRaw`SELECT pg_notify(${PRESENCE_CHANNEL}, ${documentId})`;
}
