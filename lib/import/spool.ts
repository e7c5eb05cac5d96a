import { createReadStream, createWriteStream } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { pipeline } from 'node:stream/promises';
import type { ImportSource } from './types';

/**
 * A private temporary folder for one import: uploads are written here as they arrive, and
 * parsed from here once complete, so a large or slow upload costs disk, not memory, and holds
 * no database connection. Files are named by position (`part-3`), never by the client's file
 * name. `dispose()` removes the folder, whatever happened.
 */
export class Spool {
  private count = 0;

  private constructor(readonly folder: string) {}

  static async create(): Promise<Spool> {
    return new Spool(await mkdtemp(path.join(tmpdir(), 'glossa-import-')));
  }

  /** A new file path in the folder, not yet created. */
  nextPath(): string {
    return path.join(this.folder, `part-${++this.count}`);
  }

  /** Writes the chunks to a new file as they come, and returns its path. */
  async write(chunks: AsyncIterable<Uint8Array>): Promise<string> {
    const file = this.nextPath();
    await pipeline(chunks, createWriteStream(file));
    return file;
  }

  async dispose(): Promise<void> {
    await rm(this.folder, { recursive: true, force: true });
  }
}

/** A spooled file as a parser's input; the read stops when `signal` aborts (the client left). */
export function spooledSource(name: string, file: string, signal?: AbortSignal): ImportSource {
  return { name, stream: () => createReadStream(file, { signal }) };
}
