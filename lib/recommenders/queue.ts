import PgBoss from 'pg-boss';

/**
 * Recommender runs as jobs in PostgreSQL through pg-boss (its own `pgboss` schema, created and
 * migrated by pg-boss itself, outside Glossa's migrations). A run is cut into jobs of a few
 * documents, so several app instances share a run and, after a restart, the jobs not done are
 * fetched again; a job an instance held when it died expires and is retried, and the
 * per-document mark (run-document.ts) keeps the documents it finished from being redone.
 */
export const RUN_QUEUE = 'glossa-recommender-run';
export const DOCUMENTS_PER_JOB = 5;

export interface RunJob {
  runId: string;
  documentIds: string[];
}

function connection(): string {
  const url = process.env.DATABASE_URL;
  if (!url) throw new Error('DATABASE_URL is not set; the recommender queue needs the database.');
  return url;
}

/** A started pg-boss on the app's database; `supervise` (maintenance, expiry) only for workers. */
export async function startBoss(supervise: boolean): Promise<PgBoss> {
  const boss = new PgBoss({ connectionString: connection(), max: 2, supervise, schedule: false, application_name: 'glossa-recommenders' });
  boss.on('error', (error) => console.error('[glossa] recommender queue:', error.message));
  await boss.start();
  // A job held by an instance that died is retried after this long; a chunk of 5 documents through a slow model fits.
  await boss.createQueue(RUN_QUEUE, { name: RUN_QUEUE, expireInSeconds: 30 * 60, retryLimit: 3, retryBackoff: true });
  return boss;
}

const holder = globalThis as unknown as { glossaRunQueue?: Promise<PgBoss> };

/** The process's sender (API requests, the CLI): started once, no maintenance. */
export function sender(): Promise<PgBoss> {
  holder.glossaRunQueue ??= startBoss(false).catch((error) => {
    holder.glossaRunQueue = undefined;
    throw error;
  });
  return holder.glossaRunQueue;
}

export async function stopSender(): Promise<void> {
  const boss = holder.glossaRunQueue;
  holder.glossaRunQueue = undefined;
  await (await boss?.catch(() => undefined))?.stop({ graceful: false, wait: true });
}

export async function enqueueRun(runId: string, documentIds: readonly string[]): Promise<void> {
  const boss = await sender();
  const jobs = [];
  for (let i = 0; i < documentIds.length; i += DOCUMENTS_PER_JOB)
    jobs.push({ name: RUN_QUEUE, data: { runId, documentIds: documentIds.slice(i, i + DOCUMENTS_PER_JOB) } });
  await boss.insert(jobs);
}
