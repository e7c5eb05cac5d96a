import { isSpanLayer, type SpanLayer } from '@/lib/schema/types';
import type { Span, SpanTarget } from './model';
import type { SchemaLabel, SchemaTarget } from './schema';

/** Schema lookups by id, built once per page: labels (retired ones too, for old spans) and targets. */
export interface Catalog {
  readonly labels: ReadonlyMap<string, SchemaLabel>;
  readonly targets: ReadonlyMap<string, SchemaTarget>;
}

export function catalogOf(labels: readonly SchemaLabel[], targets: readonly SchemaTarget[]): Catalog {
  return { labels: new Map(labels.map((label) => [label.id, label])), targets: new Map(targets.map((target) => [target.id, target])) };
}

export function layerOf(catalog: Catalog, span: Span): SpanLayer | undefined {
  const layer = catalog.labels.get(span.labelId)?.layer;
  return layer && isSpanLayer(layer) ? layer : undefined;
}

/** Shortens long quotes for lists and titles. */
export function shortQuote(quote: string, max = 60): string {
  const flat = quote.replace(/\s+/g, ' ').trim();
  return flat.length > max ? `${flat.slice(0, max - 1)}…` : flat;
}

/** A stance target in words: the project target's name, or the quoted entity span. */
export function targetText(catalog: Catalog, spans: ReadonlyMap<string, Span>, target: SpanTarget): string {
  if (target.kind === 'target') return catalog.targets.get(target.id)?.name ?? 'an unknown target';
  const span = spans.get(target.key);
  return span ? `“${shortQuote(span.quote, 40)}”` : 'a deleted span';
}

/** What a span is, in words: label name and key, and the stance target if any. */
export function spanTitle(catalog: Catalog, spans: ReadonlyMap<string, Span>, span: Span): string {
  const label = catalog.labels.get(span.labelId);
  const name = label ? `${label.name} (${label.key})${label.retired ? ', retired label' : ''}` : 'Unknown label';
  return span.target ? `${name} → ${targetText(catalog, spans, span.target)}` : name;
}
