import type { ImportFormat } from '@/lib/import/types';

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
}

export const DEFAULT_OPTIONS: ImportOptions = {
  format: '',
  author: 'me',
  unknownLabels: 'reject',
  duplicates: 'skip',
  origin: 'IMPORTED',
  textColumn: '',
  nameColumn: '',
};

export interface MappingRow {
  uid: string;
  source: string;
  /** A schema label key; '' until chosen. */
  target: string;
}

/**
 * The multipart body: every file as a `file` field, and the options as form
 * fields. Empty optional fields are left out, so the server's defaults apply
 * (an empty `textColumn` would name a column called "").
 */
export function importFormData(files: readonly File[], options: ImportOptions, mapping: readonly MappingRow[], csv: boolean): FormData {
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
  if (csv && options.textColumn.trim() !== '') data.append('textColumn', options.textColumn.trim());
  if (csv && options.nameColumn.trim() !== '') data.append('nameColumn', options.nameColumn.trim());
  return data;
}

/** The label a 422 reason says is missing from the schema, so the user can map it in one click. */
export function unknownLabelIn(reason: string): string | undefined {
  // Worded by lib/import/schema-lookup.ts: `label "X" is not in the project schema`, also for relation types and questions.
  return /(?:label|relation type|document question) "([^"]+)" is not in the project schema/.exec(reason)?.[1];
}
