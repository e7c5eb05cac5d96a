import { createHash } from 'node:crypto';
import type { PrismaClient } from '@/lib/db/client';

export function sha256(text: string): string {
  return createHash('sha256').update(text, 'utf8').digest('hex');
}

const summarySelect = { id: true, name: true, sha256: true, metadata: true, position: true, createdAt: true } as const;

export function listDocuments(db: PrismaClient, projectId: string, page: { take: number; cursor?: { id: string }; skip?: number }) {
  return db.document.findMany({ where: { projectId, deletedAt: null }, orderBy: [{ position: 'asc' }, { id: 'asc' }], select: summarySelect, ...page });
}

export function getDocument(db: PrismaClient, id: string) {
  return db.document.findFirstOrThrow({ where: { id, deletedAt: null }, select: { ...summarySelect, projectId: true, text: true } });
}
