import type { Span } from '@/lib/agreement';
import { SPAN_LAYERS, type SpanLayer } from '@/lib/schema/types';
import { round, undefinedFigure, type Figure } from './figure';
import type { ReportDocument } from './input';
import type { ModelCoder } from './model-coders';
import { countMatches, noMatches, type MatchCounts } from './span-measures';

/**
 * Each model run against gold: precision, recall and F1 per layer and label, gold being the
 * reference (a gold span the model missed is a false negative, a model span not in gold a false
 * positive), matched one-to-one as span F1 is (exact: same offsets and label; overlap: same label,
 * a shared character). Only documents that have gold and that the run covered are compared.
 */
export interface PrecisionRecall {
  tp: number;
  fp: number;
  fn: number;
  precision: Figure;
  recall: Figure;
  f1: Figure;
}

export interface ModelScores {
  exact: PrecisionRecall;
  overlap: PrecisionRecall;
}

export interface ModelReport {
  id: string;
  name: string;
  runId: string;
  recommenderId: string;
  /** Documents the run covered. */
  documents: number;
  gold: { documents: number; layers: Partial<Record<SpanLayer, ModelScores & { labels: Record<string, ModelScores> }>> };
}

export const MODEL_RULE =
  'Recommender runs evaluated as coders count only on the documents they covered; their spans are all their suggestions, pending or ' +
  'decided. Precision/recall against gold use the documents with gold that the run covered.';

export function modelsAgainstGold(documents: readonly ReportDocument[], models: readonly ModelCoder[]): ModelReport[] {
  return models.map((model) => {
    const compared = documents.filter((d) => d.gold !== undefined && model.documentIds.includes(d.id));
    const layers: ModelReport['gold']['layers'] = {};
    for (const layer of SPAN_LAYERS) {
      const byLabel = new Map<string, MatchCounts>();
      const total = noMatches();
      for (const document of compared) {
        const gold = byLabelOf(document.gold!.filter((s) => s.layer === layer));
        const own = byLabelOf(document.spans.filter((s) => s.author === model.id && s.layer === layer));
        countMatches(gold, own, byLabel, total);
      }
      if (byLabel.size === 0) continue;
      layers[layer] = { ...scores(total), labels: Object.fromEntries([...byLabel].map(([label, counts]) => [label, scores(counts)])) };
    }
    return {
      id: model.id,
      name: model.name,
      runId: model.runId,
      recommenderId: model.recommenderId,
      documents: model.documentIds.length,
      gold: { documents: compared.length, layers },
    };
  });
}

function byLabelOf(spans: readonly Span[]): Map<string, Span[]> {
  const map = new Map<string, Span[]>();
  for (const span of spans) {
    const list = map.get(span.label);
    if (list) list.push({ start: span.start, end: span.end, label: span.label });
    else map.set(span.label, [{ start: span.start, end: span.end, label: span.label }]);
  }
  return map;
}

function scores(counts: MatchCounts): ModelScores {
  return { exact: precisionRecall(counts.exact), overlap: precisionRecall(counts.overlap) };
}

function precisionRecall({ tp, fp, fn }: { tp: number; fp: number; fn: number }): PrecisionRecall {
  return {
    tp,
    fp,
    fn,
    precision: tp + fp === 0 ? undefinedFigure('the model marked no such span') : { value: round(tp / (tp + fp)) },
    recall: tp + fn === 0 ? undefinedFigure('gold has no such span') : { value: round(tp / (tp + fn)) },
    f1: tp + fp + fn === 0 ? undefinedFigure('neither the model nor gold marked such spans') : { value: round((2 * tp) / (2 * tp + fp + fn)) },
  };
}
