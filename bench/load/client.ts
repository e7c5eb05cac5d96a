import http from 'node:http';
import type { Annotator, LoadDocument } from './seed';

/**
 * One simulated annotator: creates, moves/relabels and deletes spans on its own
 * documents, now and then reads the agreement report, and remembers the state
 * every acknowledged write left behind (the ledger the database is checked against).
 */
export type Kind = 'create' | 'update' | 'delete' | 'agreement';

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
  readonly latencies: Record<Kind, number[]> = { create: [], update: [], delete: [], agreement: [] };
  readonly failures: Failure[] = [];
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
    const r = Math.random();
    if (this.live.length < 10 || r < 0.35) return this.create();
    if (r < 0.7) return this.update();
    return this.remove();
  }

  private async readAgreement(): Promise<void> {
    await this.call('agreement', 'GET', `/api/v1/projects/${this.shared.projectId}/agreement`, undefined, this.shared.curatorToken);
  }

  private async create(): Promise<void> {
    const document = this.annotator.documents[random(this.annotator.documents.length)]!;
    const word = this.freeWord(document);
    if (word === undefined) return;
    const [start, end] = document.words[word]!;
    const labelId = this.label();
    this.taken.get(document.id)!.add(word);
    const response = await this.call('create', 'POST', `/api/v1/documents/${document.id}/annotations`, { labelId, start, end });
    if (response === 'unknown') {
      this.shared.uncertainCreates.count += 1;
      return;
    }
    if (!response) {
      this.taken.get(document.id)!.delete(word);
      return;
    }
    const { id, version } = response as { id: string; version: number };
    this.live.push({ id, document, word, version });
    this.shared.ledger.set(id, { documentId: document.id, labelId, start, end, version, deleted: false });
  }

  private async update(): Promise<void> {
    const span = this.live[random(this.live.length)]!;
    const word = this.freeWord(span.document);
    if (word === undefined) return;
    const [start, end] = span.document.words[word]!;
    const labelId = this.label();
    const taken = this.taken.get(span.document.id)!;
    taken.add(word);
    const response = await this.call('update', 'PATCH', `/api/v1/annotations/${span.id}`, { version: span.version, labelId, start, end });
    if (response === 'unknown') return this.forget(span);
    if (!response) {
      taken.delete(word);
      return;
    }
    taken.delete(span.word);
    span.word = word;
    span.version = (response as { version: number }).version;
    this.shared.ledger.set(span.id, { documentId: span.document.id, labelId, start, end, version: span.version, deleted: false });
  }

  private async remove(): Promise<void> {
    const span = this.live[random(this.live.length)]!;
    const response = await this.call('delete', 'DELETE', `/api/v1/annotations/${span.id}?version=${span.version}`);
    if (response === 'unknown') return this.forget(span);
    if (!response) return;
    this.drop(span);
    this.shared.ledger.get(span.id)!.deleted = true;
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
  private async call(kind: Kind, method: string, path: string, body?: unknown, token = this.annotator.token): Promise<unknown> {
    const started = performance.now();
    const result = await send(this.shared, method, path, token, body);
    const ms = performance.now() - started;
    if (result.status >= 200 && result.status < 300) {
      this.shared.recorder.record(kind, ms);
      if (kind !== 'agreement') this.acknowledged += 1;
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
