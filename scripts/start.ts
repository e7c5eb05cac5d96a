/**
 * `npm start`: find or start PostgreSQL, migrate, seed the demo project on first
 * run, build the app if its sources changed, and serve it. Ctrl-C stops
 * everything this process started, PostgreSQL included.
 */
import type { ChildProcess } from 'node:child_process';
import { ensureAuthSecret } from '@/lib/auth/secret';
import { createPrismaClient } from '@/lib/db/client';
import { prepareDatabase } from '@/lib/db/prepare';
import { describeStartupError, StartupError } from '@/lib/db/startup-error';
import { trustedProxies } from '@/lib/http/client-address';
import { seedDemo } from '@/lib/seed/demo';
import { assertPortFree, parsePort } from '@/lib/server/port';
import { buildIsCurrent, recordBuild } from './build-state';
import { root, runNext, spawnNext, waitForHealth } from './next-process';

const dev = process.argv.includes('--dev');
const log = (line: string) => console.log(`[glossa] ${line}`);

async function main(): Promise<void> {
  const port = parsePort(process.env.PORT);
  const host = process.env.HOST ?? '0.0.0.0';
  await assertPortFree(port, host);
  // A typo here would otherwise surface only at the first sign-in.
  trustedProxies();
  // next-auth builds its callback URLs from this; a reverse proxy deployment sets its public URL.
  process.env.NEXTAUTH_URL ??= `http://localhost:${port}`;

  const database = await prepareDatabase(log);
  let child: ChildProcess | null = null;
  let stopping = false;
  const shutdown = async (code: number) => {
    if (stopping) return;
    stopping = true;
    if (child && child.exitCode === null) {
      child.kill('SIGTERM');
      await new Promise((resolve) => child?.once('exit', resolve));
    }
    if (database.embedded?.owned) {
      log('Stopping the embedded PostgreSQL …');
      await database.embedded.stop();
    }
    process.exit(code);
  };
  process.on('SIGINT', () => void shutdown(0));
  process.on('SIGTERM', () => void shutdown(0));

  try {
    log(`Database: ${database.description}`);
    const db = createPrismaClient(database.url);
    try {
      await ensureAuthSecret(db);
      const seeded = await seedDemo(db);
      if (seeded.created) announceDemo(seeded.email, seeded.password);
    } finally {
      await db.$disconnect();
    }

    if (!dev && !buildIsCurrent(root)) {
      log('Building the app (first start or changed sources; this takes a minute or two) …');
      await runNext(['build']).catch((error: Error) => {
        throw new StartupError(error.message, 'See the build output above.');
      });
      recordBuild(root);
    }
    child = spawnNext(dev ? ['dev', '-p', String(port), '-H', host] : ['start', '-p', String(port), '-H', host]);
    child.once('exit', (code) => void shutdown(code ?? 1));
    await waitForHealth(`http://127.0.0.1:${port}`, child).catch((error: Error) => {
      throw new StartupError(`Glossa did not start: ${error.message}`, 'See the server output above.');
    });
    log(`Glossa is ready at http://localhost:${port}  (Ctrl-C to stop)`);
  } catch (error) {
    console.error(describeStartupError(error));
    await shutdown(1);
  }
}

function announceDemo(email: string, password: string): void {
  const lines = [
    'Demo project created. Sign in with (shown only this once):',
    `    e-mail:   ${email}`,
    `    password: ${password}`,
    'Create more accounts with: npx glossa user create --email you@example.org --name "You" --password …',
  ];
  console.log(`\n${lines.map((line) => `[glossa] ${line}`).join('\n')}\n`);
}

main().catch(async (error) => {
  console.error(describeStartupError(error));
  process.exit(1);
});
