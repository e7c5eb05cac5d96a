import type { Layer, SpanLayer } from '@/lib/schema/types';
import type { Sentence } from '@/lib/tokenize';

/**
 * The neutral export model every writer consumes and every reader produces: one document with
 * its text and all annotations of the chosen source. Offsets are Unicode code points into the
 * NFC text, end-exclusive, and every span keeps its `quote` (= text[start:end]).
 */

export type { Layer };

export interface SchemaLabel {
  key: string;
  name: string;
  layer: Layer;
  description?: string;
  color?: string;
  retired?: boolean;
  /** RELATION: allowed ENTITY label keys at each end (empty or absent = any). */
  sourceTypes?: string[];
  targetTypes?: string[];
  /** DOCUMENT questions. */
  options?: { key: string; name: string }[];
  multiple?: boolean;
  perTarget?: boolean;
}

interface ExportTarget {
  key: string;
  name: string;
  aliases: string[];
  /** Kept so annotations made before it was retired still resolve; the card and brat's conf leave it out. */
  retired?: boolean;
}

export interface ExportSchema {
  labels: SchemaLabel[];
  targets: ExportTarget[];
}

/** The document metadata key under which exports give active annotation seconds by annotator id. */
export const ACTIVE_SECONDS_KEY = 'glossa_active_seconds';

/** Where an annotation came from (the `Origin` column): typed, imported, an accepted model suggestion, or adjudicated into gold. */
export const ORIGINS = ['MANUAL', 'IMPORTED', 'SUGGESTED', 'ADJUDICATED'] as const;
export type Origin = (typeof ORIGINS)[number];

export type StanceTarget = { kind: 'target'; key: string } | { kind: 'span'; spanId: string };

export interface ExportSpan {
  id: string;
  start: number;
  end: number;
  label: string;
  layer: SpanLayer;
  quote: string;
  /** A user id, or 'gold'. */
  author: string;
  target?: StanceTarget;
  attributes: Record<string, unknown>;
  /**
   * Provenance, when the source knows it (an export from the database always does): the origin and
   * its `sourceIds` — for an accepted suggestion `suggestion:<id>`, `run:<id>`, `recommender:<id>`;
   * for gold, the annotator spans it was adjudicated from.
   */
  origin?: Origin;
  sourceIds?: readonly string[];
}

/** The recommender an accepted suggestion names in its provenance, if any. */
export function recommenderOf(span: Pick<ExportSpan, 'sourceIds'>): string | undefined {
  for (const id of span.sourceIds ?? []) if (id.startsWith(RECOMMENDER_PREFIX)) return id.slice(RECOMMENDER_PREFIX.length);
  return undefined;
}
const RECOMMENDER_PREFIX = 'recommender:';

export interface ExportRelation {
  id: string;
  label: string;
  source: string;
  target: string;
  author: string;
  attributes: Record<string, unknown>;
}

export interface ExportDocumentLabel {
  question: string;
  /** Target key, for questions asked per stance target. */
  target?: string;
  values: string[];
  author: string;
}

export interface ExportDocument {
  id: string;
  name: string;
  text: string;
  metadata: Record<string, unknown>;
  spans: ExportSpan[];
  relations: ExportRelation[];
  documentLabels: ExportDocumentLabel[];
  /** lib/tokenize's output for `text`, when the source already has it (stored at import); token-based writers tokenize otherwise. */
  sentences?: Sentence[];
}

export const GOLD_AUTHOR = 'gold';
