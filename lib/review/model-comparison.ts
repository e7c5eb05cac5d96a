import type { AgreementReport } from './report';
import { round } from './figure';
import type { SpanLayer } from '@/lib/schema/types';

/**
 * "Is the model as reliable as a coder?": per layer, the mean Cohen's κ and span F1 (overlap)
 * of the human–human pairs beside those of the model's pairs with each human. Means of pair
 * figures, for reading at a glance; each pair's own figure (with its interval) is in the layer's
 * pair table. Pairs whose figure is undefined are left out of the mean and counted.
 */
export interface PairMean {
  value: number | null;
  pairs: number;
  undefinedPairs: number;
}

export interface ModelBeside {
  layer: SpanLayer;
  humans: { kappa: PairMean; f1Overlap: PairMean };
  model: { kappa: PairMean; f1Overlap: PairMean };
}

export function modelBesideHumans(report: Pick<AgreementReport, 'layers' | 'models'>, modelId: string): ModelBeside[] {
  const models = new Set(report.models.map((m) => m.id));
  return (Object.entries(report.layers) as [SpanLayer, NonNullable<AgreementReport['layers'][SpanLayer]>][]).map(([layer, figures]) => {
    const human = figures.pairs.filter((p) => !models.has(p.a) && !models.has(p.b));
    const withModel = figures.pairs.filter((p) => (p.a === modelId && !models.has(p.b)) || (p.b === modelId && !models.has(p.a)));
    return {
      layer,
      humans: { kappa: mean(human.map((p) => p.cohenKappa.value)), f1Overlap: mean(human.map((p) => p.f1Overlap.value)) },
      model: { kappa: mean(withModel.map((p) => p.cohenKappa.value)), f1Overlap: mean(withModel.map((p) => p.f1Overlap.value)) },
    };
  });
}

function mean(values: (number | null)[]): PairMean {
  const defined = values.filter((v): v is number => v !== null);
  return {
    value: defined.length ? round(defined.reduce((s, v) => s + v, 0) / defined.length) : null,
    pairs: defined.length,
    undefinedPairs: values.length - defined.length,
  };
}
