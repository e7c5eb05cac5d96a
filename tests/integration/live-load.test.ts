import { createServer, type Server } from 'node:net';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { getPrisma } from '@/lib/db/client';
import { STREAM_LIMITS } from '@/lib/live/hub';
import { routeModule } from '../support/api';
import { makeProject, makeUser, type TestUser } from '../support/fixtures';
import { readServerEvents } from '../support/sse';

// Issue #14 items 7 and 8: many event streams on one document cost the database a constant
// amount per presence change, are limited per user and per document (429), leave no
// presence behind when they close, and a listener that cannot connect leaks nothing.

const base = getPrisma();
let statements = 0;
// Every statement the app issues through its client, raw ones included.
(globalThis as { glossaPrisma?: unknown }).glossaPrisma = base.$extends({
  query: {
    async $allOperations({ args, query }) {
      statements += 1;
      return query(args);
    },
  },
});
const db = getPrisma();

const open: AbortController[] = [];
afterEach(async () => {
  open.splice(0).forEach((c) => c.abort());
  await until(async () => (await db.presence.count()) === 0, 'every presence row to be gone');
});

let owner: TestUser;
let projectId: string;
let documentId: string;
beforeEach(async () => {
  owner = await makeUser(db, 'owner');
  projectId = (await makeProject(db, { OWNER: owner })).id;
  documentId = (await db.document.create({ data: { projectId, name: 'd', text: 'Talks in Doha.', sha256: 'x', position: 0 } })).id;
});

async function until(check: () => Promise<boolean> | boolean, what: string, timeoutMs = 10_000) {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 25));
  }
}

async function member(name: string) {
  const user = await makeUser(db, name);
  await db.membership.create({ data: { projectId, userId: user.id, role: 'ANNOTATOR' } });
  return user;
}

/** Opens the event stream like a browser; keeps the latest presence list it received. */
async function stream(user: TestUser, document = documentId) {
  const { GET } = await routeModule('/documents/{id}/events');
  const controller = new AbortController();
  const response = await GET!(
    new Request(`http://localhost/api/v1/documents/${document}/events`, { headers: { authorization: `Bearer ${user.token}` }, signal: controller.signal }),
    { params: Promise.resolve({ id: document }) },
  );
  if (response.status !== 200)
    return { status: response.status, body: await response.json(), headers: response.headers, presence: [] as { connections: number }[], close: () => {} };
  open.push(controller);
  const state = { status: 200, body: null, headers: response.headers, presence: [] as { connections: number }[], close: () => controller.abort() };
  readServerEvents(response.body!, (event, data) => {
    if (event === 'presence') state.presence = data;
  });
  return state;
}

const connections = (presence: { connections: number }[]) => presence.reduce((sum, user) => sum + user.connections, 0);

describe('event streams under load', () => {
  it('a presence change costs a few statements, not two per open stream', async () => {
    const users = await Promise.all([1, 2, 3].map((n) => member(`viewer ${n}`)));
    const streams: Awaited<ReturnType<typeof stream>>[] = [];
    for (const user of users) for (let i = 0; i < 20; i++) streams.push(await stream(user));
    await until(() => streams.every((s) => connections(s.presence) === 60), 'all 60 streams to show 60 connections');
    await new Promise((r) => setTimeout(r, 300));

    statements = 0;
    const late = await stream(await member('late'));
    await until(() => [...streams, late].every((s) => connections(s.presence) === 61), 'all streams to show the 61st');
    // makeUser and membership writes above are counted too; opening a stream is authorization
    // (a handful of reads), one INSERT, and one presence read for all 61 streams.
    const withoutFix = 2 * 60;
    expect(statements).toBeLessThan(15);
    expect(statements).toBeLessThan(withoutFix);
  });

  it('answers 429 beyond the per-user and per-document limits, and nothing of the refused stream stays', async () => {
    const users = await Promise.all(Array.from({ length: STREAM_LIMITS.perDocument / STREAM_LIMITS.perUser }, (_, n) => member(`crowd ${n}`)));
    const other = (await db.document.create({ data: { projectId, name: 'e', text: 'Elsewhere.', sha256: 'y', position: 1 } })).id;
    // The per-user limit counts streams on any document.
    for (let i = 0; i < STREAM_LIMITS.perUser - 1; i++) expect((await stream(users[0]!)).status).toBe(200);
    expect((await stream(users[0]!, other)).status).toBe(200);
    const overUser = await stream(users[0]!);
    expect(overUser.status).toBe(429);
    expect(overUser.body.error).toMatchObject({ code: 'rate_limited', message: expect.stringContaining(`${STREAM_LIMITS.perUser} live-update streams`) });
    expect(overUser.headers.get('retry-after')).toBe('5');

    for (const user of users.slice(1)) for (let i = 0; i < STREAM_LIMITS.perUser; i++) expect((await stream(user)).status).toBe(200);
    // users[0] has one stream elsewhere, so this is the document's last one.
    expect((await stream(await member('newcomer'))).status).toBe(200);
    const latecomer = await member('latecomer');
    const overDocument = await stream(latecomer);
    expect(overDocument.status).toBe(429);
    expect(overDocument.body.error.message).toContain(`This document has ${STREAM_LIMITS.perDocument} live-update streams`);
    expect(await db.presence.count({ where: { documentId } })).toBe(STREAM_LIMITS.perDocument);
    expect(await db.presence.count({ where: { userId: latecomer.id } })).toBe(0);
    // afterEach closes them all and waits for their rows to go.
  });

  it('removes presence on close, including a client that left while its stream was being set up', async () => {
    const viewer = await member('viewer');
    const watcher = await stream(owner);
    const streams: Awaited<ReturnType<typeof stream>>[] = [];
    for (let i = 0; i < 10; i++) streams.push(await stream(viewer));
    await until(() => connections(watcher.presence) === 11, 'the watcher to see 11 connections');
    streams.forEach((s) => s.close());
    await until(() => connections(watcher.presence) === 1, 'the watcher to see only itself');
    expect(await db.presence.count()).toBe(1);

    // Aborted before the handler finished: the abort event fired while it was still joining.
    const { GET } = await routeModule('/documents/{id}/events');
    const controller = new AbortController();
    const pending = GET!(
      new Request(`http://localhost/api/v1/documents/${documentId}/events`, {
        headers: { authorization: `Bearer ${viewer.token}` },
        signal: controller.signal,
      }),
      {
        params: Promise.resolve({ id: documentId }),
      },
    );
    controller.abort();
    await pending;
    await until(async () => (await db.presence.count()) === 1, 'the aborted stream to leave');
    await new Promise((r) => setTimeout(r, 300));
    expect(await db.presence.findMany({ select: { userId: true } })).toEqual([{ userId: owner.id }]);
  });
});

describe('the listener connection', () => {
  let silent: Server;
  let url: string | undefined;
  beforeEach(() => {
    url = process.env.DATABASE_URL;
  });
  afterEach(() => {
    process.env.DATABASE_URL = url;
    silent?.close();
  });

  it('gives up after the connect timeout on a server that never answers, answers 503 and leaks no subscriber', async () => {
    // Accepts TCP connections and never says a word, like a host behind a dead NAT.
    silent = createServer(() => {});
    await new Promise<void>((resolve) => silent.listen(0, '127.0.0.1', resolve));
    const port = (silent.address() as { port: number }).port;
    const viewer = await member('viewer');
    process.env.DATABASE_URL = `postgresql://nobody:secret@127.0.0.1:${port}/none`;
    const refused = await stream(viewer);
    expect(refused.status).toBe(503);
    expect(refused.body.error.code).toBe('database_unavailable');
    expect(await db.presence.count()).toBe(0);

    // The refused attempt holds none of the user's slots.
    process.env.DATABASE_URL = url;
    for (let i = 0; i < STREAM_LIMITS.perUser; i++) expect((await stream(viewer)).status).toBe(200);
  });
});
