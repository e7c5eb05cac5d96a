import { readFileSync } from 'node:fs';
import pg from 'pg';
import { expect } from 'vitest';

/**
 * Shared pieces of the hostile-input suite. Every payload goes to the production build
 * that tests/setup/browser-app.ts serves; while a payload is in flight `/api/health` is
 * polled, and afterwards the suite checks that the same server process still answers and
 * that nothing was written.
 */
export const BASE = process.env.GLOSSA_URL?.replace(/\/$/, '');
export const SERVER_PID = Number(process.env.GLOSSA_SERVER_PID ?? 0);
export const DATABASE_URL = process.env.GLOSSA_TEST_DATABASE_URL;

/**
 * next-auth's credentials sign-in as a script does it: a CSRF token and its cookie from
 * /api/auth/csrf, then the form post, with `headers` added to the post.
 */
export async function postCredentials(email: string, password: string, headers: Record<string, string>): Promise<Response> {
  const csrf = await fetch(`${BASE}/api/auth/csrf`);
  const { csrfToken } = (await csrf.json()) as { csrfToken: string };
  const cookie = csrf.headers
    .getSetCookie()
    .map((c) => c.split(';')[0])
    .join('; ');
  return fetch(`${BASE}/api/auth/callback/credentials`, {
    method: 'POST',
    redirect: 'manual',
    headers: { 'content-type': 'application/x-www-form-urlencoded', cookie, ...headers },
    body: new URLSearchParams({ csrfToken, email, password, json: 'true' }),
  });
}

/** Resident memory of the server process in bytes, from /proc (Linux). */
export function serverRss(pid = SERVER_PID): number {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  const kb = /VmRSS:\s+(\d+) kB/.exec(status);
  if (!kb) throw new Error(`no VmRSS for process ${pid}`);
  return Number(kb[1]) * 1024;
}

/** True while the process exists (signal 0 checks without signalling). */
export function isAlive(pid = SERVER_PID): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

export interface HealthWatch {
  /** Stops polling; resolves with the worst latency seen (ms), peak RSS (bytes) and non-200 answers. */
  stop(): Promise<{ worstMs: number; peakRss: number; failures: string[] }>;
}

/**
 * Polls GET /api/health every `intervalMs` until stopped, one request at a time, so a
 * blocked event loop shows as one long latency rather than a pile of queued requests.
 */
export function watchHealth(intervalMs = 100): HealthWatch {
  let running = true;
  let worstMs = 0;
  let peakRss = 0;
  const failures: string[] = [];
  const loop = (async () => {
    while (running) {
      const started = performance.now();
      try {
        const response = await fetch(`${BASE}/api/health`, { signal: AbortSignal.timeout(30_000) });
        await response.arrayBuffer();
        if (response.status !== 200) failures.push(`health answered ${response.status}`);
      } catch (error) {
        failures.push(`health failed: ${(error as Error).message}`);
      }
      worstMs = Math.max(worstMs, performance.now() - started);
      if (isAlive()) peakRss = Math.max(peakRss, serverRss());
      await new Promise((resolve) => setTimeout(resolve, intervalMs));
    }
  })();
  return {
    async stop() {
      running = false;
      await loop;
      return { worstMs, peakRss, failures };
    },
  };
}

/**
 * Runs `attack` while watching health, then asserts the server survived it: same process,
 * health always 200 and under `maxHealthMs`.
 */
export async function survives<T>(attack: () => Promise<T>, maxHealthMs = 1000): Promise<T> {
  const watch = watchHealth();
  let result: T;
  try {
    result = await attack();
  } finally {
    const { worstMs, failures } = await watch.stop();
    expect(isAlive(), 'the server process died').toBe(true);
    expect(failures, 'health checks failed during the attack').toEqual([]);
    expect(worstMs, 'worst /api/health latency during the attack (ms)').toBeLessThan(maxHealthMs);
  }
  return result!;
}

/** Row counts of the tables a payload might write to, to compare before and after. */
export async function tableCounts(tables = ['Document', 'Annotation', 'Relation', 'Event', 'Project', 'User']): Promise<Record<string, number>> {
  if (!DATABASE_URL) throw new Error('GLOSSA_TEST_DATABASE_URL is not set');
  const client = new pg.Client({ connectionString: DATABASE_URL });
  await client.connect();
  try {
    const counts: Record<string, number> = {};
    for (const table of tables) counts[table] = Number((await client.query(`SELECT count(*) AS n FROM "${table}"`)).rows[0].n);
    return counts;
  } finally {
    await client.end();
  }
}
