import { describeLimit, importLimits, type ImportLimits } from '../limits';
import { ImportError, type ImportSource } from '../types';
import { firstInvalidUtf8 } from '../utf8';

/**
 * Reading an ImportSource: whole (for formats that need every byte, like docx or a JSON array)
 * or line by line (for JSONL, CSV and CoNLL, whose files may be far larger than memory should
 * hold). Lines are cut at the byte 0x0A before decoding: in UTF-8 that byte never occurs inside
 * a multi-byte character, so chunks split anywhere are safe, and invalid UTF-8 is reported at
 * the line (and byte offset) that holds it. Every read is bounded: whole reads by a byte limit
 * checked as the bytes arrive, line reads by the line limit, so no upload is buffered past them.
 */

const NEWLINE = 0x0a;
// The BOM is only meaningful at the very start of a file, so line decoders keep it and the
// first line drops it explicitly; a U+FEFF further on is text.
const lineDecoder = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });
const fileDecoder = new TextDecoder('utf-8', { fatal: true });

export interface SourceLine {
  /** 1-based. */
  line: number;
  /** Without its line terminator (`\n` or `\r\n`). */
  text: string;
}

/** The whole file, or `tooLarge()` thrown as soon as more than `maxBytes` have arrived. */
export async function readBytes(source: ImportSource, maxBytes: number, tooLarge: () => Error): Promise<Uint8Array> {
  const chunks: Uint8Array[] = [];
  let total = 0;
  for await (const chunk of source.stream()) {
    total += chunk.length;
    if (total > maxBytes) throw tooLarge();
    chunks.push(chunk);
  }
  return concat(chunks);
}

/**
 * A text file that is one document. UTF-8 takes at most 3 bytes per UTF-16 code unit, so a file
 * over 3 × the document limit is too long whatever it holds, and is refused before it is read whole.
 */
export async function readText(source: ImportSource, limits: ImportLimits = importLimits()): Promise<string> {
  const tooLong = () =>
    new ImportError({ file: source.name }, `the file is longer than a document may be: over ${describeLimit('documentChars', limits)} characters`);
  return decodeUtf8(await readBytes(source, 3 * limits.documentChars, tooLong), source.name);
}

/** Decodes a whole file; invalid UTF-8 is reported with the line it occurs on. */
export function decodeUtf8(bytes: Uint8Array, file: string): string {
  try {
    return fileDecoder.decode(bytes);
  } catch {
    const offset = firstInvalidUtf8(bytes);
    let line = 1;
    for (let at = bytes.indexOf(NEWLINE); at !== -1 && at < offset; at = bytes.indexOf(NEWLINE, at + 1)) line++;
    throw invalidUtf8(file, line, offset);
  }
}

/** Lines with their terminators, exactly as in the file; the last may lack one. No line may pass the line limit. */
async function* byteLines(source: ImportSource, limits: ImportLimits): AsyncGenerator<{ bytes: Uint8Array; offset: number }> {
  let pending: Uint8Array[] = [];
  let pendingBytes = 0;
  let offset = 0;
  let line = 1;
  const take = () => {
    const bytes = concat(pending);
    const at = offset;
    offset += bytes.length;
    line++;
    pending = [];
    pendingBytes = 0;
    return { bytes, offset: at };
  };
  for await (const chunk of source.stream()) {
    let from = 0;
    for (let newline = chunk.indexOf(NEWLINE); newline !== -1; newline = chunk.indexOf(NEWLINE, from)) {
      pending.push(chunk.subarray(from, newline + 1));
      pendingBytes += newline + 1 - from;
      if (pendingBytes > limits.lineBytes) throw lineTooLong(source.name, line, limits);
      yield take();
      from = newline + 1;
    }
    if (from < chunk.length) {
      pending.push(chunk.subarray(from));
      pendingBytes += chunk.length - from;
      // Checked on every chunk, so a line without end is refused once it passes the limit, not held.
      if (pendingBytes > limits.lineBytes) throw lineTooLong(source.name, line, limits);
    }
  }
  if (pending.length > 0) yield take();
}

function lineTooLong(file: string, line: number, limits: ImportLimits): ImportError {
  return new ImportError({ file, line }, `the line is longer than ${describeLimit('lineBytes', limits)}`);
}

/** Decoded lines, terminators kept (CSV needs them inside quoted fields). */
export async function* rawTextLines(source: ImportSource, limits: ImportLimits = importLimits()): AsyncGenerator<SourceLine> {
  let line = 0;
  for await (const { bytes, offset } of byteLines(source, limits)) {
    line++;
    const text = decodeLine(bytes, source.name, line, offset);
    yield { line, text: line === 1 && text.startsWith('\uFEFF') ? text.slice(1) : text };
  }
}

/** Decoded lines without terminators; a final line without a newline counts, a final newline adds none. */
export async function* readLines(source: ImportSource): AsyncGenerator<SourceLine> {
  for await (const { line, text } of rawTextLines(source)) {
    yield { line, text: text.replace(/\r?\n$/, '') };
  }
}

/** A file name without folders and without its last extension: the default document name. */
export function baseName(fileName: string): string {
  const file = fileName.slice(Math.max(fileName.lastIndexOf('/'), fileName.lastIndexOf('\\')) + 1);
  const dot = file.lastIndexOf('.');
  return dot > 0 ? file.slice(0, dot) : file;
}

function decodeLine(bytes: Uint8Array, file: string, line: number, offset: number): string {
  try {
    return lineDecoder.decode(bytes);
  } catch {
    throw invalidUtf8(file, line, offset + firstInvalidUtf8(bytes));
  }
}

function invalidUtf8(file: string, line: number, offset: number): ImportError {
  return new ImportError({ file, line }, `the file is not valid UTF-8 at byte ${offset} (save it as UTF-8 and upload it again)`);
}

function concat(chunks: readonly Uint8Array[]): Uint8Array {
  if (chunks.length === 1 && chunks[0]) return chunks[0];
  const out = new Uint8Array(chunks.reduce((sum, chunk) => sum + chunk.length, 0));
  let at = 0;
  for (const chunk of chunks) {
    out.set(chunk, at);
    at += chunk.length;
  }
  return out;
}
