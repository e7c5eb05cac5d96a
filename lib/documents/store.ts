import { createHash } from 'node:crypto';
import type { Prisma, PrismaClient } from '@/lib/generated/prisma/client';
import { normalizeText } from '@/lib/offsets';

export interface NewDocument {
  name: string;
  text: string;
  metadata?: Prisma.InputJsonObject;
}

export function sha256(text: string): string {
  return createHash('sha256').update(text, 'utf8').digest('hex');
}

/** Stores documents at the end of the project's list; text is normalised once, here (DESIGN.md §1). */
export async function addDocuments(db: PrismaClient, projectId: string, documents: NewDocument[]) {
  return db.$transaction(async (tx) => {
    const last = await tx.document.aggregate({ where: { projectId }, _max: { position: true } });
    let position = (last._max.position ?? -1) + 1;
    const created = [];
    for (const document of documents) {
      const text = normalizeText(document.text);
      created.push(
        await tx.document.create({
          data: { projectId, name: document.name, text, sha256: sha256(text), metadata: document.metadata ?? {}, position: position++ },
          select: { id: true, name: true, sha256: true, position: true },
        }),
      );
    }
    return created;
  });
}
