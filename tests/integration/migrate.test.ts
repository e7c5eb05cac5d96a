import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, inject, it } from 'vitest';
import pg from 'pg';
import { migrate, MIGRATIONS_DIR, readMigrations } from '@/lib/db/migrate';
import { StartupError } from '@/lib/db/startup-error';
import { adminQuery, urlOfDatabase } from '@/lib/db/admin';

/** One checked-in migration with non-ASCII bytes; its digest is written literally below. */
const FIXTURE_MIGRATIONS = path.join(import.meta.dirname, '../fixtures/migrations');

async function freshDatabase(name: string): Promise<string> {
  const admin = inject('adminDatabaseUrl');
  await adminQuery(admin, `DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
  await adminQuery(admin, `CREATE DATABASE "${name}"`);
  return urlOfDatabase(admin, name);
}

async function query<T extends pg.QueryResultRow>(url: string, sql: string): Promise<T[]> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return (await client.query<T>(sql)).rows;
  } finally {
    await client.end();
  }
}

describe('migration runner', () => {
  it('records each migration as prisma migrate deploy does, and is idempotent', async () => {
    const url = await freshDatabase('glossa_migrate_records');
    const first = await migrate(url);
    expect(first.applied).toEqual(readMigrations().map((m) => m.name));
    const rows = await query<{ migration_name: string; checksum: string; finished_at: Date | null; applied_steps_count: number; id: string }>(
      url,
      'SELECT * FROM "_prisma_migrations" ORDER BY migration_name',
    );
    for (const [index, migration] of readMigrations().entries()) {
      const row = rows[index]!;
      expect(row.migration_name).toBe(migration.name);
      // Prisma's checksum is SHA-256 over the file's bytes, not over text decoded and re-encoded.
      expect(row.checksum).toBe(
        createHash('sha256')
          .update(readFileSync(path.join(MIGRATIONS_DIR, migration.name, 'migration.sql')))
          .digest('hex'),
      );
      expect(row.finished_at).toBeInstanceOf(Date);
      expect(row.applied_steps_count).toBe(1);
      expect(row.id).toMatch(/^[0-9a-f-]{36}$/);
    }
    const second = await migrate(url);
    expect(second).toEqual({ applied: [], alreadyApplied: rows.length, warnings: [] });
  });

  it('records the checksum prisma migrate deploy records: SHA-256 of the file, hex', async () => {
    const url = await freshDatabase('glossa_migrate_fixture');
    const migrations = readMigrations(FIXTURE_MIGRATIONS);
    expect(migrations.map((m) => m.name)).toEqual(['20200101000000_checksum_fixture']);
    await migrate(url, migrations);
    const rows = await query<{ migration_name: string; checksum: string }>(url, 'SELECT migration_name, checksum FROM "_prisma_migrations"');
    // Computed outside this code base: `sha256sum tests/fixtures/migrations/20200101000000_checksum_fixture/migration.sql`.
    expect(rows).toEqual([{ migration_name: '20200101000000_checksum_fixture', checksum: '4ebce6a2682a6c0d75dd0cd1dea231d95b2b5610048ef986a3ff8caa8a0e0eef' }]);
  });

  it('rolls a failing migration back completely and names it', async () => {
    const url = await freshDatabase('glossa_migrate_failure');
    const migrations = [
      { name: '20200101000000_ok', sql: 'CREATE TABLE ok (id int);', checksum: 'a'.repeat(64) },
      { name: '20200102000000_broken', sql: 'CREATE TABLE half (id int);\nSELECT * FROM missing_table;', checksum: 'b'.repeat(64) },
    ];
    const failure = await migrate(url, migrations).catch((error: unknown) => error);
    expect(failure).toBeInstanceOf(StartupError);
    expect((failure as Error).message).toContain('20200102000000_broken');
    expect((failure as Error).message).toContain('missing_table');
    const tables = await query<{ table_name: string }>(url, "SELECT table_name FROM information_schema.tables WHERE table_schema = 'public'");
    expect(tables.map((t) => t.table_name).sort()).toEqual(['_prisma_migrations', 'ok']);
    const recorded = await query<{ migration_name: string }>(url, 'SELECT migration_name FROM "_prisma_migrations"');
    expect(recorded.map((r) => r.migration_name)).toEqual(['20200101000000_ok']);
  });

  it('lets concurrent runners apply each migration exactly once', async () => {
    const url = await freshDatabase('glossa_migrate_concurrent');
    const results = await Promise.all([migrate(url), migrate(url), migrate(url)]);
    expect(results.map((r) => r.applied.length).sort()).toEqual([0, 0, readMigrations().length]);
    const rows = await query<{ count: string }>(url, 'SELECT count(*) FROM "_prisma_migrations"');
    expect(Number(rows[0]!.count)).toBe(readMigrations().length);
  });

  it('warns when an applied migration was edited afterwards', async () => {
    const url = await freshDatabase('glossa_migrate_checksum');
    const [first] = readMigrations();
    await migrate(url, [first!]);
    const result = await migrate(url, [{ ...first!, checksum: '0'.repeat(64) }]);
    expect(result.warnings).toEqual([`Migration ${first!.name} was changed after it was applied (checksum differs).`]);
  });
});
