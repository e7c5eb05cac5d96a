import type { OffsetIndex } from '@/lib/offsets';
import type { ServerAnnotation } from './server';

/**
 * The caller's spans as the editor page sends them: a column per field, labels as indices
 * into `labelIds`, and no quotes, which the client cuts from the text it already has (the
 * server stores a quote only when it equals the text there, lib/annotations/invariants.ts).
 * For 5,000 spans this is about a fifth of the same spans as objects with quotes.
 */
export interface SpanColumns {
  ids: string[];
  labelIds: string[];
  labels: number[];
  starts: number[];
  ends: number[];
  versions: number[];
  /** Stance targets, attributes, unsure flags and notes of the few spans that have them, by row. */
  extras: Record<number, Pick<ServerAnnotation, 'target' | 'attributes' | 'unsure' | 'note'>>;
}

function isEmptyObject(value: unknown): boolean {
  return typeof value === 'object' && value !== null && !Array.isArray(value) && Object.keys(value).length === 0;
}

export function encodeSpanColumns(annotations: readonly Omit<ServerAnnotation, 'quote'>[]): SpanColumns {
  const columns: SpanColumns = { ids: [], labelIds: [], labels: [], starts: [], ends: [], versions: [], extras: {} };
  const labelIndex = new Map<string, number>();
  annotations.forEach((annotation, row) => {
    let label = labelIndex.get(annotation.labelId);
    if (label === undefined) {
      label = columns.labelIds.push(annotation.labelId) - 1;
      labelIndex.set(annotation.labelId, label);
    }
    columns.ids.push(annotation.id);
    columns.labels.push(label);
    columns.starts.push(annotation.start);
    columns.ends.push(annotation.end);
    columns.versions.push(annotation.version);
    const { target, attributes, unsure, note } = annotation;
    if (target !== null || !isEmptyObject(attributes) || unsure || note !== null) columns.extras[row] = { target, attributes, unsure, note };
  });
  return columns;
}

/** The spans of `columns`, with their quotes cut from `text`. */
export function decodeSpanColumns(columns: SpanColumns, text: OffsetIndex): ServerAnnotation[] {
  return columns.ids.map((id, row) => {
    const start = columns.starts[row]!;
    const end = columns.ends[row]!;
    const extra = columns.extras[row];
    return {
      id,
      labelId: columns.labelIds[columns.labels[row]!]!,
      start,
      end,
      quote: text.slice(start, end),
      attributes: extra?.attributes ?? {},
      target: extra?.target ?? null,
      unsure: extra?.unsure ?? false,
      note: extra?.note ?? null,
      version: columns.versions[row]!,
    };
  });
}
