import type { AssignmentStatus } from '@/lib/generated/prisma/enums';

/**
 * What an export can be asked for (docs/ARCHITECTURE.md §11): data formats, the dataset card,
 * sources and document filters. Pure data and parsing, shared by the API, the CLI and the
 * export page, so every entry point offers and names the same choices.
 */

export const EXPORT_FORMATS = ['jsonl', 'conll', 'brat', 'w3c', 'stance-csv', 'semeval', 'hf', 'conllu', 'spacy', 'webanno-tsv'] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];

/** The dataset card of an export, on its own: Markdown or JSON. */
const CARD_FORMATS = ['card', 'card-json'] as const;
export type CardFormat = (typeof CARD_FORMATS)[number];

export const ALL_FORMATS = [...EXPORT_FORMATS, ...CARD_FORMATS] as const;
export type AnyFormat = (typeof ALL_FORMATS)[number];

interface FormatInfo {
  label: string;
  /** One line for people choosing a format. */
  description: string;
  extension: string;
  contentType: string;
  /** Zip archives carry their dataset card inside; single files point to it with a Link header. */
  archive: boolean;
  /** CoNLL and HF tag tokens with one entity each: they need a single layer of annotations. */
  singleAuthor: boolean;
  /** Built on lib/tokenize's tokens, which the export reads where they are stored with the document. */
  tokenized: boolean;
  /** Writes label names as text, so `labels=source` can give the source's spelling (lib/formats/source-labels). */
  sourceLabels?: boolean;
}

export const FORMAT_INFO: Record<ExportFormat, FormatInfo> = {
  jsonl: {
    label: 'Glossa JSONL',
    description: 'One document per line with text, metadata, spans, relations and answers; doccano reads its "label" field as is.',
    extension: 'jsonl',
    contentType: 'application/x-ndjson; charset=utf-8',
    archive: false,
    singleAuthor: false,
    tokenized: false,
  },
  conll: {
    label: 'CoNLL-2003 (BIO)',
    description: 'Entity layer as token<TAB>tag lines with -DOCSTART- per document, readable by conlleval.',
    extension: 'conll',
    contentType: 'text/plain; charset=utf-8',
    archive: false,
    singleAuthor: true,
    tokenized: true,
    sourceLabels: true,
  },
  brat: {
    label: 'brat standoff (zip)',
    description: 'A .txt and .ann per document plus annotation.conf generated from the schema.',
    extension: 'zip',
    contentType: 'application/zip',
    archive: true,
    singleAuthor: false,
    tokenized: false,
  },
  w3c: {
    label: 'W3C Web Annotation',
    description: 'A JSON-LD AnnotationCollection with TextQuote and TextPosition selectors.',
    extension: 'jsonld',
    contentType: 'application/ld+json; profile="http://www.w3.org/ns/anno.jsonld"',
    archive: false,
    singleAuthor: false,
    tokenized: false,
  },
  'stance-csv': {
    label: 'Stance CSV (SemEval-2016)',
    description: 'ID, Target, Text, Stance rows for stance spans and per-target document answers.',
    extension: 'csv',
    contentType: 'text/csv; charset=utf-8; header=present',
    archive: false,
    singleAuthor: false,
    tokenized: false,
  },
  semeval: {
    label: 'SemEval-2016 scorer TSV',
    description:
      'ID<TAB>Target<TAB>Tweet<TAB>Stance with FAVOR/AGAINST/NONE, as the official eval.pl reads it; tabs and line breaks in the text become spaces.',
    extension: 'tsv',
    contentType: 'text/tab-separated-values; charset=utf-8; header=present',
    archive: false,
    singleAuthor: false,
    tokenized: false,
  },
  hf: {
    label: 'Hugging Face datasets (zip)',
    description: 'data.jsonl with tokens and integer ner_tags per sentence, dataset_info.json and a README card.',
    extension: 'zip',
    contentType: 'application/zip',
    archive: true,
    singleAuthor: true,
    tokenized: true,
  },
  conllu: {
    label: 'CoNLL-U (NER in MISC)',
    description: 'Entity layer as CoNLL-U: # newdoc id, # sent_id and # text comments, NER=B-X in MISC, SpaceAfter=No where tokens touch.',
    extension: 'conllu',
    contentType: 'text/plain; charset=utf-8',
    archive: false,
    singleAuthor: true,
    tokenized: true,
    sourceLabels: true,
  },
  spacy: {
    label: 'spaCy JSON training data',
    description: "Entity layer in spaCy's JSON training format (BILUO tags); `spacy convert` turns it into a .spacy DocBin.",
    extension: 'json',
    contentType: 'application/json; charset=utf-8',
    archive: false,
    singleAuthor: true,
    tokenized: true,
    sourceLabels: true,
  },
  'webanno-tsv': {
    label: 'WebAnno / INCEpTION TSV 3.3 (zip)',
    description:
      'One TSV 3.3 file per document: entity, stance and frame layers with attributes as features, stacked spans and relations; INCEpTION imports it.',
    extension: 'zip',
    contentType: 'application/zip',
    archive: true,
    singleAuthor: true,
    tokenized: true,
  },
};

/** stance-csv cells that begin like a formula: prefixed with ' (default) or exact (lib/formats/stance-csv.ts). */
export const CSV_ESCAPES = ['spreadsheet', 'raw'] as const;

export const CARD_INFO: Record<CardFormat, { extension: string; contentType: string }> = {
  card: { extension: 'md', contentType: 'text/markdown; charset=utf-8' },
  'card-json': { extension: 'json', contentType: 'application/json; charset=utf-8' },
};

export type ExportSource = { kind: 'gold' } | { kind: 'all' } | { kind: 'annotator'; userId: string };

export const SOURCE_CHOICES = 'gold, all, annotator:<userId>';

export function parseSource(value: string): ExportSource | undefined {
  if (value === 'gold' || value === 'all') return { kind: value };
  const userId = /^annotator:(\S{1,64})$/.exec(value)?.[1];
  return userId ? { kind: 'annotator', userId } : undefined;
}

export function sourceName(source: ExportSource): string {
  return source.kind === 'annotator' ? `annotator:${source.userId}` : source.kind;
}

/** Which documents to export; every filter narrows (they combine with AND). */
export interface ExportFilters {
  /**
   * Documents with an assignment in this status: the `assignee`'s if given, else the source
   * annotator's for `annotator:<id>`, else anyone's.
   */
  status?: AssignmentStatus;
  /** Documents assigned to this user. */
  assignee?: string;
  /** Only these document ids (still in project order). */
  documents?: string[];
  /** metadata[key] equals value, compared as text (so `year=2024` matches the number 2024). */
  metadata?: Record<string, string>;
  /** The first N documents, for previews. */
  limit?: number;
}

export const METADATA_PARAM_PREFIX = 'meta.';
