import 'server-only';
import pg from 'pg';
import { defaultDataRoot, startEmbeddedDatabase, type EmbeddedDatabase } from './embedded';
import { StartupError } from './startup-error';

/**
 * Finds the database every entry point shares: DATABASE_URL when set, otherwise the
 * embedded PostgreSQL under `.data/` (started if nothing is running there yet).
 */
export interface DatabaseTarget {
  url: string;
  embedded: EmbeddedDatabase | null;
  /** Where the database is, for start-up messages (no password). */
  description: string;
}

export async function resolveDatabase(options: { log?: (line: string) => void } = {}): Promise<DatabaseTarget> {
  const external = process.env.DATABASE_URL?.trim();
  if (external) {
    const url = parseUrl(external);
    await checkReachable(external, url);
    return { url: external, embedded: null, description: `PostgreSQL at ${redact(url)}` };
  }
  const embedded = await startEmbeddedDatabase({ dataRoot: defaultDataRoot(), log: options.log });
  return { url: embedded.url, embedded, description: `embedded PostgreSQL (data in ${embedded.dataDir})` };
}

function parseUrl(raw: string): URL {
  try {
    const url = new URL(raw);
    if (url.protocol !== 'postgres:' && url.protocol !== 'postgresql:') throw new Error('not a postgres URL');
    return url;
  } catch {
    throw new StartupError(
      'DATABASE_URL is not a valid PostgreSQL connection URL.',
      'Use the form postgresql://USER:PASSWORD@HOST:5432/DATABASE, or unset DATABASE_URL to use the embedded PostgreSQL.',
    );
  }
}

async function checkReachable(raw: string, url: URL): Promise<void> {
  const client = new pg.Client({ connectionString: raw, connectionTimeoutMillis: 10_000 });
  try {
    await client.connect();
    await client.query('SELECT 1');
  } catch (error) {
    const code = (error as { code?: string }).code;
    const fix =
      code === '28P01' || code === '28000'
        ? 'Check the user name and password in DATABASE_URL.'
        : code === '3D000'
          ? `Create the database first (createdb ${url.pathname.slice(1)}) or point DATABASE_URL at an existing one.`
          : 'Check that the server is running and reachable from here, or unset DATABASE_URL to use the embedded PostgreSQL.';
    throw new StartupError(`Cannot connect to ${redact(url)}: ${(error as Error).message}`, fix, { cause: error });
  } finally {
    await client.end().catch(() => {});
  }
}

function redact(url: URL): string {
  const copy = new URL(url.toString());
  if (copy.password) copy.password = '***';
  return copy.toString();
}
