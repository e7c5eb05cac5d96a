import http from 'node:http';
import type { Annotator, LoadDocument } from './seed';

/**
 * One simulated annotator: creates, moves/relabels and deletes spans on its own
 * documents, now and then reads the agreement report, and remembers the state
 * every acknowledged write left behind (the ledger the database is checked against).
 * With `batch` > 1 it sends that many span operations on one document per request
 * (POST /documents/{id}/operations, all or nothing), as the editor does with a burst.
 */
export type Kind = 'create' | 'update' | 'delete' | 'batch' | 'agreement';

export interface Expected {
  documentId: string;
  labelId: string;
  start: number;
  end: number;
  version: number;
  deleted: boolean;
}

export interface Failure {
  kind: Kind;
  status: number | 'network';
  body: string;
}

export class Recorder {
  readonly latencies: Record<Kind, number[]> = { create: [], update: [], delete: [], batch: [], agreement: [] };
  readonly failures: Failure[] = [];
  /** Span operations the server acknowledged while measuring (a batch counts each of its operations). */
  spanOps = 0;
  measuring = false;

  record(kind: Kind, ms: number): void {
    if (this.measuring) this.latencies[kind].push(ms);
  }

  fail(failure: Failure): void {
    this.failures.push(failure);
  }
}

export interface Shared {
  baseUrl: URL;
  agent: http.Agent;
  projectId: string;
  curatorToken: string;
  labelIds: string[];
  recorder: Recorder;
  /** Acknowledged state per annotation id. */
  ledger: Map<string, Expected>;
  /** Writes whose outcome is unknown (network error or 5xx): their annotations are left out of the check. */
  uncertain: Set<string>;
  uncertainCreates: { count: number };
  agreementShare: number;
  /** Span operations per request: 1 sends each alone, more goes through the batch endpoint. */
  batch: number;
}

/** One span operation chosen by a client: how to send it alone or in a batch, and what its outcome means for the ledger. */
interface Planned {
  kind: 'create' | 'update' | 'delete';
  method: string;
  path: string;
  body?: unknown;
  batchOp: unknown;
  /** Acknowledged: the created or updated annotation (true for a delete). */
  commit(result: unknown): void;
  /** Refused: nothing was written. */
  release(): void;
  /** The write may or may not have happened. */
  lose(): void;
}

interface LiveSpan {
  id: string;
  document: LoadDocument;
  word: number;
  version: number;
}

const random = (n: number) => Math.floor(Math.random() * n);

export class Client {
  private readonly live: LiveSpan[] = [];
  /** Per document: the words one of my live spans covers. */
  private readonly taken = new Map<string, Set<number>>();
  acknowledged = 0;

  constructor(
    private readonly annotator: Annotator,
    private readonly shared: Shared,
  ) {
    for (const document of annotator.documents) this.taken.set(document.id, new Set());
  }

  /** Runs until `until` (ms since epoch); `interval` 0 means back to back, otherwise one operation per interval. */
  async run(until: number, interval: number): Promise<void> {
    // A random phase, so paced clients do not all fire in the same instant.
    let next = performance.now() + Math.random() * interval - interval;
    while (Date.now() < until) {
      if (interval > 0) {
        next += interval;
        const wait = next - performance.now();
        if (wait > 0) await new Promise((resolve) => setTimeout(resolve, wait));
      }
      await this.step();
    }
  }

  private async step(): Promise<void> {
    if (Math.random() < this.shared.agreementShare) return this.readAgreement();
    const document = this.annotator.documents[random(this.annotator.documents.length)]!;
    if (this.shared.batch <= 1) {
      const planned = this.plan(document, new Set());
      if (!planned) return;
      this.settle([planned], await this.call(planned.kind, planned.method, planned.path, planned.body));
      return;
    }
    const planned: Planned[] = [];
    const used = new Set<LiveSpan>();
    for (let i = 0; i < this.shared.batch; i++) {
      const next = this.plan(document, used);
      if (next) planned.push(next);
    }
    if (planned.length === 0) return;
    const response = await this.call(
      'batch',
      'POST',
      `/api/v1/documents/${document.id}/operations`,
      { ops: planned.map((p) => p.batchOp) },
      undefined,
      planned.length,
    );
    const results = response && response !== 'unknown' ? (response as { results: Array<{ item?: unknown }> }).results.map((r) => r.item ?? true) : response;
    this.settle(planned, results);
  }

  /** Applies an answer to every planned operation: each result, or the whole request's refusal or uncertainty. */
  private settle(planned: Planned[], outcome: unknown): void {
    planned.forEach((p, i) => {
      if (outcome === 'unknown') p.lose();
      else if (!outcome) p.release();
      else p.commit(Array.isArray(outcome) ? outcome[i] : outcome);
    });
  }

  /** The next span operation on `document`, touching no span in `used` (each span once per batch: its version would be stale). */
  private plan(document: LoadDocument, used: Set<LiveSpan>): Planned | null {
    const mine = this.live.filter((span) => span.document === document && !used.has(span));
    const r = Math.random();
    const span = mine[random(mine.length)];
    if (span) used.add(span);
    if (!span || mine.length < 3 || r < 0.35) return this.planCreate(document);
    if (r < 0.7) return this.planUpdate(span);
    return this.planDelete(span);
  }

  private async readAgreement(): Promise<void> {
    await this.call('agreement', 'GET', `/api/v1/projects/${this.shared.projectId}/agreement`, undefined, this.shared.curatorToken);
  }

  private planCreate(document: LoadDocument): Planned | null {
    const word = this.freeWord(document);
    if (word === undefined) return null;
    const [start, end] = document.words[word]!;
    const labelId = this.label();
    this.taken.get(document.id)!.add(word);
    const body = { labelId, start, end };
    return {
      kind: 'create',
      method: 'POST',
      path: `/api/v1/documents/${document.id}/annotations`,
      body,
      batchOp: { op: 'createAnnotation', body },
      commit: (result) => {
        const { id, version } = result as { id: string; version: number };
        this.live.push({ id, document, word, version });
        this.shared.ledger.set(id, { documentId: document.id, labelId, start, end, version, deleted: false });
      },
      release: () => this.taken.get(document.id)!.delete(word),
      lose: () => {
        this.shared.uncertainCreates.count += 1;
      },
    };
  }

  private planUpdate(span: LiveSpan): Planned | null {
    const word = this.freeWord(span.document);
    if (word === undefined) return null;
    const [start, end] = span.document.words[word]!;
    const labelId = this.label();
    const taken = this.taken.get(span.document.id)!;
    taken.add(word);
    const body = { version: span.version, labelId, start, end };
    return {
      kind: 'update',
      method: 'PATCH',
      path: `/api/v1/annotations/${span.id}`,
      body,
      batchOp: { op: 'updateAnnotation', id: span.id, body },
      commit: (result) => {
        taken.delete(span.word);
        span.word = word;
        span.version = (result as { version: number }).version;
        this.shared.ledger.set(span.id, { documentId: span.document.id, labelId, start, end, version: span.version, deleted: false });
      },
      release: () => taken.delete(word),
      lose: () => {
        taken.delete(word);
        this.forget(span);
      },
    };
  }

  private planDelete(span: LiveSpan): Planned {
    return {
      kind: 'delete',
      method: 'DELETE',
      path: `/api/v1/annotations/${span.id}?version=${span.version}`,
      batchOp: { op: 'deleteAnnotation', id: span.id, version: span.version },
      commit: () => {
        this.drop(span);
        this.shared.ledger.get(span.id)!.deleted = true;
      },
      release: () => undefined,
      lose: () => this.forget(span),
    };
  }

  /** An annotation whose last write may or may not have happened can no longer be checked or touched. */
  private forget(span: LiveSpan): void {
    this.drop(span);
    this.shared.uncertain.add(span.id);
  }

  private drop(span: LiveSpan): void {
    this.live.splice(this.live.indexOf(span), 1);
    this.taken.get(span.document.id)!.delete(span.word);
  }

  private freeWord(document: LoadDocument): number | undefined {
    const taken = this.taken.get(document.id)!;
    if (taken.size >= document.words.length) return undefined;
    for (;;) {
      const word = random(document.words.length);
      if (!taken.has(word)) return word;
    }
  }

  private label(): string {
    return this.shared.labelIds[random(this.shared.labelIds.length)]!;
  }

  /**
   * The parsed body of a 2xx answer (true for 204); false when the server refused
   * (4xx: nothing was written); 'unknown' when the write may or may not have
   * happened (network error, 5xx). Every non-2xx answer counts as an error.
   */
  private async call(kind: Kind, method: string, path: string, body?: unknown, token = this.annotator.token, spanOps = 1): Promise<unknown> {
    const started = performance.now();
    const result = await send(this.shared, method, path, token, body);
    const ms = performance.now() - started;
    if (result.status >= 200 && result.status < 300) {
      this.shared.recorder.record(kind, ms);
      if (kind !== 'agreement') {
        this.acknowledged += spanOps;
        if (this.shared.recorder.measuring) this.shared.recorder.spanOps += spanOps;
      }
      return result.body ? JSON.parse(result.body) : true;
    }
    this.shared.recorder.fail({ kind, status: result.status || 'network', body: result.body.slice(0, 300) });
    return result.status === 0 || result.status >= 500 ? 'unknown' : false;
  }
}

function send(shared: Shared, method: string, path: string, token: string, body?: unknown): Promise<{ status: number; body: string }> {
  const payload = body === undefined ? undefined : JSON.stringify(body);
  return new Promise((resolve) => {
    const request = http.request(
      new URL(path, shared.baseUrl),
      {
        method,
        agent: shared.agent,
        headers: {
          authorization: `Bearer ${token}`,
          ...(payload ? { 'content-type': 'application/json', 'content-length': Buffer.byteLength(payload) } : {}),
        },
      },
      (response) => {
        const chunks: Buffer[] = [];
        response.on('data', (chunk: Buffer) => chunks.push(chunk));
        response.on('end', () => resolve({ status: response.statusCode ?? 0, body: Buffer.concat(chunks).toString('utf8') }));
        response.on('error', (error) => resolve({ status: 0, body: error.message }));
      },
    );
    request.on('error', (error) => resolve({ status: 0, body: error.message }));
    request.end(payload);
  });
}
