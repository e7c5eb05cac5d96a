import 'server-only';
import { resolveCaller } from '@/lib/auth/caller';
import { getPrisma } from '@/lib/db/client';
import { isDatabaseUnavailable } from '@/lib/http/errors';
import packageJson from '@/package.json';

interface Health {
  status: 'ok' | 'degraded';
  app: { name: 'glossa'; version: string; uptimeSeconds: number };
  database: { status: 'ok'; latencyMs: number; migrations: number } | { status: 'error'; message: string };
}

export async function checkHealth(): Promise<Health> {
  const app = { name: 'glossa' as const, version: packageJson.version, uptimeSeconds: Math.round(process.uptime()) };
  const started = performance.now();
  try {
    const rows = await getPrisma().$queryRaw<{ count: bigint }[]>`
      SELECT count(*) AS count FROM "_prisma_migrations" WHERE finished_at IS NOT NULL AND rolled_back_at IS NULL`;
    const latencyMs = Math.round((performance.now() - started) * 10) / 10;
    return { status: 'ok', app, database: { status: 'ok', latencyMs, migrations: Number(rows[0]?.count ?? 0) } };
  } catch (error) {
    // The driver's own text names the database host and port; it belongs in the server log, not
    // in an answer anyone who can reach /api/health reads.
    console.error('Health check: the database query failed:', error);
    const message = isDatabaseUnavailable(error) ? 'The database cannot be reached.' : 'The database query failed; see the server log.';
    return { status: 'degraded', app, database: { status: 'error', message } };
  }
}

/** What anonymous callers see: whether the service works, not what it runs or since when. */
type PublicHealth = Pick<Health, 'status'>;

/**
 * The health answer for one request: everything to a signed-in user or token, the status alone
 * to anyone else. The caller is resolved only while the database answers (a session is checked
 * against its user row), so an outage still answers at once with 503 and never with an error.
 */
export async function healthFor(headers: Headers): Promise<{ body: Health | PublicHealth; httpStatus: 200 | 503 }> {
  const health = await checkHealth();
  if (health.status !== 'ok') return { body: { status: health.status }, httpStatus: 503 };
  const caller = await resolveCaller(getPrisma(), headers).catch(() => null);
  return { body: caller ? health : { status: health.status }, httpStatus: 200 };
}
