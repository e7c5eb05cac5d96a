import type { ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { chmodSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { ensureAuthSecret } from '@/lib/auth/secret';
import { createPrismaClient } from '@/lib/db/client';
import { freePort, startEmbeddedDatabase, type EmbeddedDatabase } from '@/lib/db/embedded';
import { migrate } from '@/lib/db/migrate';
import { seedDemo } from '@/lib/seed/demo';
import { spawnNext, waitForHealth } from '../../scripts/next-process';

/**
 * An app of a fault test's own, for tests that stop its database or kill its server
 * without disturbing the shared one of tests/setup/browser-app.ts: an embedded
 * PostgreSQL on a temporary directory, migrated and seeded with the demo project, and
 * `next start` on it from the build that setup made.
 */
export interface OwnApp {
  url: string;
  database: EmbeddedDatabase;
  demo: { email: string; password: string; projectId: string };
  /** The current server process; startServer() replaces it. */
  readonly server: ChildProcess;
  /** Starts a server process (again, after the last one was killed) and waits until it is healthy. */
  startServer(): Promise<void>;
  close(): Promise<void>;
}

export async function startOwnApp(): Promise<OwnApp> {
  const dataRoot = mkdtempSync(path.join(tmpdir(), 'glossa-own-app-'));
  // PostgreSQL runs as another user when the tests run as root.
  chmodSync(dataRoot, 0o755);
  const database = await startEmbeddedDatabase({ dataRoot });
  await migrate(database.url);
  const db = createPrismaClient(database.url);
  await ensureAuthSecret(db);
  const seeded = await seedDemo(db);
  await db.$disconnect();
  if (!seeded.created) throw new Error('the new database was not empty');

  const port = await freePort();
  const url = `http://127.0.0.1:${port}`;
  let server: ChildProcess | undefined;
  const stopServer = async () => {
    if (!server || server.exitCode !== null || server.signalCode !== null) return;
    server.kill('SIGTERM');
    await once(server, 'exit');
  };
  const app: OwnApp = {
    url,
    database,
    demo: { email: seeded.email, password: seeded.password, projectId: seeded.projectId },
    get server() {
      if (!server) throw new Error('the server has not been started');
      return server;
    },
    async startServer() {
      await stopServer();
      server = spawnNext(['start', '-p', String(port), '-H', '127.0.0.1'], { env: { DATABASE_URL: database.url, NEXTAUTH_URL: url }, stdio: 'ignore' });
      await waitForHealth(url, server, 60_000);
    },
    async close() {
      await stopServer();
      await database.stop();
      rmSync(dataRoot, { recursive: true, force: true });
    },
  };
  try {
    await app.startServer();
  } catch (error) {
    await app.close();
    throw error;
  }
  return app;
}
