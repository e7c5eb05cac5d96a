import { authorizeDocument, authorizeProject } from '@/lib/access/project-access';
import type { Caller } from '@/lib/auth/caller';
import { defineEndpoint } from '@/lib/api/endpoint';
import type { PrismaClient } from '@/lib/db/client';
import { notFound } from '@/lib/http/errors';
import { acceptAllOfLabel, acceptSuggestion, rejectSuggestion } from '@/lib/suggestions/decide';
import { listSuggestions } from '@/lib/suggestions/list';
import { suggestionStats } from '@/lib/suggestions/stats';
import * as contract from '@/lib/api/contracts/suggestions';

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
  ...contract.listSuggestions,
  async handle({ db, caller, params, query }) {
    return { items: await listSuggestions(db, await documentActor(db, caller, params.id, 'suggestions:read'), params.id, query.layer) };
  },
});

export const acceptSuggestionEndpoint = defineEndpoint({
  ...contract.acceptSuggestion,
  async handle({ db, caller, params, query }) {
    return acceptSuggestion(db, await suggestionActor(db, caller, params.id), params.id, query.layer);
  },
});

export const rejectSuggestionEndpoint = defineEndpoint({
  ...contract.rejectSuggestion,
  async handle({ db, caller, params, query }) {
    return rejectSuggestion(db, await suggestionActor(db, caller, params.id), params.id, query.layer);
  },
});

export const acceptAllSuggestionsEndpoint = defineEndpoint({
  ...contract.acceptAllSuggestions,
  async handle({ db, caller, params, query, body }) {
    return acceptAllOfLabel(db, await documentActor(db, caller, params.id, 'suggestions:decide'), params.id, body.label, query.layer);
  },
});

export const suggestionStatsEndpoint = defineEndpoint({
  ...contract.suggestionStats,
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
