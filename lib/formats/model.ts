import type { Layer, SpanLayer } from '@/lib/schema/types';
import type { Sentence } from '@/lib/tokenize';
import { codePoints, sliceCodePoints } from './text';

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
}

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

/**
 * Everything that makes a document unusable for export: offsets out of range, quotes that
 * disagree with the text, duplicate ids and dangling references. Readers reject documents with
 * problems instead of guessing (docs/ARCHITECTURE.md §2).
 */
export function documentProblems(doc: ExportDocument): string[] {
  const problems: string[] = [];
  if (doc.text !== doc.text.normalize('NFC')) problems.push('text is not in Unicode NFC');
  const points = codePoints(doc.text);
  const spanIds = new Set<string>();
  for (const span of doc.spans) {
    const where = `span ${span.id}`;
    if (spanIds.has(span.id)) problems.push(`${where}: duplicate id`);
    spanIds.add(span.id);
    if (!Number.isInteger(span.start) || !Number.isInteger(span.end) || span.start < 0 || span.end <= span.start || span.end > points.length) {
      problems.push(`${where}: offsets ${span.start}-${span.end} are not a non-empty range inside the text (${points.length} code points)`);
      continue;
    }
    const actual = sliceCodePoints(points, span.start, span.end);
    if (actual !== span.quote) problems.push(`${where}: quote ${JSON.stringify(span.quote)} differs from the text at ${span.start}-${span.end}, ${JSON.stringify(actual)}`);
  }
  for (const span of doc.spans) {
    if (span.target?.kind === 'span' && !spanIds.has(span.target.spanId)) problems.push(`span ${span.id}: stance target span ${span.target.spanId} does not exist`);
  }
  const relationIds = new Set<string>();
  for (const relation of doc.relations) {
    const where = `relation ${relation.id}`;
    if (relationIds.has(relation.id)) problems.push(`${where}: duplicate id`);
    relationIds.add(relation.id);
    for (const end of [relation.source, relation.target]) {
      if (!spanIds.has(end)) problems.push(`${where}: span ${end} does not exist`);
    }
  }
  return problems;
}
