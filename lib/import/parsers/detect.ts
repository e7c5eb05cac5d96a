import { ImportError, type ImportFormat, type SourceLocation } from '../types';
import { isObject, notJson } from './json';

/**
 * The format of an upload from its extension; for JSON Lines also from the first record, whose
 * fields tell the four JSONL formats apart, and for .tsv from the first line (WebAnno's #FORMAT
 * header, else tab-separated values read as CSV). The detector usually sees only the first chunk of
 * the upload, so a first record longer than that is read as far as it goes: the telling fields
 * (`spans`, `data`, `annotations`, `entities`, `label`) often come before a long text; when they
 * do not, the caller must name the format.
 */

const BY_EXTENSION: Record<string, ImportFormat | 'jsonl?' | 'json?' | 'tsv?'> = {
  txt: 'txt',
  md: 'md',
  markdown: 'md',
  html: 'html',
  htm: 'html',
  docx: 'docx',
  pdf: 'pdf',
  csv: 'csv',
  jsonl: 'jsonl?',
  ndjson: 'jsonl?',
  // Label Studio's JSON export or doccano 1.x's: told apart by the first record.
  json: 'json?',
  ann: 'brat',
  zip: 'brat',
  conll: 'conll',
  conllu: 'conllu',
  bio: 'conll',
  iob: 'conll',
  // WebAnno TSV 3 or tab-separated values (SemEval-2016 Task 6): told apart by the #FORMAT header.
  tsv: 'tsv?',
};

export function detectFormat(fileName: string, firstBytes: Uint8Array): ImportFormat {
  const extension = /\.([^./\\]+)$/.exec(fileName)?.[1]?.toLowerCase();
  const format = extension === undefined ? undefined : BY_EXTENSION[extension];
  if (format === undefined) {
    const accepted = Object.keys(BY_EXTENSION)
      .map((ext) => `.${ext}`)
      .join(', ');
    throw new ImportError({ file: fileName }, `unsupported file type${extension ? ` ".${extension}"` : ' (no extension)'}; accepted: ${accepted}`);
  }
  if (format === 'jsonl?') return jsonlFlavour(fileName, firstBytes);
  if (format === 'json?') return jsonFlavour(firstBytes);
  if (format === 'tsv?') return /^(\uFEFF)?#FORMAT=WebAnno/.test(new TextDecoder('utf-8').decode(firstBytes.subarray(0, 64))) ? 'webanno-tsv' : 'csv';
  return format;
}

function jsonlFlavour(file: string, firstBytes: Uint8Array): ImportFormat {
  // Not fatal: the chunk may end inside a character.
  const lines = new TextDecoder('utf-8').decode(firstBytes).split('\n');
  const index = lines.findIndex((text) => text.trim() !== '');
  if (index === -1) throw new ImportError({ file }, 'the file begins with no JSON record (is it empty?)');
  const line = lines[index] ?? '';
  const location = { file, line: index + 1 };
  // The last line of the chunk may be cut off; any earlier one is whole.
  const whole = index < lines.length - 1;
  let fields: Map<string, string>;
  let partial = false;
  try {
    fields = valueKinds(JSON.parse(line), location);
  } catch (error) {
    if (error instanceof ImportError) throw error;
    if (whole) throw new ImportError(location, notJson(line, error as Error));
    fields = topLevelFields(line);
    partial = true;
  }
  if (fields.get('spans') === '[') return 'glossa';
  // Label Studio tasks always have a `data` object; doccano 1.x has `annotations` too, but its text is a string.
  if (fields.get('data') === '{' || fields.get('predictions') === '[' || fields.get('completions') === '[') return 'label-studio';
  if (fields.get('data') === '"' || (fields.get('annotations') === '[' && !partial) || fields.get('cats') !== undefined) return 'doccano';
  if (fields.get('entities') === '[' || fields.get('label') === '[' || fields.get('labels') === '[') return 'doccano';
  if (fields.get('text') === '"' && !partial) return 'jsonl';
  throw new ImportError(
    location,
    partial
      ? `the first record is longer than the ${firstBytes.length} bytes examined, and its first fields do ` +
          `not tell Glossa, doccano, Label Studio and plain JSONL apart; choose the format explicitly`
      : 'the first record is none of: Glossa ("spans"), doccano ("label", "entities", "cats", or doccano ' +
          '1.x "data" text and "annotations"), Label Studio ("data" object and "annotations"), plain JSONL ' +
          '("text")',
  );
}

/**
 * A `.json` upload: doccano 1.x's JSON export (an array of `{ id, data|text, label: [[s, e, "L"]] }`)
 * when the first record says so — `data` is a string (a Label Studio task's is an object), spans
 * are `[start, end, label]` triples (Label Studio's regions are objects), or a `label`/`entities`
 * list comes without the annotator fields of Label Studio's JSON-MIN —; otherwise Label Studio,
 * whose parser names what it cannot read.
 */
function jsonFlavour(firstBytes: Uint8Array): ImportFormat {
  const text = new TextDecoder('utf-8').decode(firstBytes);
  const fields = topLevelFields(text);
  if (fields.get('data') === '"' || (fields.get('data') === undefined && DOCCANO_TRIPLES.test(text))) return 'doccano';
  const listed = fields.get('label') === '[' || fields.get('entities') === '[';
  if (listed && fields.get('data') === undefined && !fields.has('annotator') && !fields.has('annotation_id')) return 'doccano';
  return 'label-studio';
}

// `"label": [[0, 5, "ORG"]`: doccano's span triples; no Label Studio field holds a list of lists.
const DOCCANO_TRIPLES = /"(?:label|labels|entities)"\s*:\s*\[\s*\[/;

/** Field name → '[' for an array, '{' an object, '"' a string, as in the JSON text. */
function valueKinds(value: unknown, location: SourceLocation): Map<string, string> {
  if (!isObject(value)) throw new ImportError(location, 'expected a JSON object per line');
  const kind = (field: unknown) => (Array.isArray(field) ? '[' : typeof field === 'object' && field !== null ? '{' : typeof field === 'string' ? '"' : '');
  return new Map(Object.entries(value).map(([key, field]) => [key, kind(field)]));
}

/**
 * The top-level fields of a JSON object cut off somewhere, with the first character of each
 * value, as far as the text goes. Malformed JSON just ends the scan: the parser reports it.
 */
function topLevelFields(text: string): Map<string, string> {
  const fields = new Map<string, string>();
  let at = text.indexOf('{') + 1;
  for (;;) {
    at = skip(text, at, /[\s,]/);
    const keyEnd = text[at] === '"' ? stringEnd(text, at) : -1;
    if (keyEnd === -1) return fields;
    let key: string;
    try {
      key = JSON.parse(text.slice(at, keyEnd + 1)) as string;
    } catch {
      return fields;
    }
    at = skip(text, skip(text, keyEnd + 1, /\s/) + 1, /\s/);
    const first = text[at];
    if (first === undefined) return fields;
    fields.set(key, first);
    at = valueEnd(text, at);
    if (at === -1) return fields;
  }
}

function skip(text: string, at: number, pattern: RegExp): number {
  let position = at;
  while (position < text.length && pattern.test(text[position] ?? '')) position++;
  return position;
}

/** Index of the quote closing the string that opens at `at`, or -1 when the text ends first. */
function stringEnd(text: string, at: number): number {
  for (let position = at + 1; position < text.length; position++) {
    if (text[position] === '\\') position++;
    else if (text[position] === '"') return position;
  }
  return -1;
}

/** Index of the ',' or '}' ending the value that starts at `at`, or -1 when the text ends first. */
function valueEnd(text: string, at: number): number {
  let depth = 0;
  for (let position = at; position < text.length; position++) {
    const char = text[position];
    if (char === '"') {
      position = stringEnd(text, position);
      if (position === -1) return -1;
    } else if (char === '[' || char === '{') {
      depth++;
    } else if (char === ']' || char === '}') {
      if (depth === 0) return position;
      depth--;
    } else if (char === ',' && depth === 0) {
      return position;
    }
  }
  return -1;
}
