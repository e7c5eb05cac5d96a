import type { Layer } from '@/lib/schema/types';

/** What each layer is for, in the words annotators and managers use. */
export const LAYER_PURPOSE: Record<Layer, string> = {
  ENTITY: 'Spans that name people, groups, organisations, places and other things.',
  STANCE: 'Spans where the author takes a side towards a stance target (listed further down).',
  FRAME: 'Spans that frame the issue in a particular way.',
  RELATION: 'Directed links from one entity span to another.',
  DOCUMENT: 'Questions answered once per document, or once per stance target.',
};

/** The name of one item of the layer, for "Add …" buttons. */
export const LAYER_ITEM: Record<Layer, string> = {
  ENTITY: 'entity label',
  STANCE: 'stance label',
  FRAME: 'frame label',
  RELATION: 'relation type',
  DOCUMENT: 'document question',
};
