export const LAYERS = ['ENTITY', 'STANCE', 'FRAME', 'RELATION', 'DOCUMENT'] as const;
export type Layer = (typeof LAYERS)[number];

export interface ChoiceOption {
  key: string;
  name: string;
}

/** A label of any layer as users define it (ids are the database's business). */
export interface LabelDefinition {
  layer: Layer;
  key: string;
  name: string;
  description: string;
  color: string;
  hotkey?: string;
  /** RELATION only: ENTITY label keys allowed at the source / target end (empty = any). */
  sourceTypes?: string[];
  targetTypes?: string[];
  /** DOCUMENT only: the answer choices, whether several may be picked, and whether it is asked per stance target. */
  options?: ChoiceOption[];
  multiple?: boolean;
  perTarget?: boolean;
}

export interface TargetDefinition {
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
