import { randomBytes } from 'node:crypto';
import { chmodSync, mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { startEmbeddedDatabase } from '@/lib/db/embedded';

export interface BenchDatabase {
  url: string;
  description: string;
  cleanup(): Promise<void>;
}

/**
 * A new, empty database for one benchmark run: on the server at BENCH_DATABASE_URL when set
 * (to measure a tuned or managed PostgreSQL), otherwise on an embedded PostgreSQL with default
 * settings in a temporary directory. Dropped again by cleanup().
 */
export async function benchDatabase(): Promise<BenchDatabase> {
  const name = `glossa_bench_${randomBytes(4).toString('hex')}`;
  const external = process.env.BENCH_DATABASE_URL;
  if (external) {
    await adminQuery(external, `CREATE DATABASE "${name}"`);
    return {
      url: withDatabase(external, name),
      description: `database ${name} on BENCH_DATABASE_URL`,
      cleanup: () => adminQuery(external, `DROP DATABASE "${name}" WITH (FORCE)`),
    };
  }
  const dataRoot = mkdtempSync(path.join(os.tmpdir(), 'glossa-bench-'));
  chmodSync(dataRoot, 0o755); // the postgres OS user must reach the cluster when run as root
  const server = await startEmbeddedDatabase({ dataRoot, log: (line) => console.error(line) });
  await adminQuery(server.url, `CREATE DATABASE "${name}"`);
  return {
    url: withDatabase(server.url, name),
    description: 'an embedded PostgreSQL (default settings) on a temporary directory',
    async cleanup() {
      await server.stop();
      rmSync(dataRoot, { recursive: true, force: true });
    },
  };
}

function withDatabase(url: string, database: string): string {
  const copy = new URL(url);
  copy.pathname = `/${database}`;
  return copy.toString();
}

async function adminQuery(url: string, sql: string): Promise<void> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}
