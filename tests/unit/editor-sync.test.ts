import { describe, expect, it } from 'vitest';
import { stateFromServer } from '@/lib/editor/server';
import { defaultBackoff } from '@/lib/editor/sync';
import { setup, span, wire } from '../support/sync-fakes';

describe('sync queue', () => {
  it('applies changes at once and sends them one at a time, in order', async () => {
    const { transport, engine } = setup();
    engine.apply([{ type: 'createSpan', span: span('new:1') }]);
    engine.apply([{ type: 'updateSpan', key: 'new:1', change: { labelId: 'ORG' } }]);
    expect(engine.snapshot().view.spans.get('new:1')?.labelId).toBe('ORG');
    expect(engine.snapshot().pending).toBe(2);
    expect(transport.sent).toHaveLength(1);
    expect(transport.sent[0]).toMatchObject({
      method: 'POST',
      path: '/documents/doc1/annotations',
      body: { labelId: 'PERSON', start: 0, end: 5, target: null },
    });

    await transport.answer(201, wire('srv1', 1));
    // The update goes out only now, addressed to the id the server just gave.
    expect(transport.sent[1]).toEqual({ method: 'PATCH', path: '/annotations/srv1', body: { version: 1, labelId: 'ORG' } });
    await transport.answer(200, wire('srv1', 2, 'ORG'));
    expect(engine.snapshot()).toMatchObject({ pending: 0, status: { kind: 'saved' } });
  });

  it('sends each update with the version the previous answer returned', async () => {
    const { transport, engine } = setup([wire('a', 3)]);
    engine.apply([{ type: 'updateSpan', key: 'a', change: { labelId: 'ORG' } }]);
    engine.apply([{ type: 'updateSpan', key: 'a', change: { labelId: 'PERSON' } }]);
    await transport.answer(200, wire('a', 4, 'ORG'));
    expect(transport.sent[1]?.body).toEqual({ version: 4, labelId: 'PERSON' });
  });

  it('resolves a stance target span created earlier in the same queue', async () => {
    const { transport, engine } = setup();
    engine.apply([{ type: 'createSpan', span: span('new:e', 'ORG') }]);
    engine.apply([{ type: 'createSpan', span: { ...span('new:s', 'AGAINST'), target: { kind: 'span', key: 'new:e' } } }]);
    await transport.answer(201, wire('e1', 1, 'ORG'));
    expect(transport.sent[1]?.body).toMatchObject({ target: { kind: 'span', id: 'e1' } });
  });

  it('keeps a change that failed on the network and retries it with backoff, never dropping it', async () => {
    const { transport, clock, engine } = setup();
    engine.apply([{ type: 'createSpan', span: span('new:1') }]);
    await transport.failNetwork();
    expect(engine.snapshot().status).toMatchObject({ kind: 'retrying', attempt: 1, delayMs: 1000 });
    expect(engine.snapshot().view.spans.has('new:1')).toBe(true);
    expect(engine.snapshot().pending).toBe(1);

    await clock.advance(999);
    expect(transport.sent).toHaveLength(1);
    await clock.advance(1);
    expect(transport.sent).toHaveLength(2);
    await transport.answer(503, { error: { code: 'unavailable', message: 'down' } });
    expect(engine.snapshot().status).toMatchObject({ kind: 'retrying', attempt: 2, delayMs: 2000 });

    // Changes made meanwhile wait behind the failing one.
    engine.apply([{ type: 'createSpan', span: span('new:2', 'ORG', 6, 9) }]);
    expect(transport.inFlight).toBe(0);
    engine.retryNow();
    expect(transport.sent).toHaveLength(3);
    // Both waiting now, so they go in one batch, in order.
    expect(transport.sent[2]).toMatchObject({
      method: 'POST',
      path: '/documents/doc1/operations',
      body: {
        ops: [
          { op: 'createAnnotation', body: { labelId: 'PERSON' } },
          { op: 'createAnnotation', body: { labelId: 'ORG' } },
        ],
      },
    });
    await transport.answer(200, {
      results: [
        { op: 'createAnnotation', item: wire('srv1', 1) },
        { op: 'createAnnotation', item: wire('srv2', 1, 'ORG') },
      ],
    });
    expect(engine.snapshot()).toMatchObject({ pending: 0, status: { kind: 'saved' } });
  });

  it('backs off exponentially up to 30 seconds', () => {
    expect([1, 2, 3, 4, 5, 6, 7, 12].map(defaultBackoff)).toEqual([1000, 2000, 4000, 8000, 16000, 30000, 30000, 30000]);
  });

  it('rolls back a change the server refuses, with its message, and what depended on it', async () => {
    const { transport, engine } = setup([wire('a', 1)]);
    engine.apply([{ type: 'createSpan', span: span('new:1', 'ORG', 0, 3) }]);
    engine.apply([{ type: 'updateSpan', key: 'new:1', change: { labelId: 'GPE' } }]);
    engine.apply([{ type: 'updateSpan', key: 'a', change: { labelId: 'NORP' } }]);
    await transport.answer(409, { error: { code: 'conflict', message: 'This project forbids overlapping ENTITY spans.' } });
    const after = engine.snapshot();
    expect(after.rejection?.message).toBe('This project forbids overlapping ENTITY spans.');
    expect(after.view.spans.has('new:1')).toBe(false);
    // The unrelated change is still applied and sent next.
    expect(after.view.spans.get('a')?.labelId).toBe('NORP');
    expect(after.pending).toBe(1);
    expect(transport.sent[1]).toMatchObject({ method: 'PATCH', path: '/annotations/a' });
  });

  it('restores the saved state when an update is refused', async () => {
    const { transport, engine } = setup([wire('a', 1)]);
    engine.apply([{ type: 'updateSpan', key: 'a', change: { start: 1, quote: 'afiz' } }]);
    await transport.answer(400, { error: { code: 'validation_failed', message: 'Invalid span: quote mismatch.' } });
    expect(engine.snapshot().view.spans.get('a')?.start).toBe(0);
    expect(engine.snapshot().rejection).toMatchObject({ id: 1, message: 'Invalid span: quote mismatch.' });
  });

  it('pauses on a version conflict; keeping mine re-sends with the server version', async () => {
    const { transport, engine } = setup([wire('a', 1)]);
    engine.apply([{ type: 'updateSpan', key: 'a', change: { labelId: 'ORG' } }]);
    engine.apply([{ type: 'deleteSpan', key: 'a' }]);
    await transport.answer(409, { error: { code: 'version_conflict', message: 'changed', details: { current: wire('a', 5, 'NORP') } } });
    const status = engine.snapshot().status;
    expect(status.kind).toBe('conflict');
    if (status.kind !== 'conflict') return;
    expect(status.conflict.mine).toBeNull(); // the user's latest word on this span is "deleted"
    expect(status.conflict.theirs.labelId).toBe('NORP');
    expect(transport.inFlight).toBe(0);

    engine.resolveConflict('mine');
    expect(transport.sent[1]?.body).toEqual({ version: 5, labelId: 'ORG' });
    await transport.answer(200, wire('a', 6, 'ORG'));
    expect(transport.sent[2]).toEqual({ method: 'DELETE', path: '/annotations/a?version=6' });
  });

  it('taking the server version drops my change and shows theirs', async () => {
    const { transport, engine } = setup([wire('a', 1)]);
    engine.apply([{ type: 'updateSpan', key: 'a', change: { labelId: 'ORG' } }]);
    await transport.answer(409, { error: { code: 'version_conflict', message: 'changed', details: { current: wire('a', 5, 'NORP') } } });
    engine.resolveConflict('theirs');
    expect(engine.snapshot().view.spans.get('a')?.labelId).toBe('NORP');
    expect(engine.snapshot()).toMatchObject({ pending: 0, status: { kind: 'saved' } });
    engine.apply([{ type: 'deleteSpan', key: 'a' }]);
    expect(transport.sent.at(-1)?.path).toBe('/annotations/a?version=5');
  });

  it('follows a span deleted and re-created by undo to its new server id', async () => {
    const { transport, engine, refs } = setup([wire('a', 2)]);
    engine.apply([{ type: 'deleteSpan', key: 'a' }]);
    engine.apply([{ type: 'createSpan', span: span('a') }]);
    engine.apply([{ type: 'updateSpan', key: 'a', change: { labelId: 'ORG' } }]);
    await transport.answer(204);
    expect(refs.has('a')).toBe(false);
    await transport.answer(201, wire('b', 1));
    expect(transport.sent[2]).toEqual({ method: 'PATCH', path: '/annotations/b', body: { version: 1, labelId: 'ORG' } });
  });

  it('treats a delete of something already gone as done, and saves answers with PUT', async () => {
    const { transport, engine } = setup([wire('a', 1)]);
    engine.apply([{ type: 'deleteSpan', key: 'a' }]);
    await transport.answer(404, { error: { code: 'not_found', message: 'Annotation not found' } });
    expect(engine.snapshot().rejection).toBeNull();
    engine.apply([{ type: 'setAnswers', answers: [{ labelId: 'Q', targetId: null, values: ['X'] }] }]);
    expect(transport.sent[1]).toEqual({ method: 'PUT', path: '/documents/doc1/labels', body: { answers: [{ labelId: 'Q', targetId: null, values: ['X'] }] } });
  });

  it('notifies subscribers with a new snapshot on every change', async () => {
    const { transport, engine } = setup();
    const seen: number[] = [];
    engine.subscribe(() => seen.push(engine.snapshot().pending));
    const before = engine.snapshot();
    expect(engine.snapshot()).toBe(before);
    engine.apply([{ type: 'createSpan', span: span('new:1') }]);
    await transport.answer(201, wire('x', 1));
    expect(seen.at(-1)).toBe(0);
    expect(seen.length).toBeGreaterThan(1);
    expect(engine.snapshot()).not.toBe(before);
  });
});

describe('adopting the server state (live updates)', () => {
  it('replaces the state when idle, keeping the keys the client already uses', async () => {
    const { engine, transport } = setup();
    engine.apply([{ type: 'createSpan', span: span('local-1') }]);
    await transport.answer(201, wire('server-1', 1));
    const changedElsewhere = [wire('server-1', 2, 'ORG'), wire('server-2', 1)];
    expect(engine.adopt((keyOf) => stateFromServer(changedElsewhere, [], [], keyOf), engine.readMark())).toBe(true);
    const spans = engine.snapshot().view.spans;
    expect([...spans.keys()].sort()).toEqual(['local-1', 'server-2']);
    expect(spans.get('local-1')!.labelId).toBe('ORG');
  });

  it('refuses while a change is still being saved, so nothing local is lost', async () => {
    const { engine, transport } = setup();
    engine.apply([{ type: 'createSpan', span: span('local-1') }]);
    expect(engine.adopt((keyOf) => stateFromServer([], [], [], keyOf), engine.readMark())).toBe(false);
    expect(engine.snapshot().view.spans.has('local-1')).toBe(true);
    await transport.answer(201, wire('server-1', 1));
  });

  it('refuses a state read before a change was acknowledged, which would take the saved change off the screen', async () => {
    const { engine, transport } = setup();
    // A live update's reads start, then the user's change is sent and saved before they answer.
    const readSince = engine.readMark();
    engine.apply([{ type: 'createSpan', span: span('local-1') }]);
    await transport.answer(201, wire('server-1', 1));
    expect(engine.snapshot().status.kind).toBe('saved');
    expect(engine.adopt((keyOf) => stateFromServer([], [], [], keyOf), readSince)).toBe(false);
    expect(engine.snapshot().view.spans.has('local-1')).toBe(true);
    // Read again after the acknowledgement: that state has the span and is adopted.
    expect(engine.adopt((keyOf) => stateFromServer([wire('server-1', 1)], [], [], keyOf), engine.readMark())).toBe(true);
    expect([...engine.snapshot().view.spans.keys()]).toEqual(['local-1']);
  });
});
