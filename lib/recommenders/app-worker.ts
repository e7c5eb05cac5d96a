import { getPrisma } from '@/lib/db/client';
import { startWorker, workerConcurrency } from './worker';

/**
 * The worker of an app server process. A failure to start (database down at boot) is logged
 * and retried, never fatal: the editor and the API work without it, and runs wait in the queue.
 */
const RETRY_MS = 30_000;

export async function startAppWorker(): Promise<void> {
  const concurrency = workerConcurrency();
  if (concurrency === 0) return;
  try {
    const worker = await startWorker(getPrisma(), concurrency);
    const stop = () => void worker.stop().catch((error: Error) => console.error('[glossa] recommender worker stop:', error.message));
    process.once('SIGTERM', stop);
    process.once('SIGINT', stop);
  } catch (error) {
    console.error(`[glossa] recommender worker did not start (${(error as Error).message}); retrying in ${RETRY_MS / 1000} s`);
    setTimeout(() => void startAppWorker(), RETRY_MS).unref();
  }
}
