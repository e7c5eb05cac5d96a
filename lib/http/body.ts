import { badRequest, HttpError } from './errors';
import { readCapped } from './read-capped';

/**
 * Reading a request body without trusting it: the size limit is enforced on the stream (a
 * declared `Content-Length` over the limit is refused before a byte is read, and a body that
 * grows past it is cut off), so no request can make the server buffer more than `limit` bytes.
 */
export async function readBodyBytes(request: Request, limit: number): Promise<Uint8Array> {
  const declared = request.headers.get('content-length');
  if (declared !== null && /^\d+$/.test(declared.trim()) && Number(declared) > limit)
    throw tooLarge(limit, `(Content-Length: ${Number(declared)} bytes) exceeds`);
  return readCapped(request.body, limit, () => tooLarge(limit, 'exceeds'));
}

function tooLarge(limit: number, what: string): HttpError {
  return new HttpError(413, 'payload_too_large', `The request body ${what} the limit of ${formatBytes(limit)} for this route.`, { limitBytes: limit });
}

function formatBytes(bytes: number): string {
  if (bytes >= 1024 * 1024) return `${bytes / 1024 / 1024} MB`;
  return bytes >= 1024 ? `${bytes / 1024} KB` : `${bytes} bytes`;
}

const utf8 = new TextDecoder('utf-8', { fatal: true });

/** Strict UTF-8: a malformed byte is a 400, never a U+FFFD stored in the data. */
export async function readBodyText(request: Request, limit: number): Promise<string> {
  const bytes = await readBodyBytes(request, limit);
  try {
    return utf8.decode(bytes);
  } catch {
    const offset = firstInvalidUtf8(bytes);
    throw badRequest(`The request body is not valid UTF-8 (first bad byte at offset ${offset}).`, { offset });
  }
}

/** Byte offset of the first byte that does not start or continue a valid UTF-8 sequence. */
export function firstInvalidUtf8(bytes: Uint8Array): number {
  let at = 0;
  while (at < bytes.length) {
    const length = sequenceLength(bytes, at);
    if (length === 0) return at;
    at += length;
  }
  return -1;
}

// Unicode 15, Table 3-7 (well-formed UTF-8 byte sequences).
function sequenceLength(bytes: Uint8Array, at: number): number {
  const b0 = bytes[at]!;
  if (b0 < 0x80) return 1;
  const cont = (i: number, low = 0x80, high = 0xbf) => at + i < bytes.length && bytes[at + i]! >= low && bytes[at + i]! <= high;
  if (b0 >= 0xc2 && b0 <= 0xdf) return cont(1) ? 2 : 0;
  if (b0 >= 0xe0 && b0 <= 0xef) {
    const [low, high] = b0 === 0xe0 ? [0xa0, 0xbf] : b0 === 0xed ? [0x80, 0x9f] : [0x80, 0xbf];
    return cont(1, low, high) && cont(2) ? 3 : 0;
  }
  if (b0 >= 0xf0 && b0 <= 0xf4) {
    const [low, high] = b0 === 0xf0 ? [0x90, 0xbf] : b0 === 0xf4 ? [0x80, 0x8f] : [0x80, 0xbf];
    return cont(1, low, high) && cont(2) && cont(3) ? 4 : 0;
  }
  return 0;
}
