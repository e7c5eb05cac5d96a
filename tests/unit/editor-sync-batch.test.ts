import { describe, expect, it } from 'vitest';
import { setup, span, wire } from '../support/sync-fakes';

/** The sync queue batching what waits behind a request in flight (lib/editor/sync.ts, POST /documents/{id}/operations). */
const BATCH = { method: 'POST', path: '/documents/doc1/operations' };
const opsOf = (body: unknown) => (body as { ops: unknown[] }).ops;

describe('sync queue batches', () => {
  it('sends a burst queued behind a request as one batch, in order, and records every id and version it answers', async () => {
    const { transport, engine, refs } = setup([wire('a', 3), wire('b', 1)]);
    engine.apply([{ type: 'updateSpan', key: 'a', change: { labelId: 'ORG' } }]);
    engine.apply([{ type: 'createSpan', span: span('new:1', 'GPE', 6, 9) }]);
    engine.apply([{ type: 'deleteSpan', key: 'b' }]);
    engine.apply([{ type: 'updateSpan', key: 'a', change: { labelId: 'NORP' } }]);
    expect(transport.sent).toHaveLength(1);
    await transport.answer(200, wire('a', 4, 'ORG'));

    expect(transport.sent[1]).toEqual({
      ...BATCH,
      body: {
        ops: [
          { op: 'createAnnotation', body: { labelId: 'GPE', start: 6, end: 9, quote: 'Haf', target: null, attributes: {}, unsure: false, note: null } },
          { op: 'deleteAnnotation', id: 'b', version: 1 },
          { op: 'updateAnnotation', id: 'a', body: { version: 4, labelId: 'NORP' } },
        ],
      },
    });
    expect(engine.snapshot().pending).toBe(3);
    await transport.answer(200, {
      results: [{ op: 'createAnnotation', item: wire('srv1', 1, 'GPE') }, { op: 'deleteAnnotation' }, { op: 'updateAnnotation', item: wire('a', 5, 'NORP') }],
    });
    expect(engine.snapshot()).toMatchObject({ pending: 0, status: { kind: 'saved' } });
    expect(refs.get('new:1')).toEqual({ id: 'srv1', version: 1 });
    expect(refs.get('a')).toEqual({ id: 'a', version: 5 });
    expect(refs.has('b')).toBe(false);
    expect(transport.sent).toHaveLength(2);
  });

  it('ends a batch before an operation on a key already in it, which then goes with the id and version the batch returned', async () => {
    const { transport, engine } = setup([wire('a', 1), wire('x', 1)]);
    engine.apply([{ type: 'updateSpan', key: 'x', change: { labelId: 'ORG' } }]);
    engine.apply([{ type: 'updateSpan', key: 'a', change: { labelId: 'ORG' } }]);
    engine.apply([{ type: 'createSpan', span: span('new:1', 'GPE', 6, 9) }]);
    engine.apply([{ type: 'createRelation', relation: { key: 'new:r', labelId: 'ALLY_OF', sourceKey: 'a', targetKey: 'new:1' } }]);
    await transport.answer(200, wire('x', 2, 'ORG'));
    expect(opsOf(transport.sent[1]!.body)).toHaveLength(2);
    await transport.answer(200, {
      results: [
        { op: 'updateAnnotation', item: wire('a', 2, 'ORG') },
        { op: 'createAnnotation', item: wire('srv1', 1, 'GPE') },
      ],
    });
    expect(transport.sent[2]).toEqual({ method: 'POST', path: '/documents/doc1/relations', body: { labelId: 'ALLY_OF', sourceId: 'a', targetId: 'srv1' } });
  });

  it('after a refused batch, saves the operations before the one it names, then sends that one alone and rolls back only it', async () => {
    const { transport, engine } = setup([wire('a', 1), wire('b', 1), wire('c', 1), wire('x', 1)]);
    engine.apply([{ type: 'updateSpan', key: 'x', change: { labelId: 'ORG' } }]);
    engine.apply([
      { type: 'updateSpan', key: 'a', change: { labelId: 'ORG' } },
      { type: 'updateSpan', key: 'b', change: { labelId: 'RETIRED' } },
      { type: 'updateSpan', key: 'c', change: { labelId: 'GPE' } },
    ]);
    await transport.answer(200, wire('x', 2, 'ORG'));
    expect(opsOf(transport.sent[1]!.body)).toHaveLength(3);
    await transport.answer(400, { error: { code: 'validation_failed', message: 'ops.1: Label RETIRED is retired.', details: { op: 1 } } });
    // Nothing was saved by the refused batch: the view still shows all three, none acknowledged.
    expect(engine.snapshot()).toMatchObject({ pending: 3, rejection: null });

    expect(transport.sent[2]).toEqual({ method: 'PATCH', path: '/annotations/a', body: { version: 1, labelId: 'ORG' } });
    await transport.answer(200, wire('a', 2, 'ORG'));
    expect(transport.sent[3]).toEqual({ method: 'PATCH', path: '/annotations/b', body: { version: 1, labelId: 'RETIRED' } });
    await transport.answer(400, { error: { code: 'validation_failed', message: 'Label RETIRED is retired.' } });
    expect(engine.snapshot().rejection?.message).toBe('Label RETIRED is retired.');
    expect(engine.snapshot().view.spans.get('b')?.labelId).toBe('PERSON');
    expect(transport.sent[4]).toEqual({ method: 'PATCH', path: '/annotations/c', body: { version: 1, labelId: 'GPE' } });
    await transport.answer(200, wire('c', 2, 'GPE'));
    expect(engine.snapshot()).toMatchObject({ pending: 0, status: { kind: 'saved' } });
    expect([...engine.snapshot().view.spans.values()].map((s) => s.labelId)).toEqual(['ORG', 'PERSON', 'GPE', 'ORG']);
  });

  it('pauses on the conflict a batch names once that operation is sent alone', async () => {
    const { transport, engine } = setup([wire('a', 1), wire('b', 1), wire('x', 1)]);
    engine.apply([{ type: 'updateSpan', key: 'x', change: { labelId: 'ORG' } }]);
    engine.apply([
      { type: 'updateSpan', key: 'b', change: { labelId: 'ORG' } },
      { type: 'updateSpan', key: 'a', change: { labelId: 'GPE' } },
    ]);
    await transport.answer(200, wire('x', 2, 'ORG'));
    await transport.answer(409, { error: { code: 'version_conflict', message: 'ops.1: changed', details: { op: 1, current: wire('a', 7, 'NORP') } } });
    // Op 0 of the batch goes alone, then the conflicting one.
    expect(transport.sent[2]).toMatchObject({ method: 'PATCH', path: '/annotations/b' });
    await transport.answer(200, wire('b', 2, 'ORG'));
    expect(transport.sent[3]).toMatchObject({ method: 'PATCH', path: '/annotations/a' });
    await transport.answer(409, { error: { code: 'version_conflict', message: 'changed', details: { current: wire('a', 7, 'NORP') } } });
    expect(engine.snapshot().status).toMatchObject({ kind: 'conflict', conflict: { theirsVersion: 7, theirs: { key: 'a', labelId: 'NORP' } } });
  });

  it('keeps a batch that failed on the network and re-sends it whole after the backoff', async () => {
    const { transport, clock, engine } = setup([wire('a', 1), wire('b', 1), wire('x', 1)]);
    engine.apply([{ type: 'updateSpan', key: 'x', change: { labelId: 'ORG' } }]);
    engine.apply([
      { type: 'updateSpan', key: 'a', change: { labelId: 'ORG' } },
      { type: 'updateSpan', key: 'b', change: { labelId: 'GPE' } },
    ]);
    await transport.answer(200, wire('x', 2, 'ORG'));
    await transport.failNetwork();
    expect(engine.snapshot()).toMatchObject({ pending: 2, status: { kind: 'retrying', attempt: 1, delayMs: 1000 } });
    await clock.advance(1000);
    expect(transport.sent[2]).toEqual(transport.sent[1]);
    await transport.answer(503, { error: { code: 'database_unavailable', message: 'down' } });
    expect(engine.snapshot().status).toMatchObject({ kind: 'retrying', attempt: 2 });
    await clock.advance(2000);
    await transport.answer(200, {
      results: [
        { op: 'updateAnnotation', item: wire('a', 2, 'ORG') },
        { op: 'updateAnnotation', item: wire('b', 2, 'GPE') },
      ],
    });
    expect(engine.snapshot()).toMatchObject({ pending: 0, status: { kind: 'saved' } });
    expect(transport.sent).toHaveLength(4);
  });
});
