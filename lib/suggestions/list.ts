import type { Actor } from '@/lib/annotations/service';
import type { PrismaClient } from '@/lib/db/client';
import { decisionLayer, type DecisionLayer } from './layer';
import { pendingSuggestions } from './pending';

/**
 * GET /documents/{id}/suggestions: what the editor draws as ghost spans for the caller's layer.
 * Recommenders that run when a document is opened hook in at `refreshBeforeListing` below.
 */
export async function listSuggestions(db: PrismaClient, actor: Actor, documentId: string, layer: DecisionLayer) {
  const target = decisionLayer(actor, layer);
  // refreshBeforeListing: the fast recommender kinds run here when a document is opened
  // (ensureOpenRun(documentId, actor.userId) from lib/recommenders/open-run.ts, wired in at the merge).
  return pendingSuggestions(db, actor.userId, documentId, target);
}
