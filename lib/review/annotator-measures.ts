import { alphaFromCoincidences, AgreementUndefinedError } from '@/lib/agreement';
import type { IndexedDocument } from './documents';
import { layerSpans } from './documents';
import { figure, type Figure } from './figure';
import { countMatches, f1, noMatches, type MatchCounts } from './span-measures';
import type { SpanLayer } from '@/lib/schema/types';
import { tokenAlpha, tokenCoincidences, type LayerTokens, type PairTable } from './token-measures';

/**
 * Which coder drags reliability down, per layer:
 * - α with the others: every token the annotator and another annotator both coded is a unit of
 *   two values; the coincidences of all such pairs (a pair table plus its transpose) pooled over
 *   the other annotators give one α. Low against good α_without means this coder differs.
 * - α without: the layer's token α over the other annotators only.
 * - usage: spans per label and per document the annotator counts for, to compare with the others.
 * - gold: span F1 of the annotator against the gold of the adjudicated documents, per label.
 */
export interface AnnotatorDiagnostics {
  id: string;
  documents: number;
  alphaWithOthers: Figure;
  alphaWithout: Figure;
  /** Spans per label (count over the documents the annotator counts for). */
  spans: Record<string, number>;
  /** Span F1 against gold (gold is the reference), over the adjudicated documents the annotator counts for. */
  gold: { documents: number; f1Exact: Figure; f1Overlap: Figure; labels: Record<string, { f1Exact: Figure; f1Overlap: Figure }> };
}

export function annotatorDiagnostics(
  documents: IndexedDocument[],
  tokens: LayerTokens,
  layer: SpanLayer,
  labels: string[],
  ids: string[],
  tables: { a: string; b: string; table: PairTable }[],
): AnnotatorDiagnostics[] {
  const size = tokens.sets.size;
  const codes = Array.from({ length: size }, (_, code) => code);
  return ids.map((id) => {
    const pooled = new Float64Array(size * size);
    for (const { a, b, table } of tables) {
      if (a !== id && b !== id) continue;
      for (let c = 0; c < size; c++) {
        for (let k = 0; k < size; k++) {
          const n = table.counts[c * size + k]!;
          pooled[c * size + k]! += n;
          pooled[k * size + c]! += n;
        }
      }
    }
    const others = ids.filter((other) => other !== id);
    const spans = Object.fromEntries(labels.map((label) => [label, 0]));
    const byLabel = new Map(labels.map((label) => [label, noMatches()]));
    const total = noMatches();
    let counted = 0;
    let adjudicated = 0;
    for (const document of documents) {
      if (!document.spans.has(id)) continue;
      counted += 1;
      const own = layerSpans(document, id, layer);
      for (const [label, list] of own) spans[label] = (spans[label] ?? 0) + list.length;
      if (!document.gold) continue;
      adjudicated += 1;
      countMatches(document.gold.get(layer) ?? NONE, own, byLabel, total);
    }
    const gold = {
      documents: adjudicated,
      ...goldF1(adjudicated, total),
      labels: Object.fromEntries([...byLabel].map(([label, counts]) => [label, goldF1(adjudicated, counts)])),
    };
    return {
      id,
      documents: counted,
      alphaWithOthers: figure(() => {
        if (others.length === 0) throw new AgreementUndefinedError('no-pairable-units', 'no other annotator');
        return alphaFromCoincidences(pooled, 'nominal', codes);
      }),
      alphaWithout: others.length < 2 ? { value: null, reason: 'fewer than two other annotators' } : tokenAlpha(tokenCoincidences(tokens, others), tokens.sets),
      spans,
      gold,
    };
  });
}

const NONE: ReadonlyMap<string, never[]> = new Map();

function goldF1(documents: number, counts: MatchCounts): { f1Exact: Figure; f1Overlap: Figure } {
  if (documents === 0) return { f1Exact: NO_GOLD, f1Overlap: NO_GOLD };
  return { f1Exact: f1(counts.exact), f1Overlap: f1(counts.overlap) };
}

const NO_GOLD: Figure = { value: null, reason: 'no adjudicated document among the annotator’s' };
