import { SPAN_LAYERS, type SpanLayer } from '@/lib/schema/types';
import { activeLabels, type SchemaLabel } from './schema';

/** Case- and accent-insensitive form for matching what people type. */
function fold(text: string): string {
  return text.normalize('NFKD').replace(/\p{M}/gu, '').toLowerCase();
}

/** 0: a text starts with the query, 1: a word in it does, 2: it contains the query, null: no match. */
function rank(texts: readonly string[], query: string): number | null {
  let best: number | null = null;
  for (const text of texts.map(fold)) {
    const score = text.startsWith(query) ? 0 : text.split(/[\s_\-/()]+/u).some((word) => word.startsWith(query)) ? 1 : text.includes(query) ? 2 : null;
    if (score !== null && (best === null || score < best)) best = score;
  }
  return best;
}

/**
 * Type-ahead filtering: the items matching `query`, best matches first, otherwise in their
 * given order. An empty query keeps everything.
 */
export function filterByQuery<T>(items: readonly T[], query: string, textsOf: (item: T) => readonly string[]): T[] {
  const folded = fold(query.trim());
  if (!folded) return [...items];
  return items
    .map((item, index) => ({ item, index, score: rank(textsOf(item), folded) }))
    .filter((entry): entry is { item: T; index: number; score: number } => entry.score !== null)
    .sort((a, b) => a.score - b.score || a.index - b.index)
    .map((entry) => entry.item);
}

/** What a label answers to in the picker: its name, its key and the key spelled as words. */
export function labelTexts(label: SchemaLabel): string[] {
  return [label.name, label.key, label.key.replace(/_/g, ' ')];
}

/**
 * The picker's list: with an empty query the layer's active labels; a query searches every
 * layer, so a label is found without knowing its layer. Best match first.
 */
export function pickerLabels(labels: readonly SchemaLabel[], layer: SpanLayer, query: string): SchemaLabel[] {
  if (query.trim() === '') return activeLabels(labels, layer);
  return filterByQuery(
    SPAN_LAYERS.flatMap((l) => activeLabels(labels, l)),
    query,
    labelTexts,
  );
}
