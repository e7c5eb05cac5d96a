/**
 * Next.js calls register() once when a server process starts: each app instance runs the
 * recommender worker (lib/recommenders/worker.ts) beside its requests, so instances share
 * batch runs and a restarted one picks up what is left. On SIGTERM/SIGINT the worker stops
 * taking jobs and lets those in hand finish while Next closes its connections.
 */
export async function register(): Promise<void> {
  if (process.env.NEXT_RUNTIME !== 'nodejs' || !process.env.DATABASE_URL) return;
  const { startAppWorker } = await import('./lib/recommenders/app-worker');
  await startAppWorker();
}
