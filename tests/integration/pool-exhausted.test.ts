import { afterAll, expect, it } from 'vitest';
import { errorResponse } from '@/lib/api/endpoint';
import { getPrisma } from '@/lib/db/client';
import { call } from '../support/api';
import { makeUser } from '../support/fixtures';
import { rejectionOf } from '../support/rejection';

// Issue #14 item 8: a pool with no free connection answers 503 database_unavailable (retry
// later), not 500. A pool of one, held by a transaction, makes the real pg-pool time out.
process.env.DATABASE_POOL_SIZE = '1';
afterAll(() => {
  delete process.env.DATABASE_POOL_SIZE;
});

it('a request that finds every pooled connection busy past the connect timeout gets 503 database_unavailable', async () => {
  const db = getPrisma();
  const user = await makeUser(db, 'owner');
  let release!: () => void;
  const released = new Promise<void>((resolve) => (release = resolve));
  let holding!: () => void;
  const held = new Promise<void>((resolve) => (holding = resolve));
  const transaction = db.$transaction(
    async (tx) => {
      await tx.$queryRaw`SELECT 1`;
      holding();
      await released;
    },
    { timeout: 30_000 },
  );
  await held;
  const response = await call('GET', '/projects', {}, { token: user.token });
  // The error as a service's own query meets it, not only as the API's authentication does.
  const direct = await rejectionOf(db.project.findMany());
  // An interactive transaction gives up after its maxWait with Prisma's P2028 instead.
  const transaction503 = await rejectionOf(db.$transaction((tx) => tx.user.count(), { maxWait: 500 }));
  release();
  await transaction;
  // A transaction that outlives its own time limit is refused the same way (Prisma's P2028 "expired transaction").
  const expired = await rejectionOf(
    db.$transaction(
      async (tx) => {
        await new Promise((resolve) => setTimeout(resolve, 300));
        return tx.user.count();
      },
      { timeout: 100 },
    ),
  );
  expect(response.status, JSON.stringify(response.body)).toBe(503);
  expect(response.body.error.code).toBe('database_unavailable');
  expect(response.headers.get('retry-after')).toBe('5');
  expect(String(expired)).toContain('expired transaction');
  for (const error of [direct, transaction503, expired]) {
    expect(error).toBeInstanceOf(Error);
    const rendered = errorResponse(error);
    expect(rendered.status, String(error)).toBe(503);
    expect((await rendered.json()).error.code).toBe('database_unavailable');
  }
  expect((transaction503 as { code?: string }).code).toBe('P2028');
  // And once the connection is free again, the same request is answered.
  expect((await call('GET', '/projects', {}, { token: user.token })).status).toBe(200);
});
