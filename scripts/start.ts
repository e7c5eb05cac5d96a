/**
 * `npm start`: find or start PostgreSQL, migrate, seed the demo project on first
 * run, build the app if its sources changed, and serve it. Ctrl-C stops
 * everything this process started, PostgreSQL included.
 */
import { ensureAuthSecret } from '@/lib/auth/secret';
import { createPrismaClient } from '@/lib/db/client';
import { prepareDatabase } from '@/lib/db/prepare';
import { describeStartupError, StartupError } from '@/lib/db/startup-error';
import { publicUrl } from '@/lib/http/public-url';
import { trustedProxies } from '@/lib/http/client-address';
import { seedDemo } from '@/lib/seed/demo';
import { assertPortFree, parsePort } from '@/lib/server/port';
import { buildIsCurrent, recordBuild } from './build-state';
import { root, runNext, spawnNext, waitForHealth } from './next-process';
import { supervise, type Supervisor } from './supervise';

const dev = process.argv.includes('--dev');
const log = (line: string) => console.log(`[glossa] ${line}`);

async function main(): Promise<void> {
  const port = parsePort(process.env.PORT);
  const host = process.env.HOST ?? '0.0.0.0';
  await assertPortFree(port, host);
  // A typo here would otherwise surface only at the first sign-in.
  trustedProxies();
  // next-auth builds its callback URLs and decides Secure cookies from this; a reverse proxy
  // deployment sets its public URL (GLOSSA_PUBLIC_URL or NEXTAUTH_URL).
  process.env.NEXTAUTH_URL ??= process.env.GLOSSA_PUBLIC_URL ?? `http://localhost:${port}`;
  // Every request reads it (lib/http/origin.ts); a malformed value fails here, once, with its name.
  try {
    publicUrl();
  } catch (error) {
    throw new StartupError((error as Error).message, 'Set it to the address people use, e.g. https://glossa.example.org.');
  }

  const database = await prepareDatabase(log);
  let server: Supervisor | null = null;
  let stopping = false;
  const shutdown = async (code: number) => {
    if (stopping) return;
    stopping = true;
    await server?.stop();
    if (database.embedded?.owned) {
      log('Stopping the embedded PostgreSQL …');
      await database.embedded.stop();
    }
    process.exit(code);
  };
  process.on('SIGINT', () => void shutdown(0));
  process.on('SIGTERM', () => void shutdown(0));

  // The demo's password is shown last, under "ready": the build prints some 70 lines after the
  // seeding, and a password printed before them scrolled out of sight.
  let demo: { email: string; password: string } | null = null;
  try {
    log(`Database: ${database.description}`);
    const db = createPrismaClient(database.url);
    try {
      await ensureAuthSecret(db);
      const seeded = await seedDemo(db);
      if (seeded.created) demo = seeded;
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
    const args = dev ? ['dev', '-p', String(port), '-H', host] : ['start', '-p', String(port), '-H', host];
    server = supervise({ spawn: () => spawnNext(args), log });
    void server.done.then((code) => shutdown(code));
    await waitForHealth(`http://127.0.0.1:${port}`, server.current()).catch((error: Error) => {
      throw new StartupError(`Glossa did not start: ${error.message}`, 'See the server output above.');
    });
    log(`Glossa is ready at http://localhost:${port}  (Ctrl-C to stop)`);
    if (demo) announceDemo(demo.email, demo.password);
  } catch (error) {
    console.error(describeStartupError(error));
    // The account exists now whatever failed after it; this is the only time its password is known.
    if (demo) announceDemo(demo.email, demo.password);
    await shutdown(1);
  }
}

function announceDemo(email: string, password: string): void {
  const lines = [
    'Demo project created. Sign in with (shown only this once):',
    `    e-mail:   ${email}`,
    `    password: ${password}`,
    `Lost it? A new one: npx glossa user password --email ${email}`,
    'Create more accounts with: npx glossa user create --email you@example.org --name "You" --password …',
  ];
  console.log(`\n${lines.map((line) => `[glossa] ${line}`).join('\n')}\n`);
}

main().catch(async (error) => {
  console.error(describeStartupError(error));
  process.exit(1);
});
