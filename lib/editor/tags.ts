import type { SpanLayer } from '@/lib/schema/types';
import { layerOf, shortQuote, spanTitle, type Catalog } from './catalog';
import type { Span, SpanTarget } from './model';

/**
 * How a span is drawn in the text: its colour, its title (the full description, on hover and
 * for screen readers), its tag (the short text shown at its start without hovering) and its
 * layer, which picks the line style so entities, stance and frames stay apart even in one colour.
 */
export interface SpanLook {
  readonly color: string;
  readonly title: string;
  readonly tag: string;
  /** Null for a span whose label is unknown to the catalog (drawn like an entity, tagged "?"). */
  readonly layer: SpanLayer | null;
}

/** Drawn for a span whose label the catalog lacks: grey, so it does not pass for any label. */
const UNKNOWN_COLOR = '#888888';

/** Tags are read between words: long keys and target names are cut so a tag never fills a line. */
const TAG_LABEL_MAX = 16;
const TAG_TARGET_MAX = 24;

/** The stance target as a tag shows it: the target's name, or the quoted entity span. */
function tagTarget(catalog: Catalog, spans: ReadonlyMap<string, Span>, target: SpanTarget): string {
  if (target.kind === 'target') return shortQuote(catalog.targets.get(target.id)?.name ?? '?', TAG_TARGET_MAX);
  const span = spans.get(target.key);
  return span ? `“${shortQuote(span.quote, TAG_TARGET_MAX)}”` : '?';
}

/**
 * The tag at a span's start: the label's key (what annotators type and exports carry), and for
 * a stance span its target, e.g. "AGAINST → Afghan Taliban".
 */
export function spanTag(catalog: Catalog, spans: ReadonlyMap<string, Span>, span: Span): string {
  const label = catalog.labels.get(span.labelId);
  const key = label ? shortQuote(label.key, TAG_LABEL_MAX) : '?';
  return span.target ? `${key} → ${tagTarget(catalog, spans, span.target)}` : key;
}

export function spanLook(catalog: Catalog, spans: ReadonlyMap<string, Span>, span: Span): SpanLook {
  return {
    color: catalog.labels.get(span.labelId)?.color ?? UNKNOWN_COLOR,
    title: spanTitle(catalog, spans, span),
    tag: spanTag(catalog, spans, span),
    layer: layerOf(catalog, span) ?? null,
  };
}

/** The legend: each layer's line style in words (the style itself is text.module.css's, per data-layer). */
export const LAYER_LOOKS: Readonly<Record<SpanLayer, { readonly name: string; readonly style: string }>> = {
  ENTITY: { name: 'Entity', style: 'solid underline' },
  STANCE: { name: 'Stance', style: 'dashed underline, the tag names the target' },
  FRAME: { name: 'Frame', style: 'tinted band, dotted underline' },
};
