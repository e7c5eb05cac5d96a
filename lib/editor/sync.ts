import { applyOp, applyOps, isApplicable, type DocState, type Op, type Span } from './model';
import type { ApiRequest } from '@/lib/api/client';
import { batchFor, requestFor, UnsavedDependency } from './requests';
import { keyOfId, spanFromServer, type ServerAnnotation, type ServerRef } from './server';

/**
 * Optimistic autosave. Every change is applied to the view at once and queued; the queue
 * sends its operations in order, so a span is always created before it is updated, linked
 * or used as a stance target. When several are waiting (a burst of hotkeys while a request
 * was out) they go as one batch request (one transaction on the server, all or nothing);
 * a refused batch names the operation that failed, and the queue then sends the operations
 * before it as a batch and that one alone, so it meets exactly the outcomes below. The view is always `confirmed` (what the
 * server acknowledged) with the queued operations applied on top, so dropping a rejected
 * operation rolls it back by recomputing that fold.
 *
 * Outcomes: success → the server's id/version is recorded; network failure or 5xx → the
 * operation stays at the head and is retried with backoff (never dropped); another 4xx →
 * the operation is dropped (rolled back) and its message shown; 409 with the server's
 * current annotation → the queue pauses until the user keeps theirs or takes the server's.
 */

export interface ApiResponse {
  readonly status: number;
  readonly body: unknown;
}

/** Sends a request; rejects only when the server cannot be reached. */
export interface Transport {
  send(request: ApiRequest): Promise<ApiResponse>;
}

export interface Conflict {
  readonly op: Op;
  /** The span as the user has it, or null when the user deleted it. */
  readonly mine: Span | null;
  readonly theirs: Span;
  readonly theirsVersion: number;
}

interface Rejection {
  /** Increases with every rejection, so the same message twice is still news. */
  readonly id: number;
  readonly op: Op;
  readonly message: string;
}

type SyncStatus =
  | { readonly kind: 'saved' }
  | { readonly kind: 'saving' }
  | { readonly kind: 'retrying'; readonly attempt: number; readonly delayMs: number; readonly reason: string }
  | { readonly kind: 'conflict'; readonly conflict: Conflict };

export interface SyncSnapshot {
  readonly view: DocState;
  /** Operations not yet acknowledged by the server. */
  readonly pending: number;
  readonly status: SyncStatus;
  readonly rejection: Rejection | null;
}

interface SyncOptions {
  documentId: string;
  doc: DocState;
  refs: Map<string, ServerRef>;
  transport: Transport;
  /** Milliseconds to wait before retry number `attempt` (1-based). */
  backoff?: (attempt: number) => number;
  /** Runs `callback` after `ms`; returns a cancel function. */
  schedule?: (callback: () => void, ms: number) => () => void;
}

export const defaultBackoff = (attempt: number) => Math.min(30_000, 1000 * 2 ** (attempt - 1));

const defaultSchedule = (callback: () => void, ms: number) => {
  const handle = setTimeout(callback, ms);
  return () => clearTimeout(handle);
};

type Outcome =
  | { kind: 'success'; body: unknown }
  | { kind: 'retry'; reason: string }
  | { kind: 'rejected'; message: string; gone: boolean }
  | { kind: 'conflict'; current: ServerAnnotation };

function errorOf(body: unknown): { message?: unknown; details?: unknown } | undefined {
  return (body as { error?: { message?: unknown; details?: unknown } } | null)?.error;
}

/** Why a request that got `status` is worth sending again, or null when it is not. */
function retryReason(status: number): string | null {
  if (status === 503) return 'the server is temporarily unavailable';
  if (status >= 500 || status === 408 || status === 429) return `the server answered ${status}`;
  return null;
}

function classify(op: Op, { status, body }: ApiResponse): Outcome {
  if (status >= 200 && status < 300) return { kind: 'success', body };
  const reason = retryReason(status);
  if (reason) return { kind: 'retry', reason };
  const isDelete = op.type === 'deleteSpan' || op.type === 'deleteRelation';
  // Already gone is what a delete wanted.
  if (status === 404 && isDelete) return { kind: 'success', body: null };
  const error = errorOf(body);
  const current = (error?.details as { current?: ServerAnnotation } | undefined)?.current;
  if (status === 409 && current && (op.type === 'updateSpan' || op.type === 'deleteSpan')) return { kind: 'conflict', current };
  const message = typeof error?.message === 'string' ? error.message : `The change was refused (HTTP ${status}).`;
  return { kind: 'rejected', message, gone: status === 404 };
}

export class SyncEngine {
  private confirmed: DocState;
  private readonly refs: Map<string, ServerRef>;
  private pending: Op[] = [];
  private view: DocState;
  private status: SyncStatus = { kind: 'saved' };
  private rejection: Rejection | null = null;
  private attempt = 0;
  private inFlight = false;
  /** Operations the server has acknowledged so far: a read of its state started before this moved may predate them. */
  private acknowledged = 0;
  private cancelRetry: (() => void) | null = null;
  /** The operation a refused batch named: it is sent on its own, and batches stop before it. */
  private suspect: Op | null = null;
  private current: SyncSnapshot;
  private readonly listeners = new Set<() => void>();
  private readonly backoff: (attempt: number) => number;
  private readonly schedule: (callback: () => void, ms: number) => () => void;

  constructor(private readonly options: SyncOptions) {
    this.confirmed = options.doc;
    this.view = options.doc;
    this.refs = options.refs;
    this.backoff = options.backoff ?? defaultBackoff;
    this.schedule = options.schedule ?? defaultSchedule;
    this.current = this.snapshotNow();
  }

  /** For useSyncExternalStore: a stable object until something changes. */
  readonly snapshot = (): SyncSnapshot => this.current;

  readonly subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  /** Applies `ops` to the view now and queues them for the server. */
  apply(ops: readonly Op[]): void {
    if (ops.length === 0) return;
    this.pending.push(...ops);
    this.view = applyOps(this.view, ops);
    this.emit();
    void this.pump();
  }

  /**
   * Replaces the state with the server's (another tab or device changed it). Only
   * when nothing is queued or in flight, so no local change is ever overwritten;
   * returns false otherwise and the caller tries again later. Keys the client
   * already uses are kept, so undo history stays valid. `readSince` is `readMark()`
   * taken before the server's state was read: an operation acknowledged after that
   * may be missing from it, so adopting it would undo a saved change on screen.
   */
  adopt(load: (keyOf: (id: string) => string) => { doc: DocState; refs: Map<string, ServerRef> }, readSince: number): boolean {
    if (readSince !== this.acknowledged) return false;
    if (this.pending.length > 0 || this.inFlight || this.status.kind !== 'saved') return false;
    const keys = new Map([...this.refs].map(([key, ref]) => [ref.id, key]));
    const { doc, refs } = load((id) => keys.get(id) ?? id);
    this.refs.clear();
    for (const [key, ref] of refs) this.refs.set(key, ref);
    this.confirmed = doc;
    this.view = doc;
    this.emit();
    return true;
  }

  /** Taken before reading the server's state that `adopt` will be given. */
  readMark(): number {
    return this.acknowledged;
  }

  /** Skips the backoff wait, e.g. when the user presses "Retry now" or the browser comes online. */
  retryNow(): void {
    if (!this.cancelRetry) return;
    this.cancelRetry();
    this.cancelRetry = null;
    void this.pump();
  }

  /** Ends a conflict: 'mine' re-sends the change against the server's version, 'theirs' drops it. */
  resolveConflict(choice: 'mine' | 'theirs'): void {
    if (this.status.kind !== 'conflict') return;
    const { op, theirs, theirsVersion } = this.status.conflict;
    const ref = this.refs.get(theirs.key);
    if (ref) this.refs.set(theirs.key, { id: ref.id, version: theirsVersion });
    this.confirmed = { ...this.confirmed, spans: new Map(this.confirmed.spans).set(theirs.key, theirs) };
    if (choice === 'theirs') this.drop(op);
    this.status = { kind: 'saving' };
    this.emit();
    void this.pump();
  }

  private async pump(): Promise<void> {
    if (this.inFlight || this.cancelRetry || this.status.kind === 'conflict') return;
    const op = this.pending[0];
    if (!op) {
      this.setStatus({ kind: 'saved' });
      return;
    }
    this.inFlight = true;
    if (this.status.kind !== 'retrying') this.setStatus({ kind: 'saving' });
    const batch = this.nextBatch();
    if (batch) {
      const answer = await this.sendBatch(batch.request);
      this.inFlight = false;
      this.settleBatch(this.pending.slice(0, batch.count), answer);
    } else {
      const outcome = await this.send(op);
      this.inFlight = false;
      if (outcome.kind !== 'retry' && op === this.suspect) this.suspect = null;
      this.settle(op, outcome);
    }
    void this.pump();
  }

  /** The batch to send now, or null when the head goes alone (nothing else waiting, or it is the suspect). */
  private nextBatch(): ReturnType<typeof batchFor> | null {
    const stop = this.suspect ? this.pending.indexOf(this.suspect) : -1;
    if (stop < 0) this.suspect = null;
    const candidates = stop >= 0 ? this.pending.slice(0, stop) : this.pending;
    if (candidates.length < 2) return null;
    const batch = batchFor(candidates, this.options.documentId, this.refs);
    return batch.count > 1 ? batch : null;
  }

  private async send(op: Op): Promise<Outcome> {
    try {
      return classify(op, await this.options.transport.send(requestFor(op, this.options.documentId, this.refs)));
    } catch (error) {
      if (error instanceof UnsavedDependency) return { kind: 'rejected', message: error.message, gone: false };
      return { kind: 'retry', reason: 'the server could not be reached' };
    }
  }

  private async sendBatch(request: ApiRequest): Promise<ApiResponse | null> {
    try {
      return await this.options.transport.send(request);
    } catch {
      return null;
    }
  }

  /**
   * A batch's answer: all acknowledged, all retried later, or (refused, nothing saved) the
   * operation it names becomes the suspect, so the next requests send the ones before it and
   * then it alone. An answer naming no operation (the whole request refused) suspects the head.
   */
  private settleBatch(ops: readonly Op[], answer: ApiResponse | null): void {
    const reason = answer === null ? 'the server could not be reached' : retryReason(answer.status);
    if (reason) {
      this.scheduleRetry(reason);
    } else if (answer!.status >= 200 && answer!.status < 300) {
      this.attempt = 0;
      const { results } = answer!.body as { results: Array<{ item?: { id: string; version: number } }> };
      ops.forEach((op, index) => this.acknowledge(op, results[index]?.item ?? null));
      this.pending.splice(0, ops.length);
      this.status = { kind: 'saving' };
    } else {
      const named = (errorOf(answer!.body)?.details as { op?: unknown } | undefined)?.op;
      this.suspect = ops[typeof named === 'number' && named < ops.length ? named : 0]!;
      this.attempt = 0;
      this.status = { kind: 'saving' };
    }
    this.emit();
  }

  private scheduleRetry(reason: string): void {
    this.attempt += 1;
    const delayMs = this.backoff(this.attempt);
    this.status = { kind: 'retrying', attempt: this.attempt, delayMs, reason };
    this.cancelRetry = this.schedule(() => {
      this.cancelRetry = null;
      void this.pump();
    }, delayMs);
  }

  private settle(op: Op, outcome: Outcome): void {
    switch (outcome.kind) {
      case 'success':
        this.attempt = 0;
        this.acknowledge(op, outcome.body as { id: string; version: number } | null);
        this.pending.shift();
        this.status = { kind: 'saving' };
        break;
      case 'retry':
        this.scheduleRetry(outcome.reason);
        break;
      case 'rejected':
        this.attempt = 0;
        if (outcome.gone && op.type === 'updateSpan') this.confirmed = applyOp(this.confirmed, { type: 'deleteSpan', key: op.key });
        this.drop(op);
        this.rejection = { id: (this.rejection?.id ?? 0) + 1, op, message: outcome.message };
        this.status = { kind: 'saving' };
        break;
      case 'conflict': {
        this.attempt = 0;
        const key = op.type === 'updateSpan' || op.type === 'deleteSpan' ? op.key : '';
        const theirs = spanFromServer(outcome.current, key, (id) => keyOfId(this.refs, id));
        const mine = op.type === 'updateSpan' ? (this.view.spans.get(key) ?? null) : null;
        this.status = { kind: 'conflict', conflict: { op, mine, theirs, theirsVersion: outcome.current.version } };
        break;
      }
    }
    this.emit();
  }

  /** Records what the server now holds after `op` succeeded. */
  private acknowledge(op: Op, body: { id: string; version: number } | null): void {
    this.acknowledged += 1;
    switch (op.type) {
      case 'createSpan':
      case 'updateSpan':
      case 'createRelation': {
        const key = op.type === 'createSpan' ? op.span.key : op.type === 'createRelation' ? op.relation.key : op.key;
        this.refs.set(key, { id: body!.id, version: body!.version });
        break;
      }
      case 'deleteSpan':
        for (const relation of this.confirmed.relations.values()) {
          if (relation.sourceKey === op.key || relation.targetKey === op.key) this.refs.delete(relation.key);
        }
        this.refs.delete(op.key);
        break;
      case 'deleteRelation':
        this.refs.delete(op.key);
        break;
      case 'setAnswers':
        break;
    }
    this.confirmed = applyOp(this.confirmed, op);
  }

  /**
   * Removes the queued `op` and recomputes the view without it. Queued operations that
   * relied on it (an update of a span whose creation was refused) go with it.
   */
  private drop(op: Op): void {
    const kept: Op[] = [];
    let view = this.confirmed;
    for (const queued of this.pending) {
      if (queued === op || !isApplicable(view, queued)) continue;
      kept.push(queued);
      view = applyOp(view, queued);
    }
    this.pending = kept;
    this.view = view;
  }

  private setStatus(status: SyncStatus): void {
    if (this.status.kind === status.kind) return;
    this.status = status;
    this.emit();
  }

  private snapshotNow(): SyncSnapshot {
    return { view: this.view, pending: this.pending.length, status: this.status, rejection: this.rejection };
  }

  private emit(): void {
    this.current = this.snapshotNow();
    for (const listener of this.listeners) listener();
  }
}
