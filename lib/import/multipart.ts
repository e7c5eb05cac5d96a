import { open, type FileHandle } from 'node:fs/promises';
import { badRequest, HttpError } from '@/lib/http/errors';
import type { Spool } from './spool';

/**
 * A streaming multipart/form-data reader (RFC 7578): each file part goes straight to its own
 * spool file as its bytes arrive, so no part, however large, is held in memory; text fields
 * (the import options) are kept, up to FIELD_BYTES each. The body's own size and time limits
 * are enforced by the stream it reads (lib/import/body.ts).
 */
interface Multipart {
  fields: Record<string, string>;
  /** `field` is the form field, `name` the client's file name. */
  files: { field: string; name: string; path: string }[];
}

// Options are short (a label map is at most 100,000 characters); a part header is a few lines.
const FIELD_BYTES = 1024 * 1024;
const HEADER_BYTES = 16 * 1024;
// Each file part is a temporary file; a body of a million empty parts must not make a million.
const MAX_PARTS = 10_000;

export function boundaryOf(contentType: string): string {
  const match = /;\s*boundary=(?:"([^"]{1,70})"|([^\s;]{1,70}))/i.exec(contentType);
  const boundary = match?.[1] ?? match?.[2];
  if (!boundary) throw badRequest('multipart/form-data needs a boundary parameter in Content-Type.');
  return boundary;
}

type Sink = { kind: 'field'; name: string; chunks: Buffer[]; bytes: number } | { kind: 'file'; field: string; name: string; path: string; handle: FileHandle };

export async function readMultipart(body: AsyncIterable<Uint8Array>, boundary: string, spool: Spool): Promise<Multipart> {
  const delimiter = Buffer.from(`\r\n--${boundary}`);
  const result: Multipart = { fields: {}, files: [] };
  // The first boundary has no CRLF before it; prefixing one lets one delimiter match them all.
  let buffer = Buffer.from('\r\n');
  let state: 'preamble' | 'after-boundary' | 'headers' | 'body' | 'done' = 'preamble';
  let sink: Sink | undefined;
  let parts = 0;

  const emit = async (bytes: Buffer) => {
    if (!sink || bytes.length === 0) return;
    if (sink.kind === 'file') {
      await sink.handle.write(bytes);
      return;
    }
    sink.bytes += bytes.length;
    if (sink.bytes > FIELD_BYTES)
      throw new HttpError(413, 'payload_too_large', `Form field "${sink.name}" exceeds ${FIELD_BYTES / 1024 / 1024} MB; nothing was imported.`);
    sink.chunks.push(bytes);
  };
  const close = async () => {
    if (sink?.kind === 'file') {
      await sink.handle.close();
      result.files.push({ field: sink.field, name: sink.name, path: sink.path });
    } else if (sink) result.fields[sink.name] = Buffer.concat(sink.chunks).toString('utf8');
    sink = undefined;
  };

  try {
    for await (const chunk of body) {
      buffer = buffer.length === 0 ? Buffer.from(chunk) : Buffer.concat([buffer, chunk]);
      for (;;) {
        if (state === 'preamble' || state === 'body') {
          const at = buffer.indexOf(delimiter);
          if (at === -1) {
            // Keep what could be the start of a delimiter cut by the chunk boundary.
            const keep = Math.min(buffer.length, delimiter.length - 1);
            if (state === 'body') await emit(buffer.subarray(0, buffer.length - keep));
            buffer = buffer.subarray(buffer.length - keep);
            break;
          }
          if (state === 'body') {
            await emit(buffer.subarray(0, at));
            await close();
          }
          buffer = buffer.subarray(at + delimiter.length);
          state = 'after-boundary';
        } else if (state === 'after-boundary') {
          if (buffer.length < 2) break;
          const next = buffer.subarray(0, 2).toString('latin1');
          if (next === '--') {
            state = 'done';
            break;
          }
          if (next !== '\r\n') throw badRequest('Malformed multipart body: a boundary is not followed by a line break.');
          buffer = buffer.subarray(2);
          state = 'headers';
        } else if (state === 'headers') {
          const end = buffer.indexOf('\r\n\r\n');
          if (end === -1) {
            if (buffer.length > HEADER_BYTES) throw badRequest(`Malformed multipart body: a part's headers exceed ${HEADER_BYTES / 1024} KB.`);
            break;
          }
          if (++parts > MAX_PARTS)
            throw new HttpError(413, 'payload_too_large', `The form has more than ${MAX_PARTS.toLocaleString('en-US')} parts; nothing was imported.`);
          sink = await openSink(buffer.subarray(0, end).toString('utf8'), spool);
          buffer = buffer.subarray(end + 4);
          state = 'body';
        } else break;
      }
      if (state === 'done') break;
    }
  } finally {
    if (sink?.kind === 'file') await sink.handle.close();
  }
  if (state !== 'done') throw badRequest('Malformed multipart body: it ends before its closing boundary.');
  return result;
}

async function openSink(headers: string, spool: Spool): Promise<Sink> {
  const disposition = /^content-disposition:\s*form-data(.*)$/im.exec(headers)?.[1];
  if (disposition === undefined) throw badRequest('Malformed multipart body: a part has no Content-Disposition: form-data header.');
  const parameter = (key: string) => new RegExp(`;\\s*${key}="([^"]*)"`, 'i').exec(disposition)?.[1];
  const name = parameter('name');
  if (name === undefined) throw badRequest('Malformed multipart body: a part has no name.');
  const filename = parameter('filename');
  if (filename === undefined) return { kind: 'field', name, chunks: [], bytes: 0 };
  const path = spool.nextPath();
  return { kind: 'file', field: name, name: filename, path, handle: await open(path, 'wx') };
}
