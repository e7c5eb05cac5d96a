/**
 * A byte stream driven by its reader: output is produced only when the consumer pulls (so a slow
 * client slows the database reads down instead of filling memory), and cancelling the stream, or
 * aborting `signal` (the client went away), stops the producer, which stops reading the database.
 */

interface Producer {
  /** Writes the next piece of output into the buffer; resolves false once everything is written. */
  step(): Promise<boolean>;
  /** Stops early and releases what the producer holds. */
  stop(): Promise<void>;
}

// Output is sent in chunks of this many bytes (the last and archive pieces may be shorter).
const CHUNK = 64 * 1024;

/**
 * Collects text and bytes and hands them out as chunks. Text is encoded straight into the chunk
 * being filled (TextEncoder.encodeInto), so no joined copy of the pieces is ever built.
 */
export class OutputBuffer {
  private chunks: Uint8Array[] = [];
  private pending = 0;
  private buffer = new Uint8Array(CHUNK);
  private used = 0;
  private readonly encoder = new TextEncoder();

  readonly write = (piece: string | Uint8Array): void => {
    if (typeof piece !== 'string') {
      this.seal();
      this.chunks.push(piece);
      this.pending += piece.length;
      return;
    }
    for (let rest = piece; ; ) {
      const { read, written } = this.encoder.encodeInto(rest, this.buffer.subarray(this.used));
      this.used += written;
      this.pending += written;
      if (read === rest.length) return;
      rest = rest.slice(read);
      this.seal();
    }
  };

  /** Bytes written and not yet drained. */
  get size(): number {
    return this.pending;
  }

  drain(): Uint8Array[] {
    this.seal();
    const chunks = this.chunks;
    this.chunks = [];
    this.pending = 0;
    return chunks;
  }

  private seal(): void {
    if (this.used === 0) return;
    this.chunks.push(this.buffer.subarray(0, this.used));
    this.buffer = new Uint8Array(CHUNK);
    this.used = 0;
  }
}

export function producerStream(producer: Producer, output: OutputBuffer, signal?: AbortSignal): ReadableStream<Uint8Array> {
  let state: 'running' | 'finished' | 'stopped' = 'running';
  const stop = async () => {
    if (state !== 'running') return;
    state = 'stopped';
    await producer.stop();
  };
  return new ReadableStream<Uint8Array>({
    start(controller) {
      const abort = () => {
        controller.error(signal?.reason);
        void stop();
      };
      if (signal?.aborted) abort();
      else signal?.addEventListener('abort', abort, { once: true });
    },
    async pull(controller) {
      try {
        while (state === 'running' && output.size < CHUNK) {
          if (!(await producer.step())) state = 'finished';
        }
        if (state === 'stopped') return;
        for (const chunk of output.drain()) controller.enqueue(chunk);
        if (state === 'finished') controller.close();
      } catch (error) {
        await stop().catch(() => {});
        controller.error(error);
      }
    },
    cancel: stop,
  });
}
