import type { Actor } from '@/lib/annotations/service';
import { layerOwner } from '@/lib/annotations/span-writer';

/** Which layer a suggestion is decided for: the caller's own, or gold (curators adjudicating). */
export type DecisionLayer = 'own' | 'gold';

export interface LayerTarget {
  /** The layer's author: the caller's id, or null for gold. */
  authorId: string | null;
  gold: boolean;
}

/** The layer a request decides for; gold needs gold:write (403 otherwise). */
export function decisionLayer(actor: Actor, layer: DecisionLayer): LayerTarget {
  const gold = layer === 'gold';
  return { authorId: layerOwner(actor, gold), gold };
}
