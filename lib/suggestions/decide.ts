import { inDocument, writeSpan, type Actor, type DocumentContext } from '@/lib/annotations/service';
import { assertLayerWritable } from '@/lib/assignments/writable';
import type { DbClient, PrismaClient } from '@/lib/db/client';
import { recordEvents } from '@/lib/events/log';
import { conflict, HttpError, notFound, validationFailed } from '@/lib/http/errors';
import { SPAN_LAYERS } from '@/lib/schema/types';
import { decisionLayer, type DecisionLayer, type LayerTarget } from './layer';
import { pendingSuggestions, type PendingSuggestion } from './pending';
import { suggestionSourceIds } from './provenance';

/**
 * Accepting and rejecting suggestions. Each decision holds the document's write lock (as every
 * span write does), so a suggestion is decided once per person and layer, and is recorded as a
 * SUGGESTION event (pending → accepted/rejected); an accepted one also creates its span through
 * the annotation service's `writeSpan`, with that span's own ANNOTATION event.
 */
type Decision = 'ACCEPTED' | 'REJECTED';

export async function acceptSuggestion(db: PrismaClient, actor: Actor, suggestionId: string, layer: DecisionLayer) {
  const target = decisionLayer(actor, layer);
  const documentId = await documentOf(db, actor.userId, suggestionId);
  return inDocument(db, documentId, async (tx, document) => {
    const suggestion = await undecided(tx, actor.userId, suggestionId, documentId, target);
    return acceptOne(tx, document, actor, target, suggestion);
  });
}

export async function rejectSuggestion(
  db: PrismaClient,
  actor: Actor,
  suggestionId: string,
  layer: DecisionLayer,
): Promise<{ suggestionId: string; status: Decision }> {
  const target = decisionLayer(actor, layer);
  const documentId = await documentOf(db, actor.userId, suggestionId);
  return inDocument(db, documentId, async (tx, document) => {
    await undecided(tx, actor.userId, suggestionId, documentId, target);
    // Deciding is work on the layer: submitted work stays read-only for this too.
    await assertLayerWritable(tx, actor, documentId, target.authorId);
    await decide(tx, document, actor, target, suggestionId, 'REJECTED', null);
    return { suggestionId, status: 'REJECTED' };
  });
}

/**
 * At most this many suggestions are accepted per request: each is a full span write under the
 * document's lock, and one request must not hold it for minutes. The answer says how many remain.
 */
export const MAX_ACCEPT_ALL = 1000;

/**
 * Accepts every pending suggestion of one label in the document (the first `limit` in text
 * order), in one transaction. A suggestion whose span would overlap one already in the layer
 * (or one accepted just before it) is skipped and counted, and stays pending for the annotator.
 */
export async function acceptAllOfLabel(db: PrismaClient, actor: Actor, documentId: string, labelKey: string, layer: DecisionLayer, limit = MAX_ACCEPT_ALL) {
  const target = decisionLayer(actor, layer);
  return inDocument(db, documentId, async (tx, document) => {
    const label = await tx.label.findFirst({
      where: { projectId: document.projectId, key: labelKey, retired: false, layer: { in: [...SPAN_LAYERS] } },
      select: { id: true },
    });
    if (!label)
      throw validationFailed(`body.label: "${labelKey}" is not an active span label of this project.`, [{ path: 'body.label', message: 'unknown label' }]);
    // Once, before any span: a submitted document refuses the whole request, not each span.
    await assertLayerWritable(tx, actor, documentId, target.authorId);
    const annotations = [];
    let skippedOverlaps = 0;
    const pending = await pendingSuggestions(tx, actor.userId, documentId, target, labelKey);
    for (const suggestion of pending.slice(0, limit)) {
      try {
        annotations.push(await acceptOne(tx, document, actor, target, suggestion));
      } catch (error) {
        if (!isOverlap(error)) throw error;
        skippedOverlaps += 1;
      }
    }
    return { label: labelKey, accepted: annotations.length, skippedOverlaps, remaining: Math.max(0, pending.length - limit), annotations };
  });
}

async function acceptOne(tx: DbClient, document: DocumentContext, actor: Actor, target: LayerTarget, suggestion: PendingSuggestion) {
  // With overlaps allowed the span rules would let an exact duplicate in; a suggestion is never one.
  const same = await tx.annotation.findFirst({
    where: {
      documentId: document.documentId,
      authorId: target.authorId,
      deletedAt: null,
      labelId: suggestion.labelId,
      start: suggestion.start,
      end: suggestion.end,
    },
    select: { id: true },
  });
  if (same) throw conflict('This layer already has this span with this label.', { overlapsWith: same.id });
  const annotation = await writeSpan(
    tx,
    document,
    actor,
    target.authorId,
    {
      labelId: suggestion.labelId,
      start: suggestion.start,
      end: suggestion.end,
      quote: suggestion.quote || undefined,
      target: suggestion.targetId ? { kind: 'target', id: suggestion.targetId } : null,
    },
    { origin: 'SUGGESTED', sourceIds: suggestionSourceIds(suggestion) },
  );
  await decide(tx, document, actor, target, suggestion.id, 'ACCEPTED', annotation.id);
  return annotation;
}

async function decide(
  tx: DbClient,
  document: DocumentContext,
  actor: Actor,
  target: LayerTarget,
  suggestionId: string,
  status: Decision,
  annotationId: string | null,
) {
  await tx.suggestionDecision.create({ data: { suggestionId, userId: actor.userId, gold: target.gold, status, annotationId } });
  const state = { suggestionId, userId: actor.userId, gold: target.gold };
  await recordEvents(tx, [
    {
      projectId: document.projectId,
      documentId: document.documentId,
      actorId: actor.userId,
      entity: 'SUGGESTION',
      entityId: suggestionId,
      action: 'UPDATE',
      before: { ...state, status: 'PENDING', annotationId: null },
      after: { ...state, status, annotationId },
    },
  ]);
}

/** The document of a suggestion the caller may see; one meant for someone else does not exist for them. */
async function documentOf(db: PrismaClient, userId: string, suggestionId: string): Promise<string> {
  const row = await db.suggestion.findUnique({ where: { id: suggestionId }, select: { documentId: true, forUserId: true } });
  if (!row || (row.forUserId !== null && row.forUserId !== userId)) throw notFound('Suggestion');
  return row.documentId;
}

/** The suggestion as still pending for this person and layer (under the lock); 409 once decided or no longer offered. */
async function undecided(tx: DbClient, userId: string, suggestionId: string, documentId: string, target: LayerTarget): Promise<PendingSuggestion> {
  const decided = await tx.suggestionDecision.findUnique({
    where: { suggestionId_userId_gold: { suggestionId, userId, gold: target.gold } },
    select: { status: true },
  });
  if (decided) throw conflict(`You already ${decided.status.toLowerCase()} this suggestion.`, { status: decided.status });
  const pending = (await pendingSuggestions(tx, userId, documentId, target)).find((s) => s.id === suggestionId);
  if (!pending) throw conflict('This suggestion is no longer offered: its label was retired, its recommender deleted, or the layer already has this span.');
  return pending;
}

function isOverlap(error: unknown): boolean {
  return error instanceof HttpError && error.status === 409 && typeof error.details === 'object' && error.details !== null && 'overlapsWith' in error.details;
}
