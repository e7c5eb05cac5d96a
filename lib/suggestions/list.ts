import type { Actor } from '@/lib/annotations/service';
import type { PrismaClient } from '@/lib/db/client';
import { ensureOpenRun } from '@/lib/recommenders/open-run';
import { decisionLayer, type DecisionLayer } from './layer';
import { pendingSuggestions } from './pending';

/**
 * GET /documents/{id}/suggestions: what the editor draws as ghost spans for the caller's layer.
 * The fast recommender kinds (string-match, compromise) run first when the document has no
 * current run of theirs, so opening a document is enough to get their suggestions.
 */
export async function listSuggestions(db: PrismaClient, actor: Actor, documentId: string, layer: DecisionLayer) {
  const target = decisionLayer(actor, layer);
  await ensureOpenRun(documentId, actor.userId);
  return pendingSuggestions(db, actor.userId, documentId, target);
}
