export const LAYERS = ['ENTITY', 'STANCE', 'FRAME', 'RELATION', 'DOCUMENT'] as const;
export type Layer = (typeof LAYERS)[number];

/** The layers whose items are text spans (the others label relations or whole documents). */
export const SPAN_LAYERS = ['ENTITY', 'STANCE', 'FRAME'] as const satisfies readonly Layer[];
export type SpanLayer = (typeof SPAN_LAYERS)[number];

export function isSpanLayer(layer: string): layer is SpanLayer {
  return (SPAN_LAYERS as readonly string[]).includes(layer);
}

interface ChoiceOption {
  key: string;
  name: string;
}

/**
 * What GET /schema answers for each item besides its definition, and PUT accepts
 * back: the stored id (checked against the key), its position (informational: the
 * list order decides) and whether it is retired (kept out of the pickers, kept for
 * the annotations that use it).
 */
interface StoredFields {
  id?: string;
  position?: number;
  retired?: boolean;
}

/** A label of any layer as users define it. */
export interface LabelDefinition extends StoredFields {
  layer: Layer;
  key: string;
  name: string;
  description: string;
  color: string;
  hotkey?: string | null;
  /** RELATION only: ENTITY label keys allowed at the source / target end (empty = any). */
  sourceTypes?: string[];
  targetTypes?: string[];
  /** DOCUMENT only: the answer choices, whether several may be picked, and whether it is asked per stance target. */
  options?: ChoiceOption[];
  multiple?: boolean;
  perTarget?: boolean;
}

export interface TargetDefinition extends StoredFields {
  key: string;
  name: string;
  aliases: string[];
}

export interface SchemaDefinition {
  labels: LabelDefinition[];
  targets: TargetDefinition[];
}

export interface Preset extends SchemaDefinition {
  id: string;
  name: string;
  description: string;
}
