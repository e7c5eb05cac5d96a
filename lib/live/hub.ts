import 'server-only';
import type pg from 'pg';
import { getPrisma } from '@/lib/db/client';
import { dedicatedClient } from '@/lib/db/dedicated';
import { tooManyRequests } from '@/lib/http/errors';
import { CHANGES_CHANNEL, parseChange, PRESENCE_CHANNEL, type ChangeNotice } from './channel';
import { HEARTBEAT_MS, heartbeat, present, type PresenceRow, type PresentUser } from './presence';

/**
 * One LISTEN connection per app process, fanned out in memory to the open event streams
 * by document. A presence notice costs one query per document and instance, however many
 * streams show it (a refresh asked for while one runs is folded into a single rerun), and
 * one heartbeat statement keeps every stream's presence row fresh. The connection
 * reconnects with backoff if PostgreSQL goes away; streams learn about the gap through
 * `onReconnect` and tell their clients to resynchronise.
 */
interface Subscriber extends PresenceRow {
  onChange(notice: ChangeNotice): void;
  onPresence(users: PresentUser[]): void;
  onReconnect(): void;
  /** Every HEARTBEAT_MS: the stream's keep-alive. */
  onTick(): void;
}

/**
 * Streams one app instance holds open. Each costs a socket, a presence row and a share of
 * every presence refresh; a script opening streams in a loop gets 429s, not the pool.
 */
export const STREAM_LIMITS = { perUser: 20, perDocument: 200 } as const;
const LISTEN_STATEMENT_TIMEOUT_MS = 10_000;

class Hub {
  private client: pg.Client | null = null;
  private connecting: Promise<void> | null = null;
  private readonly byDocument = new Map<string, Set<Subscriber>>();
  private readonly perUser = new Map<string, number>();
  private size = 0;
  /** Documents whose presence is being read: `true` when another refresh was asked for meanwhile. */
  private readonly refreshing = new Map<string, boolean>();
  private timer: NodeJS.Timeout | null = null;
  private beating: Promise<void> = Promise.resolve();
  private retryDelay = 500;

  /**
   * Counts the stream against the limits (429 beyond them) and connects the listener; the
   * stream is registered only if both succeed, so a failed connect leaves nothing behind.
   */
  async subscribe(subscriber: Subscriber): Promise<() => void> {
    const userStreams = this.perUser.get(subscriber.userId) ?? 0;
    if (userStreams >= STREAM_LIMITS.perUser) {
      throw tooManyRequests(`You have ${STREAM_LIMITS.perUser} live-update streams open on this server, the most allowed; close a tab and try again.`, 5);
    }
    const documentStreams = this.byDocument.get(subscriber.documentId)?.size ?? 0;
    if (documentStreams >= STREAM_LIMITS.perDocument) {
      throw tooManyRequests(`This document has ${STREAM_LIMITS.perDocument} live-update streams open on this server, the most allowed; try again later.`, 5);
    }
    // Counted before the await, so that concurrent subscribes cannot all slip under the limit.
    this.add(subscriber);
    try {
      await this.connect();
    } catch (error) {
      this.remove(subscriber);
      throw error;
    }
    let subscribed = true;
    return () => {
      if (subscribed) this.remove(subscriber);
      subscribed = false;
    };
  }

  /** Resolves once a heartbeat in flight has finished, so that a row deleted after it stays deleted. */
  settled(): Promise<void> {
    return this.beating;
  }

  /** Reads the document's presence once and shows it on every stream of it here. */
  refreshPresence(documentId: string): void {
    if (this.refreshing.has(documentId)) {
      this.refreshing.set(documentId, true);
      return;
    }
    this.refreshing.set(documentId, false);
    present(getPrisma(), documentId)
      // While the database is away presence cannot be read; the next notice brings it.
      .then(
        (users) => this.byDocument.get(documentId)?.forEach((s) => s.onPresence(users)),
        () => {},
      )
      .finally(() => {
        const again = this.refreshing.get(documentId);
        this.refreshing.delete(documentId);
        if (again && this.byDocument.has(documentId)) this.refreshPresence(documentId);
      });
  }

  private add(subscriber: Subscriber): void {
    const streams = this.byDocument.get(subscriber.documentId) ?? new Set();
    streams.add(subscriber);
    this.byDocument.set(subscriber.documentId, streams);
    this.perUser.set(subscriber.userId, (this.perUser.get(subscriber.userId) ?? 0) + 1);
    this.size += 1;
    this.timer ??= setInterval(() => this.tick(), HEARTBEAT_MS);
  }

  private remove(subscriber: Subscriber): void {
    const streams = this.byDocument.get(subscriber.documentId);
    if (!streams?.delete(subscriber)) return;
    if (streams.size === 0) this.byDocument.delete(subscriber.documentId);
    const userStreams = (this.perUser.get(subscriber.userId) ?? 1) - 1;
    if (userStreams === 0) this.perUser.delete(subscriber.userId);
    else this.perUser.set(subscriber.userId, userStreams);
    this.size -= 1;
    if (this.size > 0) return;
    clearInterval(this.timer ?? undefined);
    this.timer = null;
    void this.close();
  }

  private tick(): void {
    const rows: PresenceRow[] = [];
    for (const streams of this.byDocument.values()) {
      for (const s of streams) {
        rows.push({ id: s.id, documentId: s.documentId, userId: s.userId });
        s.onTick();
      }
    }
    // A missed heartbeat only ages the rows; readers tolerate two.
    this.beating = heartbeat(getPrisma(), rows).catch(() => {});
  }

  private connect(): Promise<void> {
    if (this.client) return Promise.resolve();
    this.connecting ??= (async () => {
      const client = dedicatedClient('glossa live', LISTEN_STATEMENT_TIMEOUT_MS);
      client.on('notification', (message) => this.dispatch(message.channel, message.payload));
      client.on('error', () => this.lost(client));
      client.on('end', () => this.lost(client));
      try {
        await client.connect();
        await client.query(`LISTEN ${CHANGES_CHANNEL}`);
        await client.query(`LISTEN ${PRESENCE_CHANNEL}`);
      } catch (error) {
        // Not this.client yet, so lost() ignores its events: close it here.
        await client.end().catch(() => {});
        throw error;
      }
      this.client = client;
      this.retryDelay = 500;
    })().finally(() => {
      this.connecting = null;
    });
    return this.connecting;
  }

  private dispatch(channel: string, payload: string | undefined): void {
    if (channel === PRESENCE_CHANNEL) {
      if (payload && this.byDocument.has(payload)) this.refreshPresence(payload);
      return;
    }
    const notice = parseChange(payload);
    if (!notice) return;
    this.byDocument.get(notice.documentId)?.forEach((s) => s.onChange(notice));
  }

  private lost(client: pg.Client): void {
    if (this.client !== client) return;
    this.client = null;
    if (this.size === 0) return;
    const retry = () => {
      if (this.size === 0) return;
      this.connect().then(
        () => {
          for (const [documentId, streams] of this.byDocument) {
            streams.forEach((s) => s.onReconnect());
            this.refreshPresence(documentId);
          }
        },
        () => {
          this.retryDelay = Math.min(this.retryDelay * 2, 10_000);
          setTimeout(retry, this.retryDelay);
        },
      );
    };
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
