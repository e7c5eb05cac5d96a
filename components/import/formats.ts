import { detectFormat } from '@/lib/import/parsers/detect';
import { ImportError, type ImportFormat } from '@/lib/import/types';

/**
 * What the server will make of each file. The browser runs the server's own
 * detector (extension, and for JSON Lines the first record), so the list shows
 * the format the import will use before anything is uploaded.
 */

export const FORMAT_NAMES: Record<ImportFormat, string> = {
  txt: 'Plain text',
  md: 'Markdown',
  html: 'HTML',
  docx: 'Word (.docx)',
  pdf: 'PDF',
  csv: 'CSV, one document per row',
  jsonl: 'JSON Lines, plain text records',
  glossa: 'Glossa JSONL',
  doccano: 'doccano JSONL or JSON',
  'label-studio': 'Label Studio JSON',
  brat: 'brat standoff',
  conll: 'CoNLL / BIO',
  conllu: 'CoNLL-U, NER in MISC',
  'webanno-tsv': 'WebAnno / INCEpTION TSV 3',
};

export const ACCEPTED_EXTENSIONS = [
  '.txt',
  '.md',
  '.html',
  '.htm',
  '.docx',
  '.pdf',
  '.csv',
  '.jsonl',
  '.ndjson',
  '.json',
  '.ann',
  '.zip',
  '.conll',
  '.conllu',
  '.bio',
  '.iob',
  '.tsv',
];

export type Detection = { status: 'pending' } | { status: 'detected'; format: ImportFormat } | { status: 'unknown'; reason: string };

// The server sniffs the first chunk of the upload stream; 64 KiB is what browsers and Node hand out first.
const HEAD_BYTES = 64 * 1024;

export async function detectFile(file: File): Promise<Detection> {
  try {
    const head = new Uint8Array(await file.slice(0, HEAD_BYTES).arrayBuffer());
    return { status: 'detected', format: detectFormat(file.name, head) };
  } catch (error) {
    return { status: 'unknown', reason: error instanceof ImportError ? error.reason : 'the file could not be read' };
  }
}

/**
 * The server reads `x.txt` + `x.ann` uploaded together as one brat document
 * (unless another format is forced); this names the partner file, if any.
 */
export function bratPartner(name: string, names: readonly string[], format: ImportFormat | ''): string | undefined {
  if (format !== '' && format !== 'brat') return undefined;
  const wanted = name.endsWith('.txt') ? '.ann' : name.endsWith('.ann') ? '.txt' : undefined;
  const partner = wanted && `${name.replace(/\.[^.]+$/, '')}${wanted}`;
  return partner && names.includes(partner) ? partner : undefined;
}
