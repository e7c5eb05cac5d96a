import type { DbClient } from '@/lib/db/client';
import { remapperFor } from '@/lib/import/remap';
import type { SourceTokens } from '@/lib/import/types';
import { isCurrentTokenizer, storedTokens } from '@/lib/tokenize';

interface TokenizedDocument {
  id: string;
  text: string;
  tokenOffsets: number[];
  tokenizer: string | null;
}

export interface StoredDocumentTokens {
  id: string;
  tokenOffsets: number[];
  sentenceStarts: number[];
  tokenizer: string;
}

/** Rows per UPDATE when stale tokens are written back: one statement per document would dominate a first report. */
const WRITE_BATCH = 500;

/**
 * The documents with current token boundaries. Those stored before tokens were kept, or by
 * another tokenizer version (a rules change, or a Node upgrade that brought different ICU data),
 * are tokenized now and written back, so the next report reads them. A source's own tokens
 * (CoNLL imports) are always current.
 */
export async function withCurrentTokens<T extends TokenizedDocument>(db: DbClient, documents: T[]): Promise<T[]> {
  const stale = documents.filter((d) => !isCurrentTokenizer(d.tokenizer)).map((d) => tokensOf(d));
  if (stale.length === 0) return documents;
  await writeTokens(db, stale);
  const fresh = new Map(stale.map((s) => [s.id, s]));
  return documents.map((d) => {
    const tokens = fresh.get(d.id);
    return tokens ? { ...d, tokenOffsets: tokens.tokenOffsets, tokenizer: tokens.tokenizer } : d;
  });
}

function tokensOf(document: { id: string; text: string }): StoredDocumentTokens {
  return { id: document.id, ...storedTokens(document.text) };
}

/**
 * The tokens to store for an imported document: its source's own when it has them, moved from the
 * parsed text to the stored one (NFC, '\n'; the identity when they are equal), else lib/tokenize's.
 */
export function importedTokens(id: string, parsedText: string, storedText: string, source: SourceTokens | undefined): StoredDocumentTokens {
  if (!source) return tokensOf({ id, text: storedText });
  if (parsedText === storedText) return { id, ...source };
  const remap = remapperFor(parsedText);
  return { id, ...source, tokenOffsets: source.tokenOffsets.map((offset) => remap.map(offset)) };
}

/**
 * Stores token boundaries with the tokenizer that made them. Not through Prisma's int[] parameters:
 * those made a 10,000-document import 2.5× slower and five times larger in memory (bench:import).
 */
export async function writeTokens(db: DbClient, documents: StoredDocumentTokens[]): Promise<void> {
  for (let i = 0; i < documents.length; i += WRITE_BATCH) {
    const batch = documents.slice(i, i + WRITE_BATCH);
    // Arrays of different lengths cannot form one int[][] parameter, so each row's array travels as its literal text.
    await db.$executeRaw`
      UPDATE "Document" AS d
      SET "tokenOffsets" = v.offsets::int[], "sentenceStarts" = v.sentences::int[], "tokenizer" = v.tokenizer
      FROM unnest(${batch.map((s) => s.id)}::text[], ${batch.map((s) => `{${s.tokenOffsets.join(',')}}`)}::text[],
        ${batch.map((s) => `{${s.sentenceStarts.join(',')}}`)}::text[], ${batch.map((s) => s.tokenizer)}::text[]) AS v(id,
        offsets, sentences, tokenizer)
      WHERE d.id = v.id`;
  }
}
