import { getPrisma } from '@/lib/db/client';
import { isDatabaseUnavailable } from '@/lib/http/errors';
import packageJson from '@/package.json';

export interface Health {
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
