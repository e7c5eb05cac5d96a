import { layerOf, targetText, type Catalog } from './catalog';
import { SPAN_LAYERS, type SpanLayer } from '@/lib/schema/types';
import type { Span } from './model';

export interface SpanFilter {
  readonly layer: SpanLayer | 'ALL';
  readonly labelId: string | 'ALL';
  /** Only the spans their author marked "unsure" (to go back over them before submitting). */
  readonly unsureOnly?: boolean;
}

interface SpanGroup {
  /** For stance spans, the target they are about; null elsewhere. */
  readonly heading: string | null;
  readonly spans: readonly Span[];
}

interface SpanSection {
  readonly layer: SpanLayer;
  readonly count: number;
  readonly groups: readonly SpanGroup[];
}

/** Project targets first in schema order, then entity spans in text order, then spans without a target. */
function byTarget(stances: readonly Span[], spans: ReadonlyMap<string, Span>, catalog: Catalog): SpanGroup[] {
  const targetOrder = [...catalog.targets.keys()];
  const rank = (span: Span): [number, number] => {
    if (!span.target) return [2, 0];
    if (span.target.kind === 'target') return [0, targetOrder.indexOf(span.target.id)];
    return [1, spans.get(span.target.key)?.start ?? Number.MAX_SAFE_INTEGER];
  };
  const groups = new Map<string, { rank: [number, number]; group: { heading: string; spans: Span[] } }>();
  for (const span of stances) {
    const heading = span.target ? targetText(catalog, spans, span.target) : 'No target';
    const id = span.target ? `${span.target.kind}:${span.target.kind === 'target' ? span.target.id : span.target.key}` : '';
    const entry = groups.get(id) ?? { rank: rank(span), group: { heading, spans: [] } };
    entry.group.spans.push(span);
    groups.set(id, entry);
  }
  return [...groups.values()].sort((a, b) => a.rank[0] - b.rank[0] || a.rank[1] - b.rank[1]).map((entry) => entry.group);
}

/**
 * The side panel's span list: one section per layer, spans in text order, stance spans
 * grouped by their target (as the stance question is "towards what?").
 */
export function spanSections(spans: ReadonlyMap<string, Span>, catalog: Catalog, filter: SpanFilter): SpanSection[] {
  const byLayer = new Map<SpanLayer, Span[]>(SPAN_LAYERS.map((layer) => [layer, []]));
  for (const span of spans.values()) {
    const layer = layerOf(catalog, span);
    if (!layer || (filter.layer !== 'ALL' && layer !== filter.layer)) continue;
    if (filter.labelId !== 'ALL' && span.labelId !== filter.labelId) continue;
    if (filter.unsureOnly && !span.unsure) continue;
    byLayer.get(layer)!.push(span);
  }
  const sections: SpanSection[] = [];
  for (const [layer, list] of byLayer) {
    if (list.length === 0) continue;
    list.sort((a, b) => a.start - b.start || b.end - a.end);
    const groups = layer === 'STANCE' ? byTarget(list, spans, catalog) : [{ heading: null, spans: list }];
    sections.push({ layer, count: list.length, groups });
  }
  return sections;
}
