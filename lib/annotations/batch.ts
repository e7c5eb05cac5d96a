import type { PrismaClient } from '@/lib/db/client';
import { HttpError, payloadTooLarge } from '@/lib/http/errors';
import { MAX_BATCH_OPS } from './batch-limit';
import { replaceAnswersIn, type Answer } from './document-labels';
import { createRelationIn, deleteRelationIn, type NewRelation } from './relations';
import { writeSpans, type Actor } from './service';
import type { NewSpan, SpanChange, SpanWriter } from './span-writer';

/**
 * How long a batch's transaction may run: the single requests' 5 s plus 500 ms an operation, at
 * most 30 s. When each operation ran its own queries, eight of them outran the default 5 s on a
 * saturated machine (bench:load, bench/RESULTS.md) and the batch failed as a whole; span operations
 * now share their statements, but relation and answer operations, and a machine starved of CPU,
 * still make a long batch take longer than a single request.
 */
const batchTimeoutMs = (ops: number) => Math.min(30_000, 5_000 + 500 * ops);

/** One operation of a batch: what the single endpoint of that change takes (its body, and the id and version it addresses). */
export type Operation =
  | { op: 'createAnnotation'; body: NewSpan }
  | { op: 'updateAnnotation'; id: string; body: SpanChange }
  | { op: 'deleteAnnotation'; id: string; version?: number }
  | { op: 'createRelation'; body: NewRelation }
  | { op: 'deleteRelation'; id: string; version?: number }
  | { op: 'replaceAnswers'; author: 'me' | 'gold'; body: { answers: Answer[] } };

/**
 * A batch of annotation changes from one client, applied in order in ONE transaction holding the
 * document's lock, each through the step its single endpoint runs (blind rules, invariants,
 * version check, its own events and version bump). Span operations go through one SpanWriter:
 * what is per document or caller is read once, each operation is checked over the batch's state
 * in memory, and all of them are stored at the end in a few statements with one insert of their
 * events. A relation or answer operation first stores the span operations before it (its own
 * checks read spans from the database, and the events keep the batch's order).
 * All or nothing: a batch stands for a burst of edits the user made in sequence, and later ones
 * often build on earlier ones, so keeping a prefix would leave a state the user never saw. The
 * first refused operation rolls everything back and its error names it: the message starts with
 * `ops.<i>:` and `details.op` is `i` (a 409's `current` stays in the details beside it, so the
 * client can show the conflict; it is the item as that operation met it, which is the stored
 * state unless an earlier operation of the same batch changed it).
 */
export async function applyOperations(db: PrismaClient, actor: Actor, documentId: string, ops: readonly Operation[]) {
  if (ops.length > MAX_BATCH_OPS) {
    throw payloadTooLarge(`A batch holds at most ${MAX_BATCH_OPS} operations (MAX_BATCH_OPS); this one has ${ops.length}. Split it.`);
  }
  const addressed = ops.flatMap((operation) => (operation.op === 'updateAnnotation' || operation.op === 'deleteAnnotation' ? [operation.id] : []));
  const gold = ops.some((operation) => operation.op === 'createAnnotation' && operation.body.gold === true);
  return writeSpans(
    db,
    actor,
    documentId,
    { ids: addressed, gold },
    async (spans, tx, document) => {
      const results = [];
      for (const [index, operation] of ops.entries()) {
        try {
          results.push(await applyOne(operation));
        } catch (error) {
          throw error instanceof HttpError ? naming(index, error) : error;
        }
      }
      return results;

      async function applyOne(operation: Operation) {
        switch (operation.op) {
          case 'createAnnotation':
            return { op: operation.op, item: await spans.create(operation.body) };
          case 'updateAnnotation':
            return { op: operation.op, item: await spans.update(operation.id, operation.body) };
          case 'deleteAnnotation':
            await spans.delete(operation.id, operation.version);
            return { op: operation.op };
          case 'createRelation':
            return { op: operation.op, item: await around(spans, () => createRelationIn(tx, document, actor, operation.body)) };
          case 'deleteRelation':
            await around(spans, () => deleteRelationIn(tx, document, actor, operation.id, operation.version));
            return { op: operation.op };
          case 'replaceAnswers':
            return {
              op: operation.op,
              items: await around(spans, () => replaceAnswersIn(tx, document, actor, operation.body.answers, operation.author === 'gold')),
            };
        }
      }
    },
    batchTimeoutMs(ops.length),
  );
}

/** An operation that writes beside the span writer: the spans before it are stored first, and the relations it may change are read again after. */
async function around<T>(spans: SpanWriter, write: () => Promise<T>): Promise<T> {
  await spans.flush();
  const result = await write();
  spans.forgetRelations();
  return result;
}

/** The operation's own error, with its index in the message and the details. */
function naming(index: number, error: HttpError): HttpError {
  const details = error.details;
  const merged =
    details === undefined
      ? { op: index }
      : details !== null && typeof details === 'object' && !Array.isArray(details)
        ? { op: index, ...details }
        : { op: index, details };
  return new HttpError(error.status, error.code, `ops.${index}: ${error.message}`, merged);
}
