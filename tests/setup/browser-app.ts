import { spawn, type ChildProcess } from 'node:child_process';
import { chmodSync, existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { ensureAuthSecret } from '@/lib/auth/secret';
import { createPrismaClient } from '@/lib/db/client';
import { freePort, startEmbeddedDatabase } from '@/lib/db/embedded';
import { migrate } from '@/lib/db/migrate';
import { seedDemo } from '@/lib/seed/demo';
import { buildIsCurrent, recordBuild } from '../../scripts/build-state';

/**
 * Browser tests run against the real thing: a production build served by
 * `next start` on a fresh embedded PostgreSQL with the demo project seeded.
 * Without Chromium (CHROMIUM_PATH, default /usr/bin/chromium) the browser tests
 * skip themselves visibly, and this setup does nothing.
 */
const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
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
    await run(['build'], {});
    recordBuild(root);
  }
  const port = await freePort();
  const url = `http://127.0.0.1:${port}`;
  const env = { DATABASE_URL: database.url, NEXTAUTH_URL: url, PORT: String(port) };
  const server = spawnNext(['start', '-p', String(port), '-H', '127.0.0.1'], env);
  await waitForHealth(url, server);
  Object.assign(process.env, { GLOSSA_URL: url, GLOSSA_EMAIL: demo.email, GLOSSA_PASSWORD: demo.password, GLOSSA_TEST_DATABASE_URL: database.url });

  return async () => {
    server.kill('SIGTERM');
    await new Promise((resolve) => server.once('exit', resolve));
    await database.stop();
    rmSync(dataRoot, { recursive: true, force: true });
  };
}

function spawnNext(args: string[], env: Record<string, string>): ChildProcess {
  return spawn(process.execPath, [path.join(root, 'node_modules/next/dist/bin/next'), ...args], {
    cwd: root,
    stdio: ['ignore', 'inherit', 'inherit'],
    env: { ...process.env, ...env, NEXT_TELEMETRY_DISABLED: '1' },
  });
}

function run(args: string[], env: Record<string, string>): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawnNext(args, env);
    child.once('exit', (code) => (code === 0 ? resolve() : reject(new Error(`next ${args.join(' ')} exited with ${code}`))));
  });
}

async function waitForHealth(url: string, server: ChildProcess): Promise<void> {
  const deadline = Date.now() + 120_000;
  while (Date.now() < deadline) {
    if (server.exitCode !== null) throw new Error(`next start exited with ${server.exitCode}`);
    const ok = await fetch(`${url}/api/health`).then((r) => r.ok, () => false);
    if (ok) return;
    await new Promise((resolve) => setTimeout(resolve, 300));
  }
  throw new Error('the app did not become healthy within 2 minutes');
}
