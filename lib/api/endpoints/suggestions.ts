import { z } from 'zod';
import { authorizeDocument, authorizeProject } from '@/lib/access/project-access';
import type { Caller } from '@/lib/auth/caller';
import { defineEndpoint } from '@/lib/api/endpoint';
import { id, idParams } from '@/lib/api/schemas';
import type { PrismaClient } from '@/lib/db/client';
import { notFound } from '@/lib/http/errors';
import { SPAN_LAYERS } from '@/lib/schema/types';
import { acceptAllOfLabel, acceptSuggestion, MAX_ACCEPT_ALL, rejectSuggestion } from '@/lib/suggestions/decide';
import { listSuggestions } from '@/lib/suggestions/list';
import { suggestionStats } from '@/lib/suggestions/stats';
import { annotation } from '@/lib/api/contracts/annotations';

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

async function documentActor(db: PrismaClient, caller: Caller, documentId: string, action: 'suggestions:read' | 'suggestions:decide') {
  return { userId: caller.userId, access: await authorizeDocument(db, caller, documentId, action) };
}

/** A suggestion's document, then the caller's rights there: a suggestion in a document you cannot see answers 404. */
async function suggestionActor(db: PrismaClient, caller: Caller, suggestionId: string) {
  const row = await db.suggestion.findUnique({ where: { id: suggestionId }, select: { documentId: true } });
  if (!row) throw notFound('Suggestion');
  return documentActor(db, caller, row.documentId, 'suggestions:decide');
}

export const listSuggestionsEndpoint = defineEndpoint({
  method: 'GET',
  path: '/documents/{id}/suggestions',
  tag: 'suggestions',
  summary: 'Pending span suggestions for the caller’s layer: not yet decided by them, not already a span of theirs, of labels still in the schema',
  params: idParams,
  query: layerQuery,
  response: z.object({ items: z.array(suggestion) }),
  errors: [403, 404],
  async handle({ db, caller, params, query }) {
    return { items: await listSuggestions(db, await documentActor(db, caller, params.id, 'suggestions:read'), params.id, query.layer) };
  },
});

export const acceptSuggestionEndpoint = defineEndpoint({
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
  async handle({ db, caller, params, query }) {
    return acceptSuggestion(db, await suggestionActor(db, caller, params.id), params.id, query.layer);
  },
});

export const rejectSuggestionEndpoint = defineEndpoint({
  method: 'POST',
  path: '/suggestions/{id}/reject',
  tag: 'suggestions',
  summary: 'Reject a suggestion: it is not offered to the caller (in that layer) again',
  params: idParams,
  query: layerQuery,
  response: z.object({ suggestionId: id, status: z.literal('REJECTED') }),
  errors: [403, 404, 409],
  async handle({ db, caller, params, query }) {
    return rejectSuggestion(db, await suggestionActor(db, caller, params.id), params.id, query.layer);
  },
});

export const acceptAllSuggestionsEndpoint = defineEndpoint({
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
  async handle({ db, caller, params, query, body }) {
    return acceptAllOfLabel(db, await documentActor(db, caller, params.id, 'suggestions:decide'), params.id, body.label, query.layer);
  },
});

const decisionCounts = {
  accepted: z.number().int(),
  rejected: z.number().int(),
  edited: z.number().int().describe('accepted, and the span was updated afterwards'),
  deleted: z.number().int().describe('accepted, and the span was deleted afterwards'),
};

export const suggestionStatsEndpoint = defineEndpoint({
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
  async handle({ db, caller, params }) {
    await authorizeProject(db, caller, params.id, 'agreement:read');
    return { items: await suggestionStats(db, params.id) };
  },
});

export const suggestionEndpoints = [
  listSuggestionsEndpoint,
  acceptSuggestionEndpoint,
  rejectSuggestionEndpoint,
  acceptAllSuggestionsEndpoint,
  suggestionStatsEndpoint,
];
