/** What the agreement report is computed from: plain data, loaded by load.ts or built by tests. */
import type { SpanLayer } from '@/lib/schema/types';
import type { ModelCoder } from './model-coders';

export interface ReportSpan {
  author: string;
  start: number;
  end: number;
  label: string;
  layer: SpanLayer;
  /** STANCE only: a stable key for what the stance is about (a project target key, or `span:LABEL:quote`). */
  target?: string;
}

/** A directed, typed relation between two of its author's spans. */
export interface ReportRelation {
  author: string;
  label: string;
  source: { start: number; end: number; label: string };
  target: { start: number; end: number; label: string };
}

export interface ReportAnswer {
  author: string;
  question: string;
  target?: string;
  values: string[];
}

export interface ReportDocument {
  id: string;
  name: string;
  text: string;
  /**
   * lib/tokenize's tokens as stored with the document (`storedTokens`): [start, end) code points
   * of each token one after the other. When absent the report tokenizes `text` itself.
   */
  tokenOffsets?: readonly number[];
  /** When the last of its counted annotators submitted it (ISO 8601); absent while any has not. For agreement over time. */
  completedAt?: string;
  /** The annotators whose work on this document counts (by default: those who submitted it). */
  annotators: string[];
  spans: ReportSpan[];
  /** Absent: none (plain-data callers need not list them). */
  relations?: ReportRelation[];
  /** The gold spans when the document has been adjudicated (possibly none); absent otherwise. */
  gold?: Omit<ReportSpan, 'author' | 'target'>[];
  answers: ReportAnswer[];
}

interface ReportQuestion {
  key: string;
  options: string[];
  multiple: boolean;
  perTarget: boolean;
}

export interface ReportInput {
  annotators: { id: string; name: string }[];
  labels: { key: string; layer: SpanLayer; retired: boolean }[];
  /** The project's relation types (keys); absent: none. */
  relationTypes?: string[];
  targets: string[];
  questions: ReportQuestion[];
  documents: ReportDocument[];
  /** Which documents were considered, in words, for the report's scope section. */
  documentRule: string;
  /** Work left out before any figure is computed (the report's `excluded` section). */
  excluded?: ExcludedWork;
  /** Recommender runs evaluated as coders (also listed in `annotators`); absent: none. */
  models?: ModelCoder[];
}

/**
 * After-gold work: annotators who changed a document after gold (or another annotator's work)
 * was shown to them (Assignment.afterGoldAt). Their work is not independent, so by default it
 * is left out; `excluded` says whether it was, and the counts say how much there is.
 */
export interface ExcludedWork {
  afterGold: {
    excluded: boolean;
    rule: string;
    /** (document, annotator) pairs flagged after-gold among those the scope counts. */
    documentAnnotators: number;
    documents: number;
    spans: number;
  };
  /**
   * Annotator relations left out because an endpoint is not among the author's live spans
   * (deleting a span deletes its relations, but data written around the service can break that).
   */
  danglingRelations: { relations: number; documents: number };
}
