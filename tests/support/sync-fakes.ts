import type { ApiRequest } from '@/lib/api/client';
import type { Span } from '@/lib/editor/model';
import { stateFromServer, type ServerAnnotation, type ServerRef } from '@/lib/editor/server';
import { SyncEngine, type ApiResponse } from '@/lib/editor/sync';

/** Fakes for the sync engine's unit tests (tests/unit/editor-sync*.test.ts): a transport and a clock the test drives. */
export /** A transport whose answers the test releases one at a time. */
class FakeTransport {
  readonly sent: ApiRequest[] = [];
  private waiting: { resolve: (r: ApiResponse) => void; reject: (e: Error) => void }[] = [];

  send = (request: ApiRequest) => {
    this.sent.push(request);
    return new Promise<ApiResponse>((resolve, reject) => this.waiting.push({ resolve, reject }));
  };

  async answer(status: number, body: unknown = null) {
    const next = this.waiting.shift();
    if (!next) throw new Error('no request is waiting');
    next.resolve({ status, body });
    await flush();
  }

  async failNetwork() {
    this.waiting.shift()!.reject(new TypeError('Failed to fetch'));
    await flush();
  }

  get inFlight() {
    return this.waiting.length;
  }
}

/** A clock the test advances by hand. */
export class FakeClock {
  timers: { at: number; run: () => void }[] = [];
  now = 0;
  schedule = (run: () => void, ms: number) => {
    const timer = { at: this.now + ms, run };
    this.timers.push(timer);
    return () => (this.timers = this.timers.filter((t) => t !== timer));
  };
  async advance(ms: number) {
    this.now += ms;
    const due = this.timers.filter((t) => t.at <= this.now);
    this.timers = this.timers.filter((t) => t.at > this.now);
    due.forEach((t) => t.run());
    await flush();
  }
}

export const flush = () => new Promise((resolve) => setTimeout(resolve, 0));

export const span = (key: string, labelId = 'PERSON', start = 0, end = 5): Span => ({
  key,
  labelId,
  start,
  end,
  quote: 'Hafiz'.slice(0, end - start),
  target: null,
  attributes: {},
  unsure: false,
  note: null,
});
export const wire = (id: string, version: number, labelId = 'PERSON'): ServerAnnotation => ({
  id,
  labelId,
  start: 0,
  end: 5,
  quote: 'Hafiz',
  attributes: {},
  unsure: false,
  note: null,
  target: null,
  version,
});

export function setup(initial: ServerAnnotation[] = []) {
  const transport = new FakeTransport();
  const clock = new FakeClock();
  const { doc, refs } = stateFromServer(initial, [], []);
  const engine = new SyncEngine({ documentId: 'doc1', doc, refs, transport, schedule: clock.schedule });
  return { transport, clock, engine, refs: refs as Map<string, ServerRef> };
}
