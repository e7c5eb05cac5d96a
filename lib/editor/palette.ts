import { SPAN_LAYERS, type SpanLayer } from '@/lib/schema/types';
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
