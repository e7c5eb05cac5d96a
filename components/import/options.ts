import type { ImportEncoding, ImportFormat, OffsetUnit } from '@/lib/import/types';

/** The import options as the form holds them; field names match the API's query options. */
export interface ImportOptions {
  /** '' = detect per file. */
  format: ImportFormat | '';
  author: 'me' | 'gold';
  unknownLabels: 'reject' | 'skip';
  /** A text the project already has: skip it, merge its annotations onto that document, or import it as a new one. */
  duplicates: 'skip' | 'merge' | 'new';
  origin: 'IMPORTED' | 'SUGGESTED';
  textColumn: string;
  nameColumn: string;
  /** CSV stance datasets: the column answering `question`, per target named in `targetColumn` (SemEval: Stance, OVERALL_STANCE, Target). */
  questionColumn: string;
  /** A DOCUMENT label key; '' until chosen. */
  question: string;
  targetColumn: string;
  /** '' = the server's default: UTF-8, or UTF-16 by its byte order mark. */
  encoding: ImportEncoding | '';
  /** '' = decided from the region texts (Label Studio). */
  offsetUnit: OffsetUnit | '';
  keepSourceAuthors: boolean;
}

export const DEFAULT_OPTIONS: ImportOptions = {
  format: '',
  author: 'me',
  unknownLabels: 'reject',
  duplicates: 'skip',
  origin: 'IMPORTED',
  textColumn: '',
  nameColumn: '',
  questionColumn: '',
  question: '',
  targetColumn: '',
  encoding: '',
  offsetUnit: '',
  keepSourceAuthors: false,
};

/**
 * The options that only some formats read, and which formats read them (lib/import/parsers and
 * lib/import/service.ts): the form shows each only when a chosen file (or the forced format) is one
 * of them, and sends it only then.
 */
const APPLIES_TO = {
  csvColumns: ['csv'],
  // Every format but docx and pdf (which state their own encoding) and brat (read as UTF-8): the service refuses it there.
  encoding: ['txt', 'md', 'html', 'csv', 'jsonl', 'glossa', 'doccano', 'label-studio', 'conll', 'conllu', 'webanno-tsv'],
  offsetUnit: ['label-studio'],
  // The formats whose records name their annotator (Glossa author, doccano user, Label Studio completed_by, brat Author).
  sourceAuthors: ['glossa', 'doccano', 'label-studio', 'brat'],
} as const satisfies Record<string, readonly ImportFormat[]>;

export type FormatOption = keyof typeof APPLIES_TO;

export function applicableOptions(formats: readonly ImportFormat[]): ReadonlySet<FormatOption> {
  const groups = Object.keys(APPLIES_TO) as FormatOption[];
  return new Set(groups.filter((group) => formats.some((format) => (APPLIES_TO[group] as readonly ImportFormat[]).includes(format))));
}

export interface MappingRow {
  uid: string;
  source: string;
  /** A schema label key; '' until chosen. */
  target: string;
}

/**
 * The multipart body: every file as a `file` field, and the options as form
 * fields. Empty optional fields are left out, so the server's defaults apply
 * (an empty `textColumn` would name a column called ""), and so are options
 * no chosen file's format reads.
 */
export function importFormData(
  files: readonly File[],
  options: ImportOptions,
  mapping: readonly MappingRow[],
  applicable: ReadonlySet<FormatOption>,
): FormData {
  const data = new FormData();
  for (const file of files) data.append('file', file, file.name);
  if (options.format !== '') data.append('format', options.format);
  data.append('author', options.author);
  data.append('unknownLabels', options.unknownLabels);
  if (options.duplicates === 'new') data.append('allowDuplicates', 'true');
  if (options.duplicates === 'merge') data.append('duplicates', 'merge');
  data.append('origin', options.origin);
  const labelMap = Object.fromEntries(mapping.filter((row) => row.source.trim() !== '' && row.target !== '').map((row) => [row.source.trim(), row.target]));
  if (Object.keys(labelMap).length > 0) data.append('labelMap', JSON.stringify(labelMap));
  const text = (name: keyof ImportOptions, value: string) => value.trim() !== '' && data.append(name, value.trim());
  if (applicable.has('csvColumns')) {
    text('textColumn', options.textColumn);
    text('nameColumn', options.nameColumn);
    // Sent as given: the server wants the column and the question together and names whichever is missing.
    text('questionColumn', options.questionColumn);
    text('question', options.question);
    text('targetColumn', options.targetColumn);
  }
  if (applicable.has('encoding')) text('encoding', options.encoding);
  if (applicable.has('offsetUnit')) text('offsetUnit', options.offsetUnit);
  if (applicable.has('sourceAuthors') && options.keepSourceAuthors) data.append('keepSourceAuthors', 'true');
  return data;
}

/** The label a 422 reason says is missing from the schema, so the user can map it in one click. */
export function unknownLabelIn(reason: string): string | undefined {
  // Worded by lib/import/schema-lookup.ts: `label "X" is not in the project schema`, also for relation types and questions.
  return /(?:label|relation type|document question) "([^"]+)" is not in the project schema/.exec(reason)?.[1];
}
