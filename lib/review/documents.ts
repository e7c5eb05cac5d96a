import { assertSpans, assertTokenOffsets } from '@/lib/agreement';
import { codePointLength } from '@/lib/offsets';
import { storedTokens } from '@/lib/tokenize';
import type { SpanLayer } from '@/lib/schema/types';
import type { ReportDocument, ReportSpan } from './input';

/**
 * A report document checked once and indexed, so that no measure re-filters all spans per
 * annotator, layer or label, and none re-validates them in its inner loops.
 */
export interface IndexedDocument {
  id: string;
  /** Who counts for the document, as given. */
  annotators: string[];
  /** lib/tokenize's tokens: start, end, start, end, … in code points. */
  tokenOffsets: ArrayLike<number>;
  tokenCount: number;
  /** In code points. */
  length: number;
  /** The spans of each annotator who counts (every one of them has an entry), by layer and label. */
  spans: Map<string, Map<SpanLayer, Map<string, ReportSpan[]>>>;
  /** The gold spans by layer and label when the document has been adjudicated; null otherwise. */
  gold: Map<SpanLayer, Map<string, Omit<ReportSpan, 'author'>[]>> | null;
}

const NO_SPANS: ReadonlyMap<string, ReportSpan[]> = new Map();

export function indexDocument(document: ReportDocument): IndexedDocument {
  const tokenOffsets = document.tokenOffsets ?? storedTokens(document.text).tokenOffsets;
  assertTokenOffsets(tokenOffsets);
  const spans = new Map(document.annotators.map((a) => [a, new Map<SpanLayer, Map<string, ReportSpan[]>>()]));
  const counted = document.spans.filter((s) => spans.has(s.author));
  assertSpans(counted, `spans of document ${JSON.stringify(document.name)}`);
  for (const span of counted) byLayerAndLabel(spans.get(span.author)!, span);
  let gold: IndexedDocument['gold'] = null;
  if (document.gold) {
    assertSpans(document.gold, `gold spans of document ${JSON.stringify(document.name)}`);
    gold = new Map();
    for (const span of document.gold) byLayerAndLabel(gold, span);
  }
  // Sorted by position, span matching need not sort its lists again for every pair of annotators.
  for (const layers of [...spans.values(), ...(gold ? [gold] : [])])
    for (const labels of layers.values()) for (const list of labels.values()) list.sort((x, y) => x.start - y.start || x.end - y.end);
  return {
    id: document.id,
    annotators: document.annotators,
    tokenOffsets,
    tokenCount: tokenOffsets.length / 2,
    length: codePointLength(document.text),
    spans,
    gold,
  };
}

function byLayerAndLabel<T extends { layer: SpanLayer; label: string }>(layers: Map<SpanLayer, Map<string, T[]>>, span: T): void {
  if (!layers.has(span.layer)) layers.set(span.layer, new Map());
  const labels = layers.get(span.layer)!;
  if (!labels.has(span.label)) labels.set(span.label, []);
  labels.get(span.label)!.push(span);
}

/** An annotator's spans of one layer by label; empty for an annotator who does not count. */
export function layerSpans(document: IndexedDocument, author: string, layer: SpanLayer): ReadonlyMap<string, ReportSpan[]> {
  return document.spans.get(author)?.get(layer) ?? NO_SPANS;
}

export function countsFor(document: IndexedDocument, ...annotators: string[]): boolean {
  return annotators.every((a) => document.spans.has(a));
}
