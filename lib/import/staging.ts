import { createReadStream, createWriteStream, type WriteStream } from 'node:fs';
import { once } from 'node:events';
import { createInterface } from 'node:readline';
import type { StoredDocumentTokens } from '@/lib/documents/tokens';
import type { MergedRows } from './merge';
import type { PreparedDocument } from './prepare';

/**
 * Checked documents waiting for the write transaction: one JSON line each, on disk, so a batch
 * of any size is checked completely (and rejected whole, or not) before a database connection
 * is taken, without the batch sitting in memory. Rows hold only JSON values (strings, numbers,
 * arrays, objects), so they read back exactly as written.
 */
export interface StagedDocument {
  rows: Omit<PreparedDocument, 'document'> & { document: Omit<PreparedDocument['document'], 'position'> };
  tokens: StoredDocumentTokens;
}

/** A duplicate's annotations going onto a document the project (or this batch) already has (lib/import/merge.ts). */
export interface StagedMerge {
  merge: { documentId: string; name: string };
  rows: MergedRows;
}

export type Staged = StagedDocument | StagedMerge;

export class StagingWriter {
  private readonly out: WriteStream;

  constructor(readonly file: string) {
    this.out = createWriteStream(file);
  }

  async add(document: Staged): Promise<void> {
    if (!this.out.write(`${JSON.stringify(document)}\n`)) await once(this.out, 'drain');
  }

  async close(): Promise<void> {
    await new Promise<void>((resolve, reject) => this.out.end((error?: Error | null) => (error ? reject(error) : resolve())));
  }
}

export async function* readStaged(file: string): AsyncGenerator<Staged> {
  // readline, not the upload line reader: these lines are ours and already within every limit.
  for await (const line of createInterface({ input: createReadStream(file), crlfDelay: Infinity })) {
    if (line !== '') yield JSON.parse(line) as Staged;
  }
}
