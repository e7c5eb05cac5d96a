import { chmodSync, existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { ensureAuthSecret } from '@/lib/auth/secret';
import { createPrismaClient } from '@/lib/db/client';
import { freePort, startEmbeddedDatabase } from '@/lib/db/embedded';
import { migrate } from '@/lib/db/migrate';
import { seedDemo } from '@/lib/seed/demo';
import { buildIsCurrent, recordBuild } from '../../scripts/build-state';
import { root, runNext, spawnNext, waitForHealth } from '../../scripts/next-process';

/**
 * Browser tests run against the real thing: a production build served by
 * `next start` on a fresh embedded PostgreSQL with the demo project seeded.
 * Without Chromium (CHROMIUM_PATH, default /usr/bin/chromium) the browser tests
 * skip themselves visibly, and this setup does nothing.
 */
export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

export default async function setup() {
  if (!existsSync(CHROMIUM) || process.env.GLOSSA_URL) return;
  process.env.GLOSSA_NEXT_DIST_DIR = '.next-test';
  const dataRoot = mkdtempSync(path.join(tmpdir(), 'glossa-browser-'));
  chmodSync(dataRoot, 0o755);
  const database = await startEmbeddedDatabase({ dataRoot });
  await migrate(database.url);
  const db = createPrismaClient(database.url);
  process.env.NEXTAUTH_SECRET ??= 'browser-tests-secret-0123456789abcdef';
  await ensureAuthSecret(db);
  const demo = await seedDemo(db);
  await db.$disconnect();
  if (!demo.created) throw new Error('the browser test database was not empty');

  if (!buildIsCurrent(root)) {
    await runNext(['build']);
    recordBuild(root);
  }
  const port = await freePort();
  const url = `http://127.0.0.1:${port}`;
  const env = { DATABASE_URL: database.url, NEXTAUTH_URL: url, PORT: String(port) };
  const server = spawnNext(['start', '-p', String(port), '-H', '127.0.0.1'], { env, stdio: ['ignore', 'inherit', 'inherit'] });
  await waitForHealth(url, server);
  Object.assign(process.env, {
    GLOSSA_URL: url,
    GLOSSA_EMAIL: demo.email,
    GLOSSA_PASSWORD: demo.password,
    GLOSSA_TEST_DATABASE_URL: database.url,
    // The hostile suite (tests/security) checks that no payload killed or replaced the server.
    GLOSSA_SERVER_PID: String(server.pid),
  });

  return async () => {
    server.kill('SIGTERM');
    await new Promise((resolve) => server.once('exit', resolve));
    await database.stop();
    rmSync(dataRoot, { recursive: true, force: true });
  };
}
