import { z } from 'zod';
import { defineContract } from '@/lib/api/contract';
import { id, idParams, timestamp } from '@/lib/api/schemas';

const spanIdentity = z.object({ start: z.number().int(), end: z.number().int(), labelId: id }).nullable();

const candidateBase = {
  key: z.string(),
  labelId: id,
  authors: z.array(z.string()),
  agreement: z.string().describe('proposers / submitted annotators'),
  gold: id.nullable(),
};

const reviewSchema = z.object({
  document: z.object({ id, name: z.string(), text: z.string(), projectId: id, adjudicatedAt: timestamp.nullable() }),
  annotators: z.array(
    z.object({ id, name: z.string(), status: z.string(), afterGold: z.boolean().describe('changed the document after gold was shown to them') }),
  ),
  submitted: z.array(id),
  danglingRelations: z.number().int().describe('relations left out of the candidates because their source or target span is deleted or missing'),
  spans: z.array(
    z.object({
      ...candidateBase,
      start: z.number().int(),
      end: z.number().int(),
      quote: z.string(),
      label: z.string(),
      layer: z.string(),
      targetId: id.nullable(),
      targetSpan: spanIdentity,
      annotationIds: z.array(id),
      remarks: z
        .array(z.object({ author: id, unsure: z.boolean(), note: z.string().nullable() }))
        .describe("each proposer's own unsure flag and note on their span, when they left one"),
      unanimous: z.boolean(),
    }),
  ),
  goldOnly: z.array(z.object({ id, start: z.number().int(), end: z.number().int(), labelId: id, label: z.string() })),
  relations: z.array(z.object({ ...candidateBase, label: z.string(), source: z.string(), target: z.string(), relationIds: z.array(id) })),
  answers: z.array(z.object({ ...candidateBase, question: z.string(), targetId: id.nullable(), values: z.array(z.string()), answerIds: z.array(id) })),
});

const acceptResult = z.object({ spans: z.number().int(), relations: z.number().int(), answers: z.number().int() });

export const reviewDocument = defineContract({
  method: 'GET',
  path: '/documents/{id}/review',
  tag: 'review',
  summary: "Every submitted annotator's spans, relations and answers aligned into candidates, with agreement and gold status",
  params: idParams,
  response: reviewSchema,
  errors: [403, 404],
});

export const acceptGold = defineContract({
  method: 'POST',
  path: '/documents/{id}/gold',
  tag: 'review',
  summary: 'Accept annotators’ items into gold (idempotent; provenance kept in sourceIds)',
  params: idParams,
  body: z
    .object({
      annotationIds: z.array(id).max(10_000).optional(),
      relationIds: z.array(id).max(10_000).optional(),
      answerIds: z.array(id).max(10_000).optional(),
    })
    .strict(),
  response: acceptResult,
  errors: [403, 404, 409],
});

export const autoAcceptGold = defineContract({
  method: 'POST',
  path: '/projects/{id}/gold/auto',
  tag: 'review',
  summary:
    'Accept into gold everything at least k annotators agree on, for some documents or the whole project; optionally only fully agreeing ' +
    'documents, and mark them finished',
  params: idParams,
  body: z
    .object({
      minAgreement: z.number().int().min(1).max(50),
      documentIds: z.array(id).max(100_000).optional(),
      onlyFullAgreement: z.boolean().optional(),
      finish: z.boolean().optional(),
    })
    .strict(),
  response: acceptResult.extend({
    documents: z.number().int(),
    finished: z.number().int(),
    skipped: z
      .object({
        count: z.number().int(),
        items: z.array(z.object({ documentId: id, kind: z.enum(['annotation', 'relation', 'answer']), id, reason: z.string() })).describe('the first 1,000'),
      })
      .describe(
        'items left out of gold because they break an annotation rule (retired label or target, overlap the project forbids, relation type not allowed)',
      ),
    afterGoldLeftOut: z
      .number()
      .int()
      .describe('(document, annotator) pairs whose work was not counted as a vote: changed after gold was shown to the annotator'),
  }),
  errors: [403, 404],
});

export const finishReview = defineContract({
  method: 'PATCH',
  path: '/documents/{id}/review',
  tag: 'review',
  summary: 'Mark the document’s gold layer finished (or reopen it)',
  params: idParams,
  body: z.object({ adjudicated: z.boolean() }).strict(),
  response: z.object({ id, adjudicatedAt: timestamp.nullable() }),
  errors: [403, 404, 409],
});

export const reviewQueue = defineContract({
  method: 'GET',
  path: '/projects/{id}/review/queue',
  tag: 'review',
  summary: 'Submitted documents for curators, worst disagreement first, filtered by review status and minimum disagreement',
  params: idParams,
  query: z.object({ status: z.enum(['open', 'adjudicated', 'all']).default('open'), minDisagreement: z.coerce.number().min(0).max(1).default(0) }).strict(),
  response: z.object({
    items: z.array(
      z.object({
        id,
        name: z.string(),
        submitted: z.number().int(),
        disagreement: z.number().nullable(),
        adjudicatedAt: timestamp.nullable(),
        goldSpans: z.number().int(),
      }),
    ),
    nextCursor: z.null(),
  }),
  errors: [403, 404],
});
