import pg from 'pg';
import { CHANGES_CHANNEL, parseChange, PRESENCE_CHANNEL, type ChangeNotice } from './channel';

/**
 * One LISTEN connection per app process, fanned out to the open event streams by
 * document. It reconnects with backoff if PostgreSQL goes away; streams learn about
 * the gap through `onReconnect` and tell their clients to resynchronise.
 */
export interface Subscriber {
  documentId: string;
  onChange(notice: ChangeNotice): void;
  onPresence(): void;
  onReconnect(): void;
}

class Hub {
  private client: pg.Client | null = null;
  private connecting: Promise<void> | null = null;
  private readonly subscribers = new Set<Subscriber>();
  private retryDelay = 500;

  async subscribe(subscriber: Subscriber): Promise<() => void> {
    this.subscribers.add(subscriber);
    await this.connect();
    return () => {
      this.subscribers.delete(subscriber);
      if (this.subscribers.size === 0) void this.close();
    };
  }

  private connect(): Promise<void> {
    if (this.client) return Promise.resolve();
    this.connecting ??= (async () => {
      const client = new pg.Client({ connectionString: process.env.DATABASE_URL });
      client.on('notification', (message) => this.dispatch(message.channel, message.payload));
      client.on('error', () => this.lost(client));
      client.on('end', () => this.lost(client));
      await client.connect();
      await client.query(`LISTEN ${CHANGES_CHANNEL}`);
      await client.query(`LISTEN ${PRESENCE_CHANNEL}`);
      this.client = client;
      this.retryDelay = 500;
    })().finally(() => {
      this.connecting = null;
    });
    return this.connecting;
  }

  private dispatch(channel: string, payload: string | undefined): void {
    if (channel === PRESENCE_CHANNEL) {
      for (const s of this.subscribers) if (s.documentId === payload) s.onPresence();
      return;
    }
    const notice = parseChange(payload);
    if (!notice) return;
    for (const s of this.subscribers) if (s.documentId === notice.documentId) s.onChange(notice);
  }

  private lost(client: pg.Client): void {
    if (this.client !== client) return;
    this.client = null;
    if (this.subscribers.size === 0) return;
    const retry = () =>
      this.connect().then(
        () => this.subscribers.forEach((s) => s.onReconnect()),
        () => {
          this.retryDelay = Math.min(this.retryDelay * 2, 10_000);
          setTimeout(retry, this.retryDelay);
        },
      );
    setTimeout(retry, this.retryDelay);
  }

  private async close(): Promise<void> {
    const client = this.client;
    this.client = null;
    await client?.end().catch(() => {});
  }
}

const globalHub = globalThis as unknown as { glossaHub?: Hub };
export const hub = (globalHub.glossaHub ??= new Hub());
