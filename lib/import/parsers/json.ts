import { z } from 'zod';
import { importLimits, tooLarge } from '../limits';
import { ImportError, type ImportSource, type SourceLocation } from '../types';
import { decodeUtf8, readBytes, readLines } from './input';

/** JSON records (JSON Lines or array items) checked with zod, every failure an ImportError at its line or record. */

export interface JsonRecord {
  value: unknown;
  location: SourceLocation;
}

/** One record per non-blank line, read as the bytes arrive; a line that is not JSON goes to `onProblem` (ParseOptions) when given. */
export async function* jsonLines(source: ImportSource, onProblem?: (problem: ImportError) => void): AsyncGenerator<JsonRecord> {
  for await (const { line, text } of readLines(source)) {
    if (text.trim() === '') continue;
    const location = { file: source.name, line };
    let parsed: { value: unknown } | undefined;
    try {
      parsed = { value: JSON.parse(text) as unknown };
    } catch (error) {
      // Pretty-printed JSON is not JSON Lines at all: one problem for the file, not one per line of it.
      if (PRETTY_PRINTED.test(text)) throw new ImportError(location, notJson(text, error as Error));
      readRecord(() => {
        throw new ImportError(location, notJson(text, error as Error));
      }, onProblem);
    }
    if (parsed !== undefined) yield { value: parsed.value, location };
  }
}

/**
 * The records of a JSON Lines file or body (one per line, as they arrive), or of a `.json` file: the
 * items of its array, or the one object it holds. A JSON document cannot be split before it is
 * parsed, so a `.json` file is held whole and bounded like a JSON request body (GLOSSA_MAX_IMPORT_JSON_MB).
 */
export async function* jsonRecords(source: ImportSource, onProblem?: (problem: ImportError) => void): AsyncGenerator<JsonRecord> {
  // Only a .json file is one JSON document: .jsonl, .ndjson and a JSONL request body are read by line.
  if (!/\.json$/i.test(source.name)) {
    yield* jsonLines(source, onProblem);
    return;
  }
  const limits = importLimits();
  const bytes = await readBytes(source, limits.jsonBodyBytes, () => tooLarge(`The file ${source.name}`, 'jsonBodyBytes', limits));
  const text = decodeUtf8(bytes, source.name);
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    throw new ImportError({ file: source.name }, notOneDocument(text, error as Error));
  }
  const items = Array.isArray(value) ? value : [value];
  for (const [index, item] of items.entries()) yield { value: item, location: { file: source.name, record: index + 1 } };
}

/**
 * One record read by `read`: its ImportError goes to `onProblem`, when given, and the caller
 * moves on to the next record (undefined), so a file's every bad record is reported; without
 * it, or for any other error, the error is thrown as before.
 */
export function readRecord<T>(read: () => T, onProblem: ((problem: ImportError) => void) | undefined): T | undefined {
  try {
    return read();
  } catch (error) {
    if (onProblem === undefined || !(error instanceof ImportError)) throw error;
    onProblem(error);
    return undefined;
  }
}

// A line that only opens an object or array: the start of a JSON document spread over lines.
const PRETTY_PRINTED = /^\s*[[{]\s*$/;

/** Why a JSON Lines line is not JSON, saying so when the file is pretty-printed JSON rather than JSONL. */
export function notJson(line: string, error: Error): string {
  if (PRETTY_PRINTED.test(line)) {
    return (
      'this looks like pretty-printed JSON (one record over several lines); JSON Lines needs one record ' +
      'per line: export it as JSONL, or upload a JSON array as a .json file'
    );
  }
  return `not valid JSON (${error.message})`;
}

/** Why a .json file is not JSON, saying so when it is JSON Lines under the wrong extension. */
function notOneDocument(text: string, error: Error): string {
  const first = text.trimStart().split('\n', 1)[0] ?? '';
  try {
    JSON.parse(first);
    return (
      'this looks like JSON Lines (one record per line), not one JSON document: name the file .jsonl (a .json export of Label Studio ' +
      'or doccano 1.x is a single array)'
    );
  } catch {
    return `not valid JSON (${error.message}); a .json export of Label Studio or doccano 1.x is a single JSON array`;
  }
}

// Taken as parsed, not rebuilt by z.record, so a "__proto__" key stays an ordinary key.
export const jsonObject = z.custom<Record<string, unknown>>((value) => isObject(value), 'expected a JSON object');

export function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

export function parseWith<T extends z.ZodType>(schema: T, value: unknown, location: SourceLocation, path = ''): z.output<T> {
  const parsed = schema.safeParse(value);
  if (parsed.success) return parsed.data;
  throw new ImportError(location, describeIssue(parsed.error.issues[0], path));
}

function describeIssue(issue: z.core.$ZodIssue | undefined, prefix: string): string {
  if (!issue) return 'invalid record';
  const path = issue.path.map((part) => (typeof part === 'number' ? `[${part}]` : `.${String(part)}`)).join('');
  const where = `${prefix}${path}`.replace(/^\./, '');
  return `${where || 'record'}: ${issue.message}`;
}

/**
 * The plain-JSONL and doccano convention for what is not text or annotation: a `name` string
 * names the document, a `metadata` object is kept, and every other field joins the metadata
 * (the `metadata` object wins a clash, being the explicit one).
 */
export function nameAndMetadata(
  record: Record<string, unknown>,
  consumed: readonly string[],
  fallbackName: string,
  location: SourceLocation,
): { name: string; metadata: Record<string, unknown> } {
  const { name, metadata } = record;
  if (name !== undefined && typeof name !== 'string') throw new ImportError(location, 'name: expected a string');
  if (metadata !== undefined && !isObject(metadata)) throw new ImportError(location, 'metadata: expected a JSON object');
  const skip = new Set([...consumed, 'name', 'metadata']);
  const rest = Object.fromEntries(Object.entries(record).filter(([key]) => !skip.has(key)));
  return { name: name === undefined || name.trim() === '' ? fallbackName : name, metadata: { ...rest, ...metadata } };
}
