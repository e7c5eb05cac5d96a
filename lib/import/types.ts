import type { Origin } from '@/lib/formats/model';
import type { SpanLayer } from '@/lib/schema/types';

/**
 * What every import parser produces: documents in the text they came with, and
 * spans in code-point offsets into that text (end-exclusive). The import service
 * (lib/import/service.ts) normalises the text, remaps offsets, checks quotes,
 * resolves labels against the project schema and stores everything in one transaction.
 */
export const IMPORT_FORMATS = [
  'txt',
  'md',
  'html',
  'docx',
  'pdf',
  'csv',
  'jsonl',
  'glossa',
  'doccano',
  'label-studio',
  'brat',
  'conll',
  'conllu',
  'webanno-tsv',
] as const;
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
  /** Provenance as a Glossa export states it (`origin`, `source_ids`); kept instead of the import's own origin. */
  origin?: Origin;
  sourceIds?: string[];
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
  /** Which variant of the format the parser read (`label-studio 0.x (completions)`, `doccano 1.x (data)`), for the import report. */
  variant?: string;
  /** How the parser read what the source leaves open (offset unit, label ids mapped), counted per file in the import report. */
  notes?: string[];
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
  /**
   * A record that cannot be read (a JSONL line, a CSV row, a JSON array item, a brat .ann line, a
   * CoNLL token line) is handed here and the next one is read, so one upload reports every bad
   * record; without it the first bad record is thrown. A problem that leaves the rest of the file
   * unreadable (no CSV header, pretty-printed JSON as JSONL, a quote never closed) is thrown either way.
   */
  onProblem?: (problem: ImportError) => void;
  /** CSV: the column holding the text (default: "text"); other columns become metadata. */
  textColumn?: string;
  /** CSV: the column naming the document (default: "name", else file name + row). */
  nameColumn?: string;
  /** CSV: the column whose value answers `question` (with `targetColumn` for a per-target question). */
  questionColumn?: string;
  question?: string;
  targetColumn?: string;
  /** CSV: `,` (default) or a tab for .tsv files. */
  delimiter?: ',' | '\t';
  /** Label Studio: the offset unit when the stated quotes do not decide it (texts with characters outside the BMP). */
  offsetUnit?: OffsetUnit;
  /** The text encoding (lib/import/parsers/encoding.ts); default UTF-8, or UTF-16 by its byte order mark. */
  encoding?: ImportEncoding;
  /** The user's label map: doccano 1.x numeric label ids must be in it. */
  labelMap?: Record<string, string>;
}

export const IMPORT_ENCODINGS = ['utf-8', 'utf-16', 'windows-1252', 'latin-1'] as const;
export type ImportEncoding = (typeof IMPORT_ENCODINGS)[number];

export const OFFSET_UNITS = ['code-points', 'utf-16'] as const;
export type OffsetUnit = (typeof OFFSET_UNITS)[number];
