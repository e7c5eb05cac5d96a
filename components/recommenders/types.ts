/** The API's recommender and run shapes as the project page uses them (lib/api/endpoints/recommenders.ts). */
export interface RecommenderItem {
  id: string;
  kind: 'string-match' | 'compromise' | 'openai' | 'http';
  name: string;
  layers: string[];
  labels: string[];
  config: Record<string, unknown>;
  enabled: boolean;
  gazetteerEntries: number;
  sendsTextTo: string | null;
}

export interface RunItem {
  id: string;
  status: 'QUEUED' | 'RUNNING' | 'SUCCEEDED' | 'FAILED' | 'CANCELLED';
  documents: number;
  documentsDone: number;
  documentsFailed: number;
  suggestionsCount: number;
  dropped: Record<string, number>;
  promptTokens: number;
  completionTokens: number;
  message: string | null;
}

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
