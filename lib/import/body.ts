import { badRequest, HttpError } from '@/lib/http/errors';
import { tooLarge, uploadTimeout, type ImportLimits } from './limits';
import { firstInvalidUtf8 } from './utf8';

/**
 * The import body as it arrives, with its limits enforced on the stream, before anything is
 * buffered: a declared Content-Length over the limit is refused unread; the running byte count
 * stops the read as soon as it passes the limit (413); a client that sends nothing for
 * `idleMs`, or has not finished after `bodyMs`, is cut off (408). No database connection is
 * held while this runs: the import reads, parses and checks everything before it opens one.
 */
export async function* limitedBody(
  request: Request,
  maxBytes: number,
  maxKey: 'uploadBytes' | 'jsonBodyBytes',
  limits: ImportLimits,
): AsyncGenerator<Uint8Array> {
  const declared = Number(request.headers.get('content-length') ?? NaN);
  if (declared > maxBytes) throw tooLarge(`The request body (${declared.toLocaleString('en-US')} bytes)`, maxKey, limits);
  if (!request.body) throw badRequest('The request body is empty.');
  const reader = request.body.getReader();
  const deadline = Date.now() + limits.bodyMs;
  let received = 0;
  try {
    for (;;) {
      const { done, value } = await readWithin(
        reader,
        Math.min(limits.idleMs, deadline - Date.now()),
        limits.idleMs < deadline - Date.now() ? 'idleMs' : 'bodyMs',
        limits,
      );
      if (done) return;
      received += value.byteLength;
      if (received > maxBytes) throw tooLarge('The request body', maxKey, limits);
      yield value;
    }
  } finally {
    // Stops the client's upload (and frees its socket) when we leave early.
    reader.cancel().catch(() => {});
  }
}

function readWithin(
  reader: ReadableStreamDefaultReader<Uint8Array>,
  ms: number,
  key: 'idleMs' | 'bodyMs',
  limits: ImportLimits,
): Promise<ReadableStreamReadResult<Uint8Array>> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(uploadTimeout(key, limits)), Math.max(ms, 0));
  });
  // A read that fails is the client hanging up mid-upload: its answer, not a server error.
  const read = reader.read().catch(() => {
    throw new HttpError(400, 'upload_interrupted', 'The upload was interrupted before its end; nothing was imported.');
  });
  return Promise.race([read, timeout]).finally(() => clearTimeout(timer));
}

/** The whole body as text, for `application/json`, whose limit keeps it small enough to hold. */
export async function bodyText(request: Request, limits: ImportLimits): Promise<string> {
  const chunks: Uint8Array[] = [];
  for await (const chunk of limitedBody(request, limits.jsonBodyBytes, 'jsonBodyBytes', limits)) chunks.push(chunk);
  const bytes = Buffer.concat(chunks);
  const invalid = firstInvalidUtf8(bytes);
  if (invalid !== -1) throw badRequest(`The JSON body is not valid UTF-8 (first bad byte at offset ${invalid}).`);
  return bytes.toString('utf8');
}
