import http from 'node:http';

/**
 * The event-stream side of bench:load (STREAMS=n): n server-sent event streams held open on
 * one document, spread over the annotators' tokens, one of them closed and reopened every
 * CHURN_MS so presence keeps changing, while GET /api/health is timed one request at a time.
 */
const CHURN_MS = 100;
// Streams are endless; they get their own sockets, outside the clients' keep-alive pool.
const agent = new http.Agent({ keepAlive: false, maxSockets: Infinity });

interface OpenStream {
  request: http.ClientRequest;
}

export class StreamCrowd {
  /** Answers to every stream request, by status ("network" for a failed connection). */
  readonly answers = new Map<string, number>();
  private readonly open: OpenStream[] = [];

  constructor(
    private readonly baseUrl: URL,
    private readonly documentId: string,
    private readonly tokens: string[],
  ) {}

  get size(): number {
    return this.open.length;
  }

  /** Opens `count` streams, the i-th with token i modulo the tokens (as many per annotator as it takes). */
  async fill(count: number): Promise<void> {
    for (let i = 0; i < count; i++) await this.openOne(this.tokens[i % this.tokens.length]!);
  }

  /** One more stream with `token`; resolves with its status. */
  async probe(token: string): Promise<string> {
    return this.openOne(token);
  }

  /** Closes and reopens one stream every CHURN_MS until `deadline`. */
  async churn(deadline: number): Promise<number> {
    let cycles = 0;
    for (let i = 0; Date.now() < deadline; i++) {
      this.open.shift()?.request.destroy();
      // At the per-document limit the reopened stream may arrive before the server has
      // released the closed one (a 429); it then tries again on the next turn.
      while ((await this.openOne(this.tokens[i % this.tokens.length]!)) === '429') await new Promise((resolve) => setTimeout(resolve, CHURN_MS));
      cycles += 1;
      await new Promise((resolve) => setTimeout(resolve, CHURN_MS));
    }
    return cycles;
  }

  closeAll(): void {
    for (const stream of this.open.splice(0)) stream.request.destroy();
  }

  private openOne(token: string): Promise<string> {
    return new Promise((resolve) => {
      let answered = false;
      const url = new URL(`/api/v1/documents/${this.documentId}/events`, this.baseUrl);
      const request = http.get(url, { agent, headers: { authorization: `Bearer ${token}`, accept: 'text/event-stream' } }, (response) => {
        answered = true;
        const status = String(response.statusCode);
        this.count(status);
        if (response.statusCode === 200) {
          this.open.push({ request });
          response.on('data', () => {});
          response.on('error', () => {});
        } else response.resume();
        resolve(status);
      });
      // After the answer, an error is our own destroy() closing the stream.
      request.on('error', () => {
        if (answered) return;
        this.count('network');
        resolve('network');
      });
    });
  }

  private count(status: string): void {
    this.answers.set(status, (this.answers.get(status) ?? 0) + 1);
  }
}

export interface HealthTimes {
  latencies: number[];
  failures: string[];
}

/** Times GET /api/health every `intervalMs` until stopped, one request at a time. */
export function timeHealth(baseUrl: URL, intervalMs = 200): { stop(): Promise<HealthTimes> } {
  let running = true;
  const times: HealthTimes = { latencies: [], failures: [] };
  const loop = (async () => {
    while (running) {
      const started = performance.now();
      try {
        const response = await fetch(new URL('/api/health', baseUrl));
        await response.arrayBuffer();
        times.latencies.push(performance.now() - started);
        if (response.status !== 200) times.failures.push(`health ${response.status}`);
      } catch (error) {
        times.failures.push(`health: ${(error as Error).message}`);
      }
      await new Promise((resolve) => setTimeout(resolve, intervalMs));
    }
  })();
  return {
    async stop() {
      running = false;
      await loop;
      return times;
    },
  };
}
