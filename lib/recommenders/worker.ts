import type { PrismaClient } from '@/lib/db/client';
import { RUN_QUEUE, startBoss, type RunJob } from './queue';
import { processDocument } from './run-document';

/**
 * The worker inside each app server process (instrumentation.ts starts it; the CLI's
 * `suggest --wait` starts one too). `concurrency` jobs at once per instance; an endpoint's own
 * limit (openai `concurrency`) still applies across them (limit.ts). `stop` lets the jobs in
 * hand finish, so a restart leaves no document half-processed; what remains in the queue waits
 * for the next worker, on this instance or another.
 */
export interface Worker {
  stop(): Promise<void>;
}

export async function startWorker(db: PrismaClient, concurrency = workerConcurrency()): Promise<Worker> {
  const boss = await startBoss(true);
  for (let i = 0; i < concurrency; i++) {
    await boss.work<RunJob>(RUN_QUEUE, { batchSize: 1, pollingIntervalSeconds: 0.5 }, async (jobs) => {
      for (const job of jobs) {
        for (const documentId of job.data.documentIds) await processDocument(db, job.data.runId, documentId);
      }
    });
  }
  return { stop: () => boss.stop({ graceful: true, wait: true, timeout: 60_000 }) };
}

/** Jobs at once per instance (GLOSSA_RECOMMENDER_WORKERS, default 2); 0 runs no worker in this instance. */
export function workerConcurrency(): number {
  const raw = process.env.GLOSSA_RECOMMENDER_WORKERS;
  const configured = Number(raw);
  return raw !== undefined && raw.trim() !== '' && Number.isInteger(configured) && configured >= 0 ? configured : 2;
}
