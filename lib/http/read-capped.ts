/**
 * Reads a byte stream (a request or response body) to its end, but never more than `limit` bytes:
 * past the limit the stream is cancelled, so the rest is never read nor buffered, and `tooMuch()`
 * is thrown. No stream reads as no bytes.
 */
export async function readCapped(stream: ReadableStream<Uint8Array> | null | undefined, limit: number, tooMuch: () => Error): Promise<Uint8Array> {
  if (!stream) return new Uint8Array(0);
  const reader = stream.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > limit) {
      // Stops the transfer instead of draining it; a failing cancel changes nothing about the answer.
      await reader.cancel().catch(() => {});
      throw tooMuch();
    }
    chunks.push(value);
  }
  return Buffer.concat(chunks, size);
}
