import type { PrismaClient } from '@/lib/db/client';
import { isDatabaseUnavailable } from '@/lib/http/errors';
import { OffsetIndex } from '@/lib/offsets';
import { admit, type AdmittedSuggestion } from './admit';
import { createRecommender } from './kinds';
import { loadAcceptance, loadLearned } from './learn';
import { recordRunChange, runState } from './run-events';
import { loadSchemaView } from './schema-view';
import { RecommenderError, type Dropped, type RecommenderSettings, type Tokens } from './types';

/**
 * One document of one run: ask the recommender (with the settings the run recorded when it
 * was created), pass the answer through the invariants (admit.ts), and store the suggestions
 * in ONE transaction together with the document's mark and the run's counters. The mark
 * (RecommenderRunDocument, primary key run × document) makes a retried job skip a document
 * already done, so each is processed once however often its job is delivered; a recommender
 * failure (or any error of the kind itself) stores the mark as failed with the message and no
 * suggestion.
 */
export interface ProcessOptions {
  signal?: AbortSignal;
  env?: NodeJS.ProcessEnv;
}

export type DocumentOutcome = 'done' | 'failed' | 'skipped';

export async function processDocument(db: PrismaClient, runId: string, documentId: string, options: ProcessOptions = {}): Promise<DocumentOutcome> {
  const run = await db.recommenderRun.findUnique({
    where: { id: runId },
    select: { status: true, settings: true, trigger: true, requestedById: true, projectId: true },
  });
  if (!run || run.status === 'CANCELLED' || run.status === 'SUCCEEDED' || run.status === 'FAILED') return 'skipped';
  if (await db.recommenderRunDocument.findUnique({ where: { runId_documentId: { runId, documentId } }, select: { runId: true } })) return 'skipped';
  const document = await db.document.findFirst({ where: { id: documentId, projectId: run.projectId, deletedAt: null }, select: { text: true } });
  if (!document) return record(db, runId, documentId, { failure: 'The document was deleted before the run reached it.' });

  const settings = run.settings as unknown as RecommenderSettings;
  try {
    const project = await db.project.findUniqueOrThrow({ where: { id: run.projectId }, select: { blindMode: true } });
    const schema = await loadSchemaView(db, run.projectId);
    // Only a run made for one annotator (on document open) may learn from that annotator's own spans.
    const learner = run.trigger === 'open' ? run.requestedById : null;
    const context = {
      learned: settings.kind === 'string-match' ? await loadLearned(db, run.projectId, project.blindMode, learner) : [],
      acceptance: settings.kind === 'string-match' ? await loadAcceptance(db, settings.id) : new Map<string, number>(),
      signal: options.signal,
      env: options.env ?? process.env,
    };
    const index = new OffsetIndex(document.text);
    const result = await createRecommender(settings).suggest(document.text, schema, context);
    const admitted = admit(result, schema, index, settings);
    return record(db, runId, documentId, { settings, items: admitted.items, dropped: admitted.dropped, tokens: result.tokens });
  } catch (error) {
    // The database being away is the job's failure (pg-boss retries it); anything else is this document's.
    if (isDatabaseUnavailable(error)) throw error;
    if (!(error instanceof RecommenderError)) console.error(`[glossa] recommender ${settings.id} failed on document ${documentId}:`, error);
    const message = error instanceof RecommenderError ? error.message : `The ${settings.kind} recommender failed unexpectedly: ${(error as Error).message}`;
    return record(db, runId, documentId, { failure: message });
  }
}

type Outcome = { settings: RecommenderSettings; items: AdmittedSuggestion[]; dropped: Dropped; tokens: Tokens } | { failure: string };

async function record(db: PrismaClient, runId: string, documentId: string, outcome: Outcome): Promise<DocumentOutcome> {
  return db.$transaction(async (tx) => {
    // The run row is locked first, so documents finishing together count one after the other and cancel waits for them.
    const [run] = await tx.$queryRaw<{ status: string }[]>`SELECT status::text FROM "RecommenderRun" WHERE id = ${runId} FOR UPDATE`;
    if (!run || (run.status !== 'QUEUED' && run.status !== 'RUNNING')) return 'skipped' as const;
    const failed = 'failure' in outcome;
    const marked = await tx.$executeRaw`
      INSERT INTO "RecommenderRunDocument" ("runId", "documentId", failed, message) VALUES (${runId}, ${documentId}, ${failed},
      ${failed ? outcome.failure : null})
      ON CONFLICT DO NOTHING`;
    if (marked === 0) return 'skipped' as const;
    const before = await runState(tx, runId);
    if (!failed && outcome.items.length > 0) {
      await tx.suggestion.createMany({
        data: outcome.items.map((item) => ({ ...item, documentId, runId, recommenderId: outcome.settings.id })),
      });
    }
    const dropped = JSON.stringify(failed ? {} : outcome.dropped);
    await tx.$executeRaw`
      UPDATE "RecommenderRun" SET
        status = 'RUNNING', "startedAt" = COALESCE("startedAt", now()),
        "documentsDone" = "documentsDone" + ${failed ? 0 : 1},
        "documentsFailed" = "documentsFailed" + ${failed ? 1 : 0},
        "suggestionsCount" = "suggestionsCount" + ${failed ? 0 : outcome.items.length},
        "promptTokens" = "promptTokens" + ${failed ? 0 : outcome.tokens.prompt},
        "completionTokens" = "completionTokens" + ${failed ? 0 : outcome.tokens.completion},
        message = COALESCE(message, ${failed ? outcome.failure : null}),
        dropped = (SELECT COALESCE(jsonb_object_agg(k, n), '{}'::jsonb) FROM (
          SELECT k, SUM(v::int) AS n FROM (SELECT * FROM jsonb_each_text(dropped) UNION ALL SELECT * FROM jsonb_each_text(${dropped}::jsonb)) e(k, v)
          GROUP BY k) t)
      WHERE id = ${runId}`;
    const finished = await tx.$executeRaw`
      UPDATE "RecommenderRun" SET
        status = (CASE WHEN "documentsDone" = 0 AND "documentsFailed" > 0 THEN 'FAILED' ELSE 'SUCCEEDED' END)::"RunStatus",
        "finishedAt" = now(),
        message = CASE WHEN "documentsFailed" > 0 THEN "documentsFailed" || ' of ' || cardinality("documentIds") || ' document(s) failed: ' ||
        message ELSE message END
      WHERE id = ${runId} AND "documentsDone" + "documentsFailed" >= cardinality("documentIds")`;
    // The end is on record, from the state before this last document to the outcome; the worker ends it, no person.
    if (finished > 0) await recordRunChange(tx, runId, null, before);
    return failed ? ('failed' as const) : ('done' as const);
  });
}
