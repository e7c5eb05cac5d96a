import { z } from 'zod';
import { defineContract } from '@/lib/api/contract';
import { idParams } from '@/lib/api/schemas';
import { METHODS_MEDIA_TYPES } from '@/lib/review/methods/render';
import { batchQuery, intervalQuery, modelsQuery } from '@/lib/review/report-options';

const interval = z.union([
  z.object({
    lower: z.number(),
    upper: z.number(),
    method: z.enum(['bootstrap', 'jackknife']),
    confidence: z.number(),
    units: z.number().int().describe('units resampled: documents, (document, target) pairs or (document, question) units'),
    replicates: z.number().int().optional(),
    undefinedReplicates: z.number().int().optional().describe('replicates in which the coefficient was undefined, left out of the interval'),
    standardError: z.number().optional().describe('jackknife'),
    below: z
      .array(z.object({ threshold: z.number(), probability: z.number() }))
      .optional()
      .describe('bootstrap: share of replicates below each threshold'),
  }),
  z.object({ reason: z.string() }),
]);

const figure = z.object({ value: z.number().nullable(), reason: z.string().optional(), interval: interval.optional() });

const pair = z.object({ a: z.string(), b: z.string(), cohenKappa: figure, documents: z.number().int(), f1Exact: figure, f1Overlap: figure });

const labelReport = z.object({ tokenAlpha: figure, unitizingAlpha: figure.extend({ documents: z.number().int() }), pairs: z.array(pair) });

const layerReport = labelReport.extend({
  tokens: z.number().int().describe('tokens of the counted documents'),
  fleissKappa: figure,
  pairs: z.array(pair.extend({ tokens: z.number().int(), confusion: z.object({ categories: z.array(z.string()), matrix: z.array(z.array(z.number())) }) })),
  labels: z.record(z.string(), labelReport),
});

const unitFigure = figure.extend({ units: z.number().int() });
const precisionRecall = z.object({ tp: z.number().int(), fp: z.number().int(), fn: z.number().int(), precision: figure, recall: figure, f1: figure });
const modelScores = z.object({ exact: precisionRecall, overlap: precisionRecall });
const modelReport = z.object({
  id: z.string().describe('the coder id in this report: model:<run id>'),
  name: z.string(),
  runId: z.string(),
  recommenderId: z.string(),
  documents: z.number().int().describe('documents the run covered'),
  gold: z.object({
    documents: z.number().int().describe('documents compared: with gold, covered by the run'),
    layers: z.record(z.string(), modelScores.extend({ labels: z.record(z.string(), modelScores) })),
  }),
});

const agreementReportSchema = z.object({
  scope: z.object({
    documentRule: z.string(),
    documents: z.number().int(),
    annotators: z.array(z.object({ id: z.string(), name: z.string() })),
    excludedDocuments: z.number().int().describe('documents with fewer than two counted annotators'),
    rules: z.array(z.string()),
    intervals: z
      .object({
        method: z.enum(['bootstrap', 'jackknife']),
        confidence: z.number().optional(),
        replicates: z.number().int().optional(),
        seed: z.number().int().optional(),
        thresholds: z.array(z.number()).optional(),
      })
      .nullable(),
    message: z.string().optional(),
  }),
  layers: z.record(z.string(), layerReport),
  stance: z.record(z.string(), unitFigure).describe('α per stance target over (document, target) units'),
  questions: z.record(z.string(), unitFigure).describe('α per document question (multi-choice: per option)'),
  documents: z.array(z.object({ id: z.string(), name: z.string(), annotators: z.number().int(), disagreement: z.number().nullable() })).describe('worst first'),
  excluded: z
    .object({
      afterGold: z.object({
        excluded: z.boolean().describe('false when afterGold=include asked to count it'),
        rule: z.string(),
        documentAnnotators: z.number().int().describe('(document, annotator) pairs changed after gold was shown to the annotator'),
        documents: z.number().int(),
        spans: z.number().int(),
      }),
      danglingRelations: z
        .object({ relations: z.number().int(), documents: z.number().int() })
        .describe('annotator relations whose source or target span is deleted or missing'),
    })
    .describe('work left out of every figure above, and how much'),
  annotators: z
    .record(
      z.string(),
      z.array(
        z.object({
          id: z.string(),
          documents: z.number().int(),
          alphaWithOthers: figure,
          alphaWithout: figure,
          spans: z.record(z.string(), z.number().int()),
          gold: z.object({
            documents: z.number().int(),
            f1Exact: figure,
            f1Overlap: figure,
            labels: z.record(z.string(), z.object({ f1Exact: figure, f1Overlap: figure })),
          }),
        }),
      ),
    )
    .describe(
      'per layer and annotator: α with the others (pooled pairs), α of the others without them, spans per label, span F1 against gold of adjudicated documents',
    ),
  relations: z
    .object({
      pairs: z.array(
        z.object({
          a: z.string(),
          b: z.string(),
          documents: z.number().int(),
          f1Exact: figure,
          f1Overlap: figure,
          types: z.record(z.string(), z.object({ f1Exact: figure, f1Overlap: figure })),
        }),
      ),
      typeAlpha: unitFigure,
    })
    .nullable()
    .describe(
      'relation F1 per annotator pair (overall and per type; endpoints matched exactly or by overlap) and α on the relation type over related endpoint pairs',
    ),
  overTime: z
    .object({
      batching: z.union([z.object({ by: z.literal('week') }), z.object({ by: z.literal('documents'), size: z.number().int() })]),
      batches: z.array(
        z.object({
          label: z.string(),
          from: z.string(),
          to: z.string(),
          documents: z.number().int(),
          layers: z.record(z.string(), z.object({ tokenAlpha: figure, fleissKappa: figure, labels: z.record(z.string(), figure) })),
        }),
      ),
      notCompleted: z.number().int().describe('documents an annotator has not submitted: in no batch'),
    })
    .nullable()
    .describe('token figures per batch of completed documents (by week of completion or by N documents)'),
  models: z
    .array(modelReport)
    .describe(
      'recommender runs evaluated as coders (?models=): precision/recall/F1 against gold per layer and label; their agreement with the ' +
        'humans is in the figures above',
    ),
});

const reportQuery = z
  .object({
    scope: z.enum(['submitted', 'all']).default('submitted'),
    afterGold: z.enum(['exclude', 'include']).default('exclude').describe('work changed after gold was shown to its annotator: left out (default) or counted'),
  })
  .extend(intervalQuery.shape)
  .extend(batchQuery.shape)
  .extend(modelsQuery.shape)
  .strict();

export const agreement = defineContract({
  method: 'GET',
  path: '/projects/{id}/agreement',
  tag: 'review',
  summary:
    'Inter-annotator agreement with confidence intervals (unit bootstrap or jackknife): token α and pairwise κ, unitizing α_u, span F1 ' +
    '(exact/overlap), Fleiss κ, stance α per target, document questions, confusion matrices, per-document disagreement',
  params: idParams,
  query: reportQuery,
  response: agreementReportSchema,
  errors: [403, 404],
});

export const agreementMethods = defineContract({
  method: 'GET',
  path: '/projects/{id}/agreement/methods',
  tag: 'review',
  summary:
    'The agreement report for a paper: a methods paragraph, every figure with its interval and units, the rules and references (markdown, ' +
    'latex) or the figures as csv',
  params: idParams,
  query: reportQuery.extend({ format: z.enum(['markdown', 'latex', 'csv']).default('markdown') }).strict(),
  rawResponse: Object.fromEntries(Object.entries(METHODS_MEDIA_TYPES).map(([format, { type }]) => [type.split(';')[0]!, `format=${format}`])),
  errors: [403, 404],
});
