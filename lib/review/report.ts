import type { IntervalOptions } from '@/lib/agreement';
import { annotatorDiagnostics, type AnnotatorDiagnostics } from './annotator-measures';
import { indexDocument } from './documents';
import type { Figure } from './figure';
import { SPAN_LAYERS, type SpanLayer } from '@/lib/schema/types';
import type { ReportInput } from './input';
import { intervalRule, once, optional } from './intervals';
import { MODEL_RULE, modelsAgainstGold, type ModelReport } from './model-measures';
import { batchDocuments, batchFigures, type Batch, type Batching, type OverTime } from './over-time';
import { RELATION_RULE, relationAgreement, type RelationReport } from './relation-measures';
import { continuumAlpha, documentDisagreement, pairSpans, type PairSpans } from './span-measures';
import {
  alphaOfCodes,
  documentCoincidences,
  layerInterval,
  layerTokens,
  pairLabelKappa,
  pairTable,
  pairTokens,
  tokenAlpha,
  tokenCoincidences,
  tokenFleiss,
  type PairTokens,
} from './token-measures';
import { documentQuestions, stanceByTarget, type UnitFigure } from './unit-measures';

/** The project agreement report (issue: inter-annotator review), computed from plain data. */
export interface LabelReport {
  tokenAlpha: Figure;
  unitizingAlpha: Figure & { documents: number };
  pairs: ({ a: string; b: string; cohenKappa: Figure } & PairSpans)[];
}

export interface LayerReport extends LabelReport {
  /** Tokens of the counted documents: the units of the token figures. */
  tokens: number;
  fleissKappa: Figure;
  pairs: ({ a: string; b: string; cohenKappa: Figure; tokens: number; confusion: PairTokens['confusion'] } & PairSpans)[];
  labels: Record<string, LabelReport>;
}

export interface AgreementReport {
  scope: {
    documentRule: string;
    documents: number;
    annotators: { id: string; name: string }[];
    excludedDocuments: number;
    rules: string[];
    /** The intervals' method and settings (described in `rules`), null for point estimates only. */
    intervals: IntervalOptions | null;
    message?: string;
  };
  layers: Partial<Record<SpanLayer, LayerReport>>;
  stance: Record<string, UnitFigure>;
  questions: Record<string, UnitFigure>;
  documents: { id: string; name: string; annotators: number; disagreement: number | null }[];
  /** Per layer, per annotator: who drags reliability down (see annotator-measures.ts). */
  annotators: Partial<Record<SpanLayer, AnnotatorDiagnostics[]>>;
  /** Relation F1 per annotator pair and type, α on the relation type; null in a project without relations. */
  relations: RelationReport | null;
  /** The token figures per batch of completed documents; null when not asked for. */
  overTime: OverTime | null;
  /** Recommender runs evaluated as coders: their precision/recall against gold (their agreement with the humans is in the figures above). */
  models: ModelReport[];
}

const RULES = [
  'Token measures use the tokens of the export tokenizer; a token belongs to a span when they share a character.',
  'Overlapping and stacked spans are kept: per layer a token’s category is the sorted set of labels ' +
    'covering it (e.g. "ORG+PERSON"); per label it is inside/outside that label.',
  'Span F1 is one-to-one: exact = same offsets and label; overlap = same label and at least one ' +
    'shared character (greedy by largest overlap); micro-averaged over shared documents.',
  'Krippendorff’s α_u treats the documents completed by all compared annotators as one character ' +
    'continuum (code points); a coder’s overlapping same-label spans are merged first.',
  'Annotators who do not count for a document are missing values, not disagreement.',
  'Retired labels are included: their spans are part of the data.',
];

export interface ReportOptions {
  /** Confidence intervals for α and κ (see lib/agreement/interval.ts); null: point estimates only. */
  intervals?: IntervalOptions | null;
  /** Agreement over time (see over-time.ts); null: not computed. */
  batching?: Batching | null;
}

export function agreementReport(input: ReportInput, { intervals = null, batching = null }: ReportOptions = {}): AgreementReport {
  const included = input.documents.filter((d) => d.annotators.length >= 2);
  const annotators = input.annotators.filter((a) => included.some((d) => d.annotators.includes(a.id)));
  const ids = annotators.map((a) => a.id);
  const pairs = ids.flatMap((a, i) => ids.slice(i + 1).map((b) => [a, b] as const));
  const layers: AgreementReport['layers'] = {};
  const diagnostics: AgreementReport['annotators'] = {};
  const batches = batching ? batchDocuments(included, batching).map(({ label, members }) => ({ label, members, layers: {} as Batch['layers'] })) : [];
  const documents = included.map(indexDocument);
  const labelKeys = new Map(SPAN_LAYERS.map((layer) => [layer, new Set(input.labels.filter((l) => l.layer === layer).map((l) => l.key))]));
  for (const document of included) for (const span of document.spans) labelKeys.get(span.layer)?.add(span.label);

  for (const layer of SPAN_LAYERS) {
    const keys = [...labelKeys.get(layer)!];
    if (keys.length === 0) continue;
    const tokens = layerTokens(documents, layer, keys);
    const coincidences = tokenCoincidences(tokens, ids);
    const units = once(() => documentCoincidences(tokens, ids));
    const alpha = (label?: string) => ({
      ...tokenAlpha(coincidences, tokens.sets, label),
      ...optional(layerInterval(intervals, units, tokens.sets.size, alphaOfCodes, tokens.sets, label)),
    });
    const continuum = continuumAlpha(documents, ids, layer, keys);
    const pairMeasures = pairs.map(([a, b]) => ({ a, b, table: pairTable(tokens, a, b), spans: pairSpans(documents, a, b, layer, keys) }));
    diagnostics[layer] = annotatorDiagnostics(documents, tokens, layer, keys, ids, pairMeasures);
    for (const batch of batches) batch.layers[layer] = batchFigures(tokens, ids, keys, batch.members);
    const labels: Record<string, LabelReport> = {};
    for (const key of keys) {
      labels[key] = {
        tokenAlpha: alpha(key),
        unitizingAlpha: continuum.labels.get(key)!,
        pairs: pairMeasures.map(({ a, b, table, spans }) => ({
          a,
          b,
          cohenKappa: pairLabelKappa(table, tokens.sets, key, intervals),
          ...spans.labels.get(key)!,
        })),
      };
    }
    layers[layer] = {
      tokens: coincidences.units,
      tokenAlpha: alpha(),
      fleissKappa: tokenFleiss(tokens, intervals),
      unitizingAlpha: continuum.layer,
      pairs: pairMeasures.map(({ a, b, table, spans }) => ({ a, b, ...pairTokens(table, tokens.sets, intervals), ...spans.layer })),
      labels,
    };
  }

  return {
    scope: {
      documentRule: input.documentRule,
      documents: included.length,
      annotators,
      excludedDocuments: input.documents.length - included.length,
      rules: [...RULES, RELATION_RULE, ...(input.models?.length ? [MODEL_RULE] : []), ...(intervals ? [intervalRule(intervals)] : [])],
      intervals,
    },
    layers,
    stance: stanceByTarget(included, ids, intervals),
    questions: documentQuestions({ ...input, documents: included }, intervals),
    documents: rankDocuments(included),
    annotators: diagnostics,
    relations: relationAgreement(included, ids, input.relationTypes ?? [], intervals),
    overTime: batching && {
      batching,
      batches: batches.map(({ label, members, layers: figures }) => {
        const times = members.map((i) => included[i]!.completedAt!);
        return { label, from: times[0]!, to: times.at(-1)!, documents: members.length, layers: figures };
      }),
      notCompleted: included.filter((d) => d.completedAt === undefined).length,
    },
    models: modelsAgainstGold(input.documents, input.models ?? []),
  };
}

/** Worst disagreement (1 − mean pairwise overlap-F1 over all span layers) first. */
function rankDocuments(documents: ReportInput['documents']): AgreementReport['documents'] {
  return documents
    .map((document) => ({ id: document.id, name: document.name, annotators: document.annotators.length, disagreement: documentDisagreement(document) }))
    .sort((x, y) => (y.disagreement ?? -1) - (x.disagreement ?? -1));
}
export type { Figure };

/** Says plainly why a report is empty, instead of a page of n/a. */
export function withMessage(report: AgreementReport): AgreementReport {
  if (report.scope.documents > 0) return report;
  const message =
    report.scope.excludedDocuments > 0
      ? 'No document has been completed by two or more annotators yet: agreement needs at least two ' +
        'annotators per document (assign N ≥ 2 and let them submit, or use scope=all).'
      : 'The project has no documents to compare yet.';
  return { ...report, scope: { ...report.scope, message } };
}
