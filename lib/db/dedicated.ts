import 'server-only';
import pg from 'pg';
import { CONNECT_TIMEOUT_MS } from './client';

/**
 * A connection outside the pool, for the two things that hold one for long: the live
 * hub's LISTEN and an export's reader. Each gets the pool's connect timeout (a database
 * that stops answering fails the request with a 503 instead of hanging it for the
 * operating system's TCP timeout), TCP keep-alive (a peer that vanished is noticed
 * instead of waited on forever), a statement timeout, and a name in pg_stat_activity.
 */
export function dedicatedClient(applicationName: string, statementTimeoutMs: number): pg.Client {
  const url = process.env.DATABASE_URL;
  if (!url) throw new Error(`DATABASE_URL is not set: ${applicationName} reads the database it names.`);
  return new pg.Client({
    connectionString: url,
    application_name: applicationName,
    connectionTimeoutMillis: CONNECT_TIMEOUT_MS,
    keepAlive: true,
    statement_timeout: statementTimeoutMs,
    // Neither runs transactions; one left open would hold its locks until the process died.
    idle_in_transaction_session_timeout: statementTimeoutMs,
  });
}
