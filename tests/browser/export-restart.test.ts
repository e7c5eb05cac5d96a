import { createHash } from 'node:crypto';
import { once } from 'node:events';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TOTAL_DOCUMENTS_HEADER } from '@/lib/api/endpoints/export';
import { createApiToken } from '@/lib/auth/api-tokens';
import { createPrismaClient, type PrismaClient } from '@/lib/db/client';
import { BASE } from '../support/browser';
import { contentFingerprint, fillProject } from '../support/large-project';
import { startOwnApp, type OwnApp } from '../support/own-app';

/**
 * The app server killed (SIGKILL) while it streams a large export over HTTP, then started
 * again (issue #9). The client sees the transfer fail rather than a short file that looks
 * whole, the database is unchanged, and the export after the restart is the same bytes as
 * the one before. It kills a server, so it runs its own app (tests/support/own-app.ts);
 * it lives with the browser tests for their production build, and needs no browser.
 */
const DOCUMENTS = 1200;

describe.skipIf(!BASE)('server killed during an export', () => {
  let app: OwnApp;
  let db: PrismaClient;
  let headers: Record<string, string>;

  beforeAll(async () => {
    app = await startOwnApp();
    db = createPrismaClient(app.database.url);
    const owner = await db.user.findUniqueOrThrow({ where: { email: app.demo.email } });
    await fillProject(db, app.demo.projectId, owner.id, DOCUMENTS);
    headers = { authorization: `Bearer ${(await createApiToken(db, owner.id, 'export restart')).token}` };
  }, 120_000);

  afterAll(async () => {
    await db?.$disconnect();
    await app?.close();
  });

  const exportUrl = () => `${app.url}/api/v1/projects/${app.demo.projectId}/export?format=jsonl&source=all`;

  async function download(): Promise<Buffer> {
    const response = await fetch(exportUrl(), { headers });
    expect(response.status).toBe(200);
    expect(response.headers.get(TOTAL_DOCUMENTS_HEADER)).toBe(String(DOCUMENTS + 1));
    return Buffer.from(await response.arrayBuffer());
  }

  const sha256 = (bytes: Buffer) => createHash('sha256').update(bytes).digest('hex');

  it('fails the transfer visibly, changes nothing, and exports the same bytes after the restart', async () => {
    const before = await contentFingerprint(db);
    const complete = await download();
    expect(complete.length, 'an export larger than what socket buffers hold').toBeGreaterThan(20 * 1024 * 1024);
    expect(complete.toString('utf8').split('\n')).toHaveLength(DOCUMENTS + 2);

    const response = await fetch(exportUrl(), { headers });
    expect(response.status).toBe(200);
    const reader = response.body!.getReader();
    let received = 0;
    while (received < 2 * 1024 * 1024) {
      const { value, done } = await reader.read();
      if (done) throw new Error(`the export ended after ${received} bytes`);
      received += value.length;
    }
    const server = app.server;
    server.kill('SIGKILL');
    await once(server, 'exit');
    const rest = (async () => {
      for (let read = await reader.read(); !read.done; read = await reader.read()) received += read.value.length;
    })();
    await expect(rest, 'the client is told the transfer broke off').rejects.toThrow();
    expect(received).toBeLessThan(complete.length);

    await app.startServer();
    expect(await contentFingerprint(db)).toEqual(before);
    expect(sha256(await download())).toBe(sha256(complete));
  }, 90_000);
});
