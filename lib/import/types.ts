import type { SpanLayer } from '@/lib/schema/types';

/**
 * What every import parser produces: documents in the text they came with, and
 * spans in code-point offsets into that text (end-exclusive). The import service
 * (lib/import/service.ts) normalises the text, remaps offsets, checks quotes,
 * resolves labels against the project schema and stores everything in one transaction.
 */
export const IMPORT_FORMATS = ['txt', 'md', 'html', 'docx', 'pdf', 'csv', 'jsonl', 'glossa', 'doccano', 'label-studio', 'brat', 'conll', 'conllu', 'webanno-tsv'] as const;
export type ImportFormat = (typeof IMPORT_FORMATS)[number];

/** Where a record came from, for error messages and the per-file report. */
export interface SourceLocation {
  file: string;
  /** 1-based line (JSONL, CSV, CoNLL, .ann) or record index (JSON arrays), when meaningful. */
  line?: number;
  record?: number;
}

export interface ImportedSpan {
  /** Source-side id (brat T1, Label Studio result id, Glossa span id), for relations and stance targets. */
  ref?: string;
  start: number;
  end: number;
  /** The label key as the source names it; mapped to the schema later. */
  label: string;
  /** When the source says which layer (Glossa JSONL); otherwise inferred from the schema. */
  layer?: SpanLayer;
  /** The covered text as the source states it; checked against the text when present. */
  quote?: string;
  /** Stance target: a project target key or name/alias, or `{ span: ref }` for an entity span. */
  target?: string | { span: string };
  attributes?: Record<string, unknown>;
  /** Who made it, when the source records several annotators (Glossa `author`). */
  author?: string;
  location: SourceLocation;
}

export interface ImportedRelation {
  label: string;
  source: string;
  target: string;
  attributes?: Record<string, unknown>;
  author?: string;
  location: SourceLocation;
  /**
   * For relations the source only implies (brat `*` equivalences): when the schema has no such
   * relation label, the relation is not an error but skipped and counted under this reason.
   */
  unlessLabelMissing?: string;
}

export interface ImportedDocumentLabel {
  question: string;
  target?: string;
  values: string[];
  author?: string;
  location: SourceLocation;
}

export interface ImportedDocument {
  name: string;
  text: string;
  metadata: Record<string, unknown>;
  spans: ImportedSpan[];
  relations: ImportedRelation[];
  documentLabels: ImportedDocumentLabel[];
  location: SourceLocation;
  /**
   * The source's own tokens and sentences (CoNLL, CoNLL-U, WebAnno TSV), in code points into
   * `text`: stored with the document instead of lib/tokenize's, so token-based exports give them back.
   */
  sourceTokens?: SourceTokens;
  /** What the parser read but could not keep, counted by what it was (CoNLL-U empty nodes, TSV chains, …); the import report sums them per file. */
  skipped?: Record<string, number>;
}

/** As lib/tokenize's StoredTokens: every token's [start, end) one after the other, each sentence's first token index. */
export interface SourceTokens {
  tokenOffsets: number[];
  sentenceStarts: number[];
  /** 'source:<format>', stored as the document's tokenizer. */
  tokenizer: string;
}

/** A problem in the input; the whole batch is rejected and every problem is listed. */
export class ImportError extends Error {
  constructor(
    readonly location: SourceLocation,
    readonly reason: string,
  ) {
    super(`${location.file}${location.line ? `:${location.line}` : ''}${location.record !== undefined ? ` (record ${location.record})` : ''}: ${reason}`);
    this.name = 'ImportError';
  }
}

/** One input file (or request body) as the parsers receive it. */
export interface ImportSource {
  name: string;
  /** Streams the raw bytes; parsers that need the whole file (docx, pdf, brat) collect them. */
  stream(): AsyncIterable<Uint8Array>;
}

export interface ParseOptions {
  /** CSV: the column holding the text (default: "text"); other columns become metadata. */
  textColumn?: string;
  /** CSV: the column naming the document (default: "name", else file name + row). */
  nameColumn?: string;
}
