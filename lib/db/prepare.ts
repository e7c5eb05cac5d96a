import 'server-only';
import { resolveDatabase, type DatabaseTarget } from './connect';
import { migrate, type MigrationResult } from './migrate';

/**
 * What every entry point does first: find the shared database, bring its schema
 * up to date and expose it as DATABASE_URL for the rest of the process.
 */
export async function prepareDatabase(log: (line: string) => void): Promise<DatabaseTarget & { migrations: MigrationResult }> {
  const target = await resolveDatabase({ log });
  try {
    const migrations = await migrate(target.url);
    for (const warning of migrations.warnings) log(`⚠ ${warning}`);
    if (migrations.applied.length > 0) log(`Applied ${migrations.applied.length} migration(s): ${migrations.applied.join(', ')}`);
    process.env.DATABASE_URL = target.url;
    return { ...target, migrations };
  } catch (error) {
    await target.embedded?.stop();
    throw error;
  }
}
