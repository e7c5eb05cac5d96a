import type { ResponseOf } from '@/lib/api/client';
import type * as contract from '@/lib/api/contracts/recommenders';

/** The recommender and run fields the project page uses, typed from the endpoint contracts. */
export type RecommenderItem = Pick<
  ResponseOf<typeof contract.listRecommenders>['items'][number],
  'id' | 'kind' | 'name' | 'layers' | 'labels' | 'config' | 'enabled' | 'gazetteerEntries' | 'sendsTextTo'
>;

export type RunItem = Pick<
  ResponseOf<typeof contract.getRun>,
  'id' | 'status' | 'documents' | 'documentsDone' | 'documentsFailed' | 'suggestionsCount' | 'dropped' | 'promptTokens' | 'completionTokens' | 'message'
>;

export const KIND_NAMES: Record<RecommenderItem['kind'], string> = {
  'string-match': 'String match (learns from accepted spans)',
  compromise: 'compromise (offline named entities)',
  openai: 'OpenAI-compatible model (Chat Completions)',
  http: 'Your own model server (HTTP)',
};

/** A starting config per kind, for the form's JSON field. */
export const CONFIG_TEMPLATES: Record<RecommenderItem['kind'], Record<string, unknown>> = {
  'string-match': { caseSensitive: false },
  compromise: { mapping: { people: 'PERSON', places: 'GPE', organizations: 'ORG' } },
  openai: { baseUrl: 'http://127.0.0.1:11434/v1', model: 'llama3.1', temperature: 0 },
  http: { url: 'http://127.0.0.1:8000/suggest' },
};
