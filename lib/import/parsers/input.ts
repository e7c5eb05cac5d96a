import { ImportError, type ImportSource } from '../types';

/**
 * Reading an ImportSource: whole (for formats that need every byte, like docx or a JSON array)
 * or line by line (for JSONL, CSV and CoNLL, whose files may be far larger than memory should
 * hold). Lines are cut at the byte 0x0A before decoding: in UTF-8 that byte never occurs inside
 * a multi-byte character, so chunks split anywhere are safe, and invalid UTF-8 is reported at
 * the line that holds it.
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

export async function readBytes(source: ImportSource): Promise<Uint8Array> {
  const chunks: Uint8Array[] = [];
  for await (const chunk of source.stream()) chunks.push(chunk);
  return concat(chunks);
}

export async function readText(source: ImportSource): Promise<string> {
  return decodeUtf8(await readBytes(source), source.name);
}

/** Decodes a whole file; invalid UTF-8 is reported with the line it occurs on. */
export function decodeUtf8(bytes: Uint8Array, file: string): string {
  try {
    return fileDecoder.decode(bytes);
  } catch {
    let line = 0;
    for (const lineBytes of splitBytes(bytes)) decodeLine(lineBytes, file, ++line);
    // Unreachable: cutting at 0x0A never turns invalid UTF-8 into valid lines.
    throw invalidUtf8(file, undefined);
  }
}

/** Lines with their terminators, exactly as in the file; the last may lack one. */
async function* byteLines(source: ImportSource): AsyncGenerator<Uint8Array> {
  let pending: Uint8Array[] = [];
  for await (const chunk of source.stream()) {
    let from = 0;
    for (let newline = chunk.indexOf(NEWLINE); newline !== -1; newline = chunk.indexOf(NEWLINE, from)) {
      pending.push(chunk.subarray(from, newline + 1));
      yield concat(pending);
      pending = [];
      from = newline + 1;
    }
    if (from < chunk.length) pending.push(chunk.subarray(from));
  }
  if (pending.length > 0) yield concat(pending);
}

/** Decoded lines, terminators kept (CSV needs them inside quoted fields). */
export async function* rawTextLines(source: ImportSource): AsyncGenerator<SourceLine> {
  let line = 0;
  for await (const bytes of byteLines(source)) {
    line++;
    const text = decodeLine(bytes, source.name, line);
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

function decodeLine(bytes: Uint8Array, file: string, line: number): string {
  try {
    return lineDecoder.decode(bytes);
  } catch {
    throw invalidUtf8(file, line);
  }
}

function invalidUtf8(file: string, line: number | undefined): ImportError {
  return new ImportError({ file, line }, 'the file is not valid UTF-8 (save it as UTF-8 and upload it again)');
}

function* splitBytes(bytes: Uint8Array): Generator<Uint8Array> {
  let from = 0;
  for (let newline = bytes.indexOf(NEWLINE); newline !== -1; newline = bytes.indexOf(NEWLINE, from)) {
    yield bytes.subarray(from, newline + 1);
    from = newline + 1;
  }
  if (from < bytes.length) yield bytes.subarray(from);
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
