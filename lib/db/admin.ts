import pg from 'pg';

/**
 * What test set-up and benchmarks do to a whole server, outside any database's pool: name
 * another database on it, and run one statement that cannot run in a transaction
 * (CREATE DATABASE, DROP DATABASE) on a connection of its own.
 */

/** The URL of `database` on the same server as `url`. */
export function urlOfDatabase(url: string, database: string): string {
  const copy = new URL(url);
  copy.pathname = `/${database}`;
  return copy.toString();
}

export async function adminQuery(url: string, sql: string): Promise<void> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}
