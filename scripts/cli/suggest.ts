import type { PrismaClient } from '@/lib/db/client';
import { HttpError } from '@/lib/http/errors';
import { stopSender } from '@/lib/recommenders/queue';
import { createRun, findRun } from '@/lib/recommenders/runs';
import { startWorker } from '@/lib/recommenders/worker';
import { projectActor } from './actor';
import { flags, UsageError, withDatabase, type Command } from './support';

/**
 * `glossa suggest`: a batch run of one recommender over a project (or some documents). The
 * run goes to the queue like one started from the UI; with --wait this process also works on
 * it (app instances, if running, share the work) and prints progress until it ends, exiting 1
 * with the run's message if it failed or was cancelled.
 */
const POLL_MS = 500;

export const suggestCommand: Command = {
  group: 'suggest',
  synopsis: 'glossa suggest --project ID --recommender ID [--documents ID,ID,…] [--wait] [--as-user EMAIL]',
  async run(args) {
    const options = flags(args, { strings: ['project', 'recommender', 'documents', 'as-user'], switches: ['wait'] }, ['project', 'recommender']);
    const documentIds = options.documents
      ?.split(',')
      .map((id) => id.trim())
      .filter((id) => id !== '');
    if (documentIds && documentIds.length === 0) throw new UsageError('--documents needs at least one document id.');
    await withDatabase(async (db) => {
      const caller = await projectActor(db, options.project!, options['as-user'], 'recommenders:manage');
      const recommender = await db.recommender.findFirst({
        where: { id: options.recommender!, projectId: options.project!, deletedAt: null },
        select: { name: true },
      });
      if (!recommender) throw new UsageError(`No recommender ${options.recommender} in project ${options.project}.`);
      try {
        const run = await createRun(db, options.recommender!, caller.userId, documentIds);
        console.log(`Run ${run.id} of ${recommender.name} queued.`);
        if (options.wait) await follow(db, run.id);
      } catch (error) {
        if (error instanceof HttpError) throw new UsageError(error.message);
        throw error;
      } finally {
        await stopSender();
      }
    });
  },
};

async function follow(db: PrismaClient, runId: string): Promise<void> {
  const worker = await startWorker(db);
  try {
    let last = '';
    for (;;) {
      const run = await findRun(db, runId);
      const line =
        `${run.status}: ${run.documentsDone + run.documentsFailed}/${run.documents} documents (${run.documentsFailed} failed), ` +
        `${run.suggestionsCount} suggestions`;
      if (line !== last) console.log(line);
      last = line;
      if (run.status !== 'QUEUED' && run.status !== 'RUNNING') {
        const dropped = Object.entries(run.dropped)
          .map(([reason, n]) => `${reason}: ${n}`)
          .join(', ');
        if (dropped) console.log(`Dropped: ${dropped}`);
        if (run.promptTokens || run.completionTokens) console.log(`Tokens: ${run.promptTokens} prompt, ${run.completionTokens} completion`);
        // A failed or cancelled run exits 1 (main prints the message).
        if (run.status !== 'SUCCEEDED') throw new Error(`Run ${runId} ${run.status.toLowerCase()}: ${run.message ?? 'no message'}`);
        if (run.message) console.log(run.message);
        return;
      }
      await new Promise((resolve) => setTimeout(resolve, POLL_MS));
    }
  } finally {
    await worker.stop();
  }
}
