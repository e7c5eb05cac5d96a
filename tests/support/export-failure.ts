import { randomBytes } from 'node:crypto';
import type { PrismaClient } from '@/lib/db/client';

/**
 * A project whose export fails partway: enough documents that several chunks are sent
 * before the last one, whose stored quote no longer matches its text (a broken invariant
 * the export refuses to write, lib/export/integrity.ts).
 */
const SENTENCE = 'Talks in Doha resumed while an attack in Bannu was reported. ';
const DOCUMENTS = 400;
const SENTENCES = 30;

export async function fillForExport(db: PrismaClient, projectId: string, authorId: string): Promise<{ documents: number }> {
  const prefix = `xf-${randomBytes(4).toString('hex')}`;
  const label = await db.label.findFirstOrThrow({ where: { projectId, layer: 'ENTITY', key: 'GPE' } });
  const doha = SENTENCE.indexOf('Doha');
  await db.$executeRaw`
    INSERT INTO "Document" (id, "projectId", name, text, sha256, position)
    SELECT ${prefix} || '-' || i, ${projectId}, 'Report ' || i, t.text, encode(sha256(convert_to(t.text, 'UTF8')), 'hex'), i
    FROM generate_series(1, ${DOCUMENTS}::int) AS i
    CROSS JOIN LATERAL (SELECT repeat(${SENTENCE}, ${SENTENCES}::int) AS text) AS t`;
  await db.$executeRaw`
    INSERT INTO "Annotation" (id, "documentId", "authorId", "labelId", start, "end", quote, origin, "updatedAt")
    SELECT ${prefix} || '-' || i || '-' || k, ${prefix} || '-' || i, ${authorId}, ${label.id},
           k * ${SENTENCE.length}::int + ${doha}::int, k * ${SENTENCE.length}::int + ${doha + 4}::int, 'Doha', 'MANUAL', now()
    FROM generate_series(1, ${DOCUMENTS}::int) AS i, generate_series(0, ${SENTENCES - 1}::int) AS k`;
  return { documents: DOCUMENTS };
}

export async function corruptLastDocument(db: PrismaClient, projectId: string): Promise<void> {
  await db.$executeRaw`
    UPDATE "Annotation" SET quote = 'DOHA' WHERE id = (
      SELECT a.id FROM "Annotation" a JOIN "Document" d ON d.id = a."documentId"
      WHERE d."projectId" = ${projectId} ORDER BY d.position DESC, a.start LIMIT 1)`;
}

/**
 * Reads an export's body to its end, counting the lines that arrived: `failure` is the error the
 * transfer broke with, or null when the body ended cleanly (which would pass for a complete file).
 */
export async function readUntilFailure(body: ReadableStream<Uint8Array>): Promise<{ lines: number; failure: Error | null }> {
  const reader = body.getReader();
  let lines = 0;
  try {
    for (;;) {
      const { value, done } = await reader.read();
      if (done) return { lines, failure: null };
      for (const byte of value) if (byte === 10) lines += 1;
    }
  } catch (error) {
    return { lines, failure: error as Error };
  }
}
