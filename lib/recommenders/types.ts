import type { SpanLayer } from '@/lib/schema/types';

/**
 * What every recommender kind sees and answers (kinds/*.ts). Kinds are pure with respect to
 * the database: the runner (run-document.ts) loads what they learn from and stores what they
 * propose, after every proposal went through the annotation invariants (admit.ts).
 */
export const KINDS = ['string-match', 'compromise', 'openai', 'http'] as const;
export type Kind = (typeof KINDS)[number];

/** Kinds cheap enough to run when a document is opened (open-run.ts). */
export const FAST_KINDS: readonly Kind[] = ['string-match', 'compromise'];

export interface SchemaLabelView {
  id: string;
  key: string;
  name: string;
  description: string;
  layer: string;
  retired: boolean;
  /** DOCUMENT questions only. */
  options: { key: string; name: string }[];
  multiple: boolean;
  perTarget: boolean;
}

export interface SchemaTargetView {
  id: string;
  key: string;
  name: string;
  aliases: string[];
  retired: boolean;
}

/** The project's schema as recommenders see it, with the guidelines for prompts. */
export interface SchemaView {
  labels: SchemaLabelView[];
  targets: SchemaTargetView[];
  guidelines: string;
}

/** A span a kind proposes: code-point offsets into the document, label and target by key. */
export interface ProposedSpan {
  start: number;
  end: number;
  label: string;
  target?: string | null;
  score?: number | null;
  /** Learned from this annotator's own spans only (blind mode): only they may see it. */
  forUserId?: string | null;
}

/** An answer to a document question a kind proposes. */
export interface ProposedAnswer {
  question: string;
  values: string[];
  target?: string | null;
}

/** Proposals not kept, by reason ("quote not in the text", "unknown label", …). */
export type Dropped = Record<string, number>;

export interface Tokens {
  prompt: number;
  completion: number;
}

export interface SuggestResult {
  spans: ProposedSpan[];
  answers: ProposedAnswer[];
  dropped: Dropped;
  tokens: Tokens;
}

/** A surface form string-match learned, with where it came from. */
export interface LearnedForm {
  text: string;
  label: string;
  target?: string | null;
  /** Set when learned from one annotator's own spans (blind mode). */
  forUserId?: string | null;
}

export interface SuggestContext {
  /** string-match: the forms learned from spans, aliases and the gazetteer. */
  learned: LearnedForm[];
  /** string-match: acceptance rate so far per surface form (as stored in Suggestion.quote). */
  acceptance: Map<string, number>;
  signal?: AbortSignal;
  /** Read for `apiKeyEnv`; the process environment unless a test passes its own. */
  env: NodeJS.ProcessEnv;
}

export interface Recommender {
  suggest(text: string, schema: SchemaView, context: SuggestContext): Promise<SuggestResult>;
}

/** The recommender row as kinds and the runner need it. */
export interface RecommenderSettings {
  id: string;
  projectId: string;
  kind: Kind;
  name: string;
  layers: SpanLayer[];
  labels: string[];
  config: Record<string, unknown>;
  gazetteer: { text: string; label: string }[];
}

export function emptyResult(): SuggestResult {
  return { spans: [], answers: [], dropped: {}, tokens: { prompt: 0, completion: 0 } };
}

export function countDrop(dropped: Dropped, reason: string, by = 1): void {
  dropped[reason] = (dropped[reason] ?? 0) + by;
}

/** A failure of the recommender itself (unreachable, no key, malformed answer): the run's message. */
export class RecommenderError extends Error {
  override name = 'RecommenderError';
}
