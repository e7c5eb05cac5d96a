import { z } from 'zod';
import { authorizeProject } from '@/lib/access/project-access';
import { defineEndpoint } from '@/lib/api/endpoint';
import { idParams } from '@/lib/api/schemas';
import { withExcluded } from '@/lib/review/excluded';
import { loadReportInput } from '@/lib/review/load';
import { agreementReport, withMessage } from '@/lib/review/report';

const figure = z.object({ value: z.number().nullable(), reason: z.string().optional() });
const pair = z.object({ a: z.string(), b: z.string(), cohenKappa: figure, documents: z.number().int(), f1Exact: figure, f1Overlap: figure });
const labelReport = z.object({ tokenAlpha: figure, unitizingAlpha: figure.extend({ documents: z.number().int() }), pairs: z.array(pair) });
const layerReport = labelReport.extend({
  fleissKappa: figure,
  pairs: z.array(pair.extend({ tokens: z.number().int(), confusion: z.object({ categories: z.array(z.string()), matrix: z.array(z.array(z.number())) }) })),
  labels: z.record(z.string(), labelReport),
});
const unitFigure = figure.extend({ units: z.number().int() });

export const agreementReportSchema = z.object({
  scope: z.object({
    documentRule: z.string(),
    documents: z.number().int(),
    annotators: z.array(z.object({ id: z.string(), name: z.string() })),
    excludedDocuments: z.number().int().describe('documents with fewer than two counted annotators'),
    rules: z.array(z.string()),
    message: z.string().optional(),
  }),
  layers: z.record(z.string(), layerReport),
  stance: z.record(z.string(), unitFigure).describe('α per stance target over (document, target) units'),
  questions: z.record(z.string(), unitFigure).describe('α per document question (multi-choice: per option)'),
  documents: z.array(z.object({ id: z.string(), name: z.string(), annotators: z.number().int(), disagreement: z.number().nullable() })).describe('worst first'),
  excluded: z.object({
    afterGold: z.object({
      excluded: z.boolean().describe('false when afterGold=include asked to count it'),
      rule: z.string(),
      documentAnnotators: z.number().int().describe('(document, annotator) pairs changed after gold was shown to the annotator'),
      documents: z.number().int(),
      spans: z.number().int(),
    }),
  }).describe('work left out of every figure above, and how much'),
});

export const agreementEndpoint = defineEndpoint({
  method: 'GET',
  path: '/projects/{id}/agreement',
  tag: 'review',
  summary: 'Inter-annotator agreement: token α and pairwise κ, unitizing α_u, span F1 (exact/overlap), Fleiss κ, stance α per target, document questions, confusion matrices, per-document disagreement',
  params: idParams,
  query: z.object({
    scope: z.enum(['submitted', 'all']).default('submitted'),
    afterGold: z.enum(['exclude', 'include']).default('exclude').describe('work changed after gold was shown to its annotator: left out (default) or counted'),
  }).strict(),
  response: agreementReportSchema,
  errors: [403, 404],
  async handle({ db, caller, params, query }) {
    await authorizeProject(db, caller, params.id, 'agreement:read');
    const input = await loadReportInput(db, params.id, query.scope, { afterGold: query.afterGold });
    return withExcluded(withMessage(agreementReport(input)), input.excluded);
  },
});
