import type { DbClient } from '@/lib/db/client';
import { storedTokens, TOKENIZER_VERSION } from '@/lib/tokenize';

interface TokenizedDocument {
  id: string;
  text: string;
  tokenOffsets: number[];
  tokenizer: string | null;
}

interface StoredDocumentTokens {
  id: string;
  tokenOffsets: number[];
  sentenceStarts: number[];
}

/** Rows per UPDATE when stale tokens are written back: one statement per document would dominate a first report. */
const WRITE_BATCH = 500;

/**
 * The documents with current token boundaries. Those stored before tokens were kept, or by
 * another tokenizer version (a rules change, or a Node upgrade that brought different ICU data),
 * are tokenized now and written back, so the next report reads them.
 */
export async function withCurrentTokens<T extends TokenizedDocument>(db: DbClient, documents: T[]): Promise<T[]> {
  const stale = documents.filter((d) => d.tokenizer !== TOKENIZER_VERSION).map((d) => tokensOf(d));
  if (stale.length === 0) return documents;
  await writeTokens(db, stale);
  const fresh = new Map(stale.map((s) => [s.id, s.tokenOffsets]));
  return documents.map((d) => {
    const tokenOffsets = fresh.get(d.id);
    return tokenOffsets ? { ...d, tokenOffsets, tokenizer: TOKENIZER_VERSION } : d;
  });
}

export function tokensOf(document: { id: string; text: string }): StoredDocumentTokens {
  return { id: document.id, ...storedTokens(document.text) };
}

/**
 * Stores token boundaries of the current tokenizer. Not through Prisma's int[] parameters:
 * those made a 10,000-document import 2.5× slower and five times larger in memory (bench:import).
 */
export async function writeTokens(db: DbClient, documents: StoredDocumentTokens[]): Promise<void> {
  for (let i = 0; i < documents.length; i += WRITE_BATCH) {
    const batch = documents.slice(i, i + WRITE_BATCH);
    // Arrays of different lengths cannot form one int[][] parameter, so each row's array travels as its literal text.
    await db.$executeRaw`
      UPDATE "Document" AS d
      SET "tokenOffsets" = v.offsets::int[], "sentenceStarts" = v.sentences::int[], "tokenizer" = ${TOKENIZER_VERSION}
      FROM unnest(${batch.map((s) => s.id)}::text[], ${batch.map((s) => `{${s.tokenOffsets.join(',')}}`)}::text[], ${batch.map((s) => `{${s.sentenceStarts.join(',')}}`)}::text[]) AS v(id, offsets, sentences)
      WHERE d.id = v.id`;
  }
}
