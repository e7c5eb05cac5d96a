import { SPAN_LAYERS, type SpanLayer } from '@/lib/schema/types';
import type { Span } from './model';
import { filterByQuery, labelTexts } from './picker';
import { activeLabels, type SchemaLabel } from './schema';

export interface PaletteGroup {
  readonly layer: SpanLayer;
  readonly labels: readonly SchemaLabel[];
}

export interface Palette {
  /** Each span layer's active labels that match, in schema order; layers with none are left out. */
  readonly groups: readonly PaletteGroup[];
  /** What Enter in the filter applies: the best match over every layer (as in the picker), none while the filter is empty. */
  readonly best: SchemaLabel | null;
}

/**
 * The always-visible label palette: grouped by layer so a label is found where it always is,
 * while the label Enter applies is ranked across layers like the picker's type-ahead.
 */
export function paletteOf(labels: readonly SchemaLabel[], query: string): Palette {
  const all = SPAN_LAYERS.flatMap((layer) => activeLabels(labels, layer));
  const searching = query.trim() !== '';
  const matches = searching ? filterByQuery(all, query, labelTexts) : all;
  const matched = new Set(matches);
  const groups = SPAN_LAYERS.map((layer) => ({ layer, labels: all.filter((label) => label.layer === layer && matched.has(label)) })).filter(
    (group) => group.labels.length > 0,
  );
  return { groups, best: searching ? (matches[0] ?? null) : null };
}

/** Document order for stepping through spans: by start, an enclosing span before those inside it. */
function byPosition(a: Span, b: Span): number {
  return a.start - b.start || b.end - a.end || (a.key < b.key ? -1 : a.key > b.key ? 1 : 0);
}

/**
 * The span a "next" or "previous" key moves to: the neighbour of the selected span in document
 * order, or, with none selected, the first span starting at or after the caret (the last one
 * starting before it). Undefined at either end: the keys do not wrap around, so the end is felt.
 */
export function neighbourSpan(spans: Iterable<Span>, from: { activeKey: string | null; caret: number }, direction: 1 | -1): Span | undefined {
  const sorted = [...spans].sort(byPosition);
  const at = from.activeKey === null ? -1 : sorted.findIndex((span) => span.key === from.activeKey);
  if (at >= 0) return sorted[at + direction];
  return direction === 1 ? sorted.find((span) => span.start >= from.caret) : sorted.findLast((span) => span.start < from.caret);
}
