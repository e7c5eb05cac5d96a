import { createServer, type Server, type Socket } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CONNECT_TIMEOUT_MS, createPrismaClient } from '@/lib/db/client';
import { isDatabaseUnavailable } from '@/lib/http/errors';
import { rejectionOf } from '../support/rejection';

/**
 * A database host that accepts connections and then says nothing (a hung server, a firewall
 * swallowing packets): requests must fail within the connect timeout as "database unavailable"
 * (the API's 503), not hang for minutes.
 */
describe('a database that never answers', () => {
  let server: Server;
  const sockets: Socket[] = [];
  let url = '';

  beforeAll(async () => {
    server = createServer((socket) => void sockets.push(socket));
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const { port } = server.address() as { port: number };
    url = `postgresql://glossa:secret@127.0.0.1:${port}/glossa`;
  });
  afterAll(async () => {
    for (const socket of sockets) socket.destroy();
    await new Promise((resolve) => server.close(resolve));
  });

  it('fails the query within the connect timeout, recognised as the database being unavailable', async () => {
    const db = createPrismaClient(url);
    const started = Date.now();
    const error = await rejectionOf(db.$queryRaw`SELECT 1`);
    expect(error).not.toBeNull();
    expect(isDatabaseUnavailable(error)).toBe(true);
    expect(Date.now() - started).toBeLessThan(CONNECT_TIMEOUT_MS + 5_000);
    await db.$disconnect().catch(() => {});
  }, 60_000);
});
