import { HttpError } from '@/lib/http/errors';

/**
 * Every bound an import enforces, in one place, each overridable by an environment variable
 * (README, Configuration). They are read at each import rather than once, so a test can
 * tighten one for a single case. The defaults are sized for real corpora — a year of a
 * newspaper as JSONL, a book-length .docx or PDF — and far below what takes the server's
 * 1,536 MB heap down.
 */
export interface ImportLimits {
  /** Request body, as sent (JSONL and multipart): spooled to disk, never held whole. */
  uploadBytes: number;
  /** An `application/json` import body or a Label Studio `.json` file: JSON documents are parsed whole, in memory. */
  jsonBodyBytes: number;
  /** One .docx, .pdf or .zip, which its parser reads whole. */
  binaryFileBytes: number;
  /** One zip or docx entry, inflated. */
  inflatedEntryBytes: number;
  /** All the entries of one zip or docx, inflated. */
  inflatedTotalBytes: number;
  /** Inflated : compressed, for entries that inflate past 1 MB. */
  inflateRatio: number;
  pdfPages: number;
  /** One line of JSONL, CSV, CoNLL or a brat .ann, in bytes. */
  lineBytes: number;
  csvColumns: number;
  /** One document's text, in UTF-16 code units (JavaScript string length). */
  documentChars: number;
  spansPerDocument: number;
  /** A client that sends nothing for this long is cut off (408). */
  idleMs: number;
  /** The whole body must arrive within this (408): a trickle cannot keep an upload open for ever. */
  bodyMs: number;
  /** Heap of the worker that runs the docx, pdf and zip parsers. */
  parserHeapMb: number;
  /** Wall clock of one docx, pdf or zip parse. */
  parserMs: number;
  /** Parser workers running at once; more uploads wait their turn. */
  parserWorkers: number;
  /** The write transaction, which starts only once everything is parsed and checked. */
  writeMs: number;
}

const MB = 1024 * 1024;

/**
 * How many problems a rejected import lists; past it they are only counted (the answer's
 * `problemsTotal`), so a huge bad file gives a bounded answer. Not configurable: it bounds the
 * answer's size, not any work.
 */
export const MAX_LISTED_PROBLEMS = 100;

/** Each limit: its environment variable, unit and default, so messages can name all three. */
const SETTINGS: Record<keyof ImportLimits, { env: string; unit: number; fallback: number }> = {
  uploadBytes: { env: 'GLOSSA_MAX_UPLOAD_MB', unit: MB, fallback: 256 },
  jsonBodyBytes: { env: 'GLOSSA_MAX_IMPORT_JSON_MB', unit: MB, fallback: 32 },
  binaryFileBytes: { env: 'GLOSSA_MAX_BINARY_FILE_MB', unit: MB, fallback: 64 },
  inflatedEntryBytes: { env: 'GLOSSA_MAX_INFLATED_ENTRY_MB', unit: MB, fallback: 32 },
  inflatedTotalBytes: { env: 'GLOSSA_MAX_INFLATED_TOTAL_MB', unit: MB, fallback: 256 },
  inflateRatio: { env: 'GLOSSA_MAX_INFLATE_RATIO', unit: 1, fallback: 200 },
  pdfPages: { env: 'GLOSSA_MAX_PDF_PAGES', unit: 1, fallback: 2_000 },
  lineBytes: { env: 'GLOSSA_MAX_LINE_MB', unit: MB, fallback: 32 },
  csvColumns: { env: 'GLOSSA_MAX_CSV_COLUMNS', unit: 1, fallback: 1_000 },
  documentChars: { env: 'GLOSSA_MAX_DOCUMENT_CHARS', unit: 1, fallback: 10_000_000 },
  spansPerDocument: { env: 'GLOSSA_MAX_SPANS_PER_DOCUMENT', unit: 1, fallback: 100_000 },
  idleMs: { env: 'GLOSSA_UPLOAD_IDLE_SECONDS', unit: 1000, fallback: 30 },
  bodyMs: { env: 'GLOSSA_UPLOAD_SECONDS', unit: 1000, fallback: 900 },
  parserHeapMb: { env: 'GLOSSA_PARSER_HEAP_MB', unit: 1, fallback: 512 },
  parserMs: { env: 'GLOSSA_PARSER_SECONDS', unit: 1000, fallback: 60 },
  parserWorkers: { env: 'GLOSSA_PARSER_WORKERS', unit: 1, fallback: 2 },
  writeMs: { env: 'GLOSSA_IMPORT_WRITE_SECONDS', unit: 1000, fallback: 600 },
};

export function importLimits(env: NodeJS.ProcessEnv = process.env): ImportLimits {
  const limits = {} as ImportLimits;
  for (const [key, { env: name, unit, fallback }] of Object.entries(SETTINGS) as [keyof ImportLimits, (typeof SETTINGS)[keyof ImportLimits]][]) {
    const raw = env[name];
    const value = raw === undefined || raw.trim() === '' ? fallback : Number(raw);
    if (!Number.isFinite(value) || value <= 0) throw new Error(`${name} must be a positive number, not "${raw}"`);
    limits[key] = Math.round(value * unit);
  }
  return limits;
}

/** "the limit of 32 MB (GLOSSA_MAX_LINE_MB)": the value as configured and where to change it. */
export function describeLimit(key: keyof ImportLimits, limits: ImportLimits): string {
  const { env, unit } = SETTINGS[key];
  const value = limits[key] / unit;
  const shown = value.toLocaleString('en-US');
  const suffix = unit === MB || env.endsWith('_MB') ? ' MB' : unit === 1000 ? ' s' : '';
  return `the limit of ${shown}${suffix} (${env})`;
}

/** 413: bytes as sent, over a size limit. Nothing has been written. */
export function tooLarge(what: string, key: keyof ImportLimits, limits: ImportLimits): HttpError {
  return new HttpError(413, 'payload_too_large', `${what} exceeds ${describeLimit(key, limits)}; nothing was imported.`, {
    limit: SETTINGS[key].env,
    value: limits[key] / SETTINGS[key].unit,
  });
}

/** 408: the client stopped sending, or sent too slowly. Nothing has been written. */
export function uploadTimeout(key: 'idleMs' | 'bodyMs', limits: ImportLimits): HttpError {
  const what = key === 'idleMs' ? 'The upload sent nothing for longer than' : 'The upload did not complete within';
  return new HttpError(408, 'request_timeout', `${what} ${describeLimit(key, limits)}; nothing was imported.`, {
    limit: SETTINGS[key].env,
    value: limits[key] / SETTINGS[key].unit,
  });
}
