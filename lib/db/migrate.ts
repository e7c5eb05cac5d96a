import 'server-only';
import { createHash, randomUUID } from 'node:crypto';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import pg from 'pg';
import { StartupError } from './startup-error';

/**
 * Applies prisma/migrations/<timestamp>_<name>/migration.sql in order, the way
 * `prisma migrate deploy` would, so teams with Prisma's engines can keep using
 * `prisma migrate status/deploy` on the same database. Differences on purpose:
 * each migration runs in one transaction with its bookkeeping row, so a failure
 * leaves no trace at all instead of a "failed" row that blocks later deploys.
 */

// The advisory lock key prisma migrate uses, so the two never run at once.
const PRISMA_MIGRATE_LOCK = 72707369;

export const MIGRATIONS_DIR = fileURLToPath(new URL('../../prisma/migrations', import.meta.url));

interface Migration {
  name: string;
  sql: string;
  checksum: string;
}

export interface MigrationResult {
  applied: string[];
  alreadyApplied: number;
  warnings: string[];
}

export function readMigrations(dir = MIGRATIONS_DIR): Migration[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { withFileTypes: true })
    .filter((entry) => entry.isDirectory() && existsSync(path.join(dir, entry.name, 'migration.sql')))
    .map((entry) => entry.name)
    .sort()
    .map((name) => {
      const sql = readFileSync(path.join(dir, name, 'migration.sql'), 'utf8');
      return { name, sql, checksum: createHash('sha256').update(sql).digest('hex') };
    });
}

export async function migrate(url: string, migrations = readMigrations()): Promise<MigrationResult> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await client.query('SELECT pg_advisory_lock($1)', [PRISMA_MIGRATE_LOCK]);
    try {
      return await applyPending(client, migrations);
    } finally {
      await client.query('SELECT pg_advisory_unlock($1)', [PRISMA_MIGRATE_LOCK]);
    }
  } finally {
    await client.end();
  }
}

async function applyPending(client: pg.Client, migrations: Migration[]): Promise<MigrationResult> {
  // Same table definition as Prisma's migration engine creates.
  await client.query(`CREATE TABLE IF NOT EXISTS "_prisma_migrations" (
    "id" VARCHAR(36) PRIMARY KEY NOT NULL,
    "checksum" VARCHAR(64) NOT NULL,
    "finished_at" TIMESTAMPTZ,
    "migration_name" VARCHAR(255) NOT NULL,
    "logs" TEXT,
    "rolled_back_at" TIMESTAMPTZ,
    "started_at" TIMESTAMPTZ NOT NULL DEFAULT now(),
    "applied_steps_count" INTEGER NOT NULL DEFAULT 0
  )`);
  const { rows } = await client.query<{ migration_name: string; checksum: string; finished_at: Date | null }>(
    'SELECT migration_name, checksum, finished_at FROM "_prisma_migrations" WHERE rolled_back_at IS NULL',
  );
  const recorded = new Map(rows.map((row) => [row.migration_name, row]));
  const known = new Set(migrations.map((m) => m.name));
  const result: MigrationResult = { applied: [], alreadyApplied: 0, warnings: [] };

  for (const row of rows) {
    if (!known.has(row.migration_name)) {
      result.warnings.push(`Migration ${row.migration_name} is recorded in the database but missing from prisma/migrations.`);
    }
    if (row.finished_at === null) {
      throw new StartupError(
        `Migration ${row.migration_name} is recorded as started but never finished (left by another tool).`,
        'Inspect the database, then mark it rolled back (prisma migrate resolve --rolled-back) or finish it by hand.',
      );
    }
  }

  for (const migration of migrations) {
    const previous = recorded.get(migration.name);
    if (previous) {
      result.alreadyApplied += 1;
      if (previous.checksum !== migration.checksum) {
        result.warnings.push(`Migration ${migration.name} was changed after it was applied (checksum differs).`);
      }
      continue;
    }
    await applyOne(client, migration);
    result.applied.push(migration.name);
  }
  return result;
}

async function applyOne(client: pg.Client, migration: Migration): Promise<void> {
  await client.query('BEGIN');
  try {
    const id = randomUUID();
    await client.query('INSERT INTO "_prisma_migrations" (id, checksum, migration_name, started_at) VALUES ($1, $2, $3, now())', [
      id,
      migration.checksum,
      migration.name,
    ]);
    await client.query(migration.sql);
    await client.query('UPDATE "_prisma_migrations" SET finished_at = now(), applied_steps_count = 1 WHERE id = $1', [id]);
    await client.query('COMMIT');
  } catch (error) {
    await client.query('ROLLBACK');
    throw new StartupError(
      `Migration ${migration.name} failed and was rolled back: ${(error as Error).message}`,
      'Nothing from this migration was applied. Fix the SQL in prisma/migrations/' +
        `${migration.name}/migration.sql (or the database state it conflicts with) and start again.`,
      { cause: error },
    );
  }
}
