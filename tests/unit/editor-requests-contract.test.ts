import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import type { AnyContract, ApiRequest } from '@/lib/api/client';
import type { Op } from '@/lib/editor/model';
import { stateFromServer } from '@/lib/editor/server';
import { SyncEngine, type ApiResponse } from '@/lib/editor/sync';

/**
 * Every request the editor's sync engine sends must be one the server accepts: each is
 * matched to its endpoint by method and path among all contracts, and its path, query and
 * body (as serialised on the wire) are parsed with that endpoint's own schemas, the way
 * routeHandler parses them (lib/api/endpoint.ts).
 */
const CONTRACTS = Object.values(import.meta.glob<Record<string, unknown>>('/lib/api/contracts/*.ts', { eager: true }))
  .flatMap((module) => Object.entries(module))
  .filter((entry): entry is [string, AnyContract] => typeof entry[1] === 'object' && entry[1] !== null && 'method' in entry[1] && 'path' in entry[1]);

function contractOf(request: ApiRequest): { name: string; contract: AnyContract; params: Record<string, string> } {
  const [path = ''] = request.path.split('?');
  for (const [name, contract] of CONTRACTS) {
    if (contract.method !== request.method) continue;
    const pattern = new RegExp(`^${contract.path.replace(/\{(\w+)\}/g, '(?<$1>[^/]+)')}$`);
    const match = pattern.exec(path);
    if (match)
      return { name, contract, params: Object.fromEntries(Object.entries(match.groups ?? {}).map(([key, value]) => [key, decodeURIComponent(value)])) };
  }
  throw new Error(`no endpoint answers ${request.method} ${request.path}`);
}

function parseAsServer(request: ApiRequest): string {
  const { name, contract, params } = contractOf(request);
  (contract.params ?? z.object({})).parse(params);
  const query = Object.fromEntries(new URLSearchParams(request.path.split('?')[1] ?? ''));
  (contract.query ?? z.object({}).strict()).parse(query);
  const wireBody: unknown = request.body === undefined ? undefined : JSON.parse(JSON.stringify(request.body));
  if (contract.body) contract.body.parse(wireBody);
  else expect(wireBody, `${name} takes no body`).toBeUndefined();
  return name;
}

/** Answers every request at once with what the server would: new ids and versions for writes. */
class ServerLikeTransport {
  readonly sent: ApiRequest[] = [];
  private created = 0;

  async send(request: ApiRequest): Promise<ApiResponse> {
    this.sent.push(request);
    if (request.path.endsWith('/operations')) {
      const { ops } = request.body as { ops: Array<{ op: string; id?: string }> };
      return { status: 200, body: { results: ops.map((op) => ({ op: op.op, item: this.item(op.op, op.id) })) } };
    }
    if (request.method === 'POST') return { status: 201, body: { id: `srv${++this.created}`, version: 1 } };
    if (request.method === 'PATCH') return { status: 200, body: { id: request.path.split('/')[2], version: 2 } };
    if (request.method === 'PUT') return { status: 200, body: { items: [], nextCursor: null } };
    return { status: 204, body: null };
  }

  private item(op: string, id: string | undefined) {
    if (op.startsWith('create')) return { id: `srv${++this.created}`, version: 1 };
    return op === 'updateAnnotation' ? { id, version: 2 } : undefined;
  }
}

const OPS: Op[] = [
  {
    type: 'createSpan',
    span: { key: 'e1', labelId: 'PERSON', start: 0, end: 5, quote: 'Hafiz', target: null, attributes: { note: 'check' }, unsure: false, note: null },
  },
  {
    type: 'createSpan',
    span: { key: 's1', labelId: 'FAVOR', start: 6, end: 12, quote: 'argues', target: { kind: 'target', id: 'T1' }, attributes: {}, unsure: false, note: null },
  },
  {
    type: 'createSpan',
    span: { key: 's2', labelId: 'AGAINST', start: 13, end: 17, quote: 'that', target: { kind: 'span', key: 'e1' }, attributes: {}, unsure: false, note: null },
  },
  { type: 'updateSpan', key: 's1', change: { labelId: 'AGAINST', start: 7, end: 12, quote: 'rgues', target: { kind: 'span', key: 'e1' } } },
  { type: 'updateSpan', key: 's2', change: { target: null } },
  { type: 'createRelation', relation: { key: 'r1', labelId: 'KNOWS', sourceKey: 'e1', targetKey: 's1' } },
  {
    type: 'setAnswers',
    answers: [
      { labelId: 'TOPIC', targetId: null, values: ['economy'] },
      { labelId: 'STANCE_Q', targetId: 'T1', values: ['FAVOR', 'NONE'] },
    ],
  },
  { type: 'deleteRelation', key: 'r1' },
  { type: 'deleteSpan', key: 's2' },
];

/** The request each of OPS becomes, in order: every kind of operation the editor has. */
const REQUESTS_OF_OPS = [
  'createAnnotation',
  'createAnnotation',
  'createAnnotation',
  'updateAnnotation',
  'updateAnnotation',
  'createRelation',
  'replaceAnswers',
  'deleteRelation',
  'deleteAnnotation',
];

describe('requests the editor sends', () => {
  it('each single request fits its endpoint’s params, query and body schema', async () => {
    const transport = new ServerLikeTransport();
    const { doc, refs } = stateFromServer([], [], []);
    const engine = new SyncEngine({ documentId: 'doc 1/ü', doc, refs, transport });
    // One at a time, so nothing is batched.
    for (const op of OPS) {
      engine.apply([op]);
      await expect.poll(() => engine.snapshot().pending).toBe(0);
    }

    expect(engine.snapshot().rejection).toBeNull();
    expect(transport.sent).toHaveLength(OPS.length);
    const names = transport.sent.map(parseAsServer);
    // Every kind of operation the editor has, so a new one cannot slip past this test unparsed.
    expect(names).toEqual(REQUESTS_OF_OPS);
  });

  it('batches of queued operations fit the batch endpoint, carrying every kind of operation in order', async () => {
    const transport = new ServerLikeTransport();
    const { doc, refs } = stateFromServer([], [], []);
    const engine = new SyncEngine({ documentId: 'doc 1/ü', doc, refs, transport });
    engine.apply(OPS);
    await expect.poll(() => engine.snapshot().pending).toBe(0);

    expect(engine.snapshot().rejection).toBeNull();
    const names = transport.sent.map(parseAsServer);
    expect(names).toContain('applyOperations');
    const sentOps = transport.sent.flatMap((request, i) =>
      names[i] === 'applyOperations' ? (request.body as { ops: Array<{ op: string }> }).ops.map((op) => op.op) : [names[i]],
    );
    expect(sentOps).toEqual(REQUESTS_OF_OPS);
    expect(transport.sent.length).toBeLessThan(OPS.length);
  });

  it('a body the endpoint would refuse fails the check', () => {
    const request: ApiRequest = { method: 'PATCH', path: '/annotations/a1', body: { version: 1, labelId: 'ORG', key: 'client-only' } };
    expect(() => parseAsServer(request)).toThrow(/key/);
  });
});
