import { z } from 'zod';
import { defineContract } from '@/lib/api/contract';
import { id, idParams } from '@/lib/api/schemas';
import { annotation } from '@/lib/api/contracts/annotations';
import { SPAN_LAYERS } from '@/lib/schema/types';
import { MAX_ACCEPT_ALL } from '@/lib/suggestions/decide';

const layerQuery = z
  .object({
    layer: z.enum(['own', 'gold']).default('own').describe('"own" (default): the caller\'s layer; "gold": the gold layer, for curators adjudicating'),
  })
  .strict();

const suggestion = z.object({
  id,
  documentId: id,
  recommenderId: id,
  recommender: z.string(),
  runId: id,
  labelId: id,
  label: z.string(),
  layer: z.enum(SPAN_LAYERS),
  start: z.number().int().describe('code point offset, inclusive'),
  end: z.number().int().describe('code point offset, exclusive'),
  quote: z.string(),
  targetId: id.nullable(),
  score: z.number().nullable(),
});

export const listSuggestions = defineContract({
  method: 'GET',
  path: '/documents/{id}/suggestions',
  tag: 'suggestions',
  summary: 'Pending span suggestions for the caller’s layer: not yet decided by them, not already a span of theirs, of labels still in the schema',
  params: idParams,
  query: layerQuery,
  response: z.object({ items: z.array(suggestion) }),
  errors: [403, 404],
});

export const acceptSuggestion = defineContract({
  method: 'POST',
  path: '/suggestions/{id}/accept',
  tag: 'suggestions',
  summary:
    'Accept a suggestion: creates the span (origin SUGGESTED; suggestion, run and recommender ids in sourceIds) in the caller’s layer, or ' +
    'gold with ?layer=gold',
  params: idParams,
  query: layerQuery,
  response: annotation,
  status: 201,
  errors: [403, 404, 409],
});

export const rejectSuggestion = defineContract({
  method: 'POST',
  path: '/suggestions/{id}/reject',
  tag: 'suggestions',
  summary: 'Reject a suggestion: it is not offered to the caller (in that layer) again',
  params: idParams,
  query: layerQuery,
  response: z.object({ suggestionId: id, status: z.literal('REJECTED') }),
  errors: [403, 404, 409],
});

export const acceptAllSuggestions = defineContract({
  method: 'POST',
  path: '/documents/{id}/suggestions/accept-all',
  tag: 'suggestions',
  summary:
    `Accept every pending suggestion of one label in the document (at most ${MAX_ACCEPT_ALL} per request, in text order), in one ` +
    `transaction; suggestions overlapping a span are skipped, counted and left pending`,
  params: idParams,
  query: layerQuery,
  body: z.object({ label: z.string().min(1).max(100).describe('label key') }).strict(),
  response: z.object({
    label: z.string(),
    accepted: z.number().int(),
    skippedOverlaps: z.number().int(),
    remaining: z.number().int().describe(`pending suggestions of the label beyond the ${MAX_ACCEPT_ALL} handled: send the request again`),
    annotations: z.array(annotation),
  }),
  errors: [403, 404, 409],
});

const decisionCounts = {
  accepted: z.number().int(),
  rejected: z.number().int(),
  edited: z.number().int().describe('accepted, and the span was updated afterwards'),
  deleted: z.number().int().describe('accepted, and the span was deleted afterwards'),
};

export const suggestionStats = defineContract({
  method: 'GET',
  path: '/projects/{id}/suggestion-stats',
  tag: 'suggestions',
  summary: 'Acceptance of suggestions per recommender and label, and per day of decision: accepted, rejected, edited or deleted after accepting',
  params: idParams,
  errors: [403, 404],
  response: z.object({
    items: z.array(
      z.object({
        recommenderId: id,
        recommender: z.string(),
        label: z.string(),
        layer: z.string(),
        ...decisionCounts,
        acceptance: z.number().nullable().describe('accepted / (accepted + rejected)'),
        days: z.array(z.object({ day: z.string().describe('UTC date of the decisions, YYYY-MM-DD'), ...decisionCounts })),
      }),
    ),
  }),
});
