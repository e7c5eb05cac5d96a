import type { ExportDocument } from '@/lib/formats/model';
import type { SpanLayer } from '@/lib/schema/types';

/** A span as the export round-trip properties draw it: a start and a size in code points, a stance target key or none. */
export interface DrawnSpan {
  start: number;
  size: number;
  label: string;
  author: string;
  attributes: Record<string, unknown>;
  target?: string | undefined;
}

/** A relation as drawn: two span indexes (any naturals, taken modulo the number of spans) and its attributes. */
export type DrawnRelation = [from: number, to: number, attributes: Record<string, unknown>];

/** The drawn spans with their end: start + size, cut at the end of the text. */
export const withEnds = (points: string[], spans: DrawnSpan[]) => spans.map((span) => ({ ...span, end: Math.min(points.length, span.start + span.size) }));

/**
 * Drawn spans and relations as an exported document holds them: spans s0, s1, … in `layerOf`
 * their label, a stance span's target the drawn key or else the span s0; relations OPPOSES, by
 * gold, between two of the spans (none when there are no spans to relate).
 */
export function exportAnnotations(
  points: string[],
  spans: (DrawnSpan & { end: number })[],
  relations: DrawnRelation[],
  layerOf: (label: string) => SpanLayer,
): Pick<ExportDocument, 'spans' | 'relations'> {
  return {
    spans: spans.map(({ start, end, label, author, attributes, target }, index) => ({
      id: `s${index}`,
      start,
      end,
      label,
      layer: layerOf(label),
      quote: points.slice(start, end).join(''),
      author,
      attributes,
      ...(layerOf(label) === 'STANCE' && { target: target ? { kind: 'target' as const, key: target } : { kind: 'span' as const, spanId: 's0' } }),
    })),
    relations:
      spans.length === 0
        ? []
        : relations.map(([from, to, attributes], index) => ({
            id: `r${index}`,
            label: 'OPPOSES',
            source: `s${from % spans.length}`,
            target: `s${to % spans.length}`,
            author: 'gold',
            attributes,
          })),
  };
}
