import { LAYERS, type Layer } from '@/lib/schema/types';

export const LAYER_TITLES: Record<Layer, string> = {
  ENTITY: 'Entities',
  STANCE: 'Stance',
  FRAME: 'Frames',
  RELATION: 'Relations',
  DOCUMENT: 'Document questions',
};

/** Items grouped by layer in the canonical layer order, empty layers left out. */
export function groupByLayer<T extends { layer: Layer }>(items: readonly T[]): { layer: Layer; items: T[] }[] {
  return LAYERS.map((layer) => ({ layer, items: items.filter((item) => item.layer === layer) })).filter((group) => group.items.length > 0);
}
