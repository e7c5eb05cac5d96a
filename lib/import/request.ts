import type { z } from 'zod';
import { titleFromText } from '@/lib/documents/title';
import { badRequest, unsupportedMediaType } from '@/lib/http/errors';
import { parseOrThrow } from '@/lib/http/validation';
import { bodyText, limitedBody } from './body';
import { importLimits, type ImportLimits } from './limits';
import { boundaryOf, readMultipart } from './multipart';
import type { ImportInput } from './service';
import { Spool, spooledSource } from './spool';
import { importQuery, jsonImportBody, type ImportQuery } from './query';
import type { ImportedDocument, ImportSource, ParseOptions } from './types';

/**
 * The three request bodies of POST /projects/{id}/documents (docs/ARCHITECTURE.md §10): a JSON
 * object, a JSONL stream, or multipart files. Options come from the query string,
 * and for multipart also from form fields of the same names.
 */

/** The options the parsers take, from the import query. */
export function parseOptionsOf(query: ImportQuery): ParseOptions {
  const { textColumn, nameColumn, questionColumn, question, targetColumn, encoding, offsetUnit } = query;
  return { textColumn, nameColumn, questionColumn, question, targetColumn, encoding, offsetUnit };
}

export interface RequestInputs {
  inputs: ImportInput[];
  query: ImportQuery;
  /** Removes the spooled upload; call it when the import is over, whatever happened. */
  dispose(): Promise<void>;
}

/**
 * Reads the whole body before anything else happens, within the upload limits (lib/import/body.ts):
 * JSON into memory (it is small), JSONL and multipart files to a spool folder on disk, each file
 * as it arrives. The parsers then read from disk; when the client disconnects, `request.signal`
 * stops them.
 */
export async function inputsFromRequest(request: Request, query: ImportQuery, limits: ImportLimits = importLimits()): Promise<RequestInputs> {
  const type = (request.headers.get('content-type') ?? '').toLowerCase();
  const nothingToDispose = async () => {};
  if (type.startsWith('application/json')) {
    const text = await bodyText(request, limits);
    let value: unknown;
    try {
      value = JSON.parse(text);
    } catch (error) {
      throw badRequest(`Malformed JSON body: ${(error as Error).message}`);
    }
    const body = parseOrThrow(jsonImportBody, value, 'body');
    return { inputs: [{ kind: 'parsed', name: 'request body', format: 'json', documents: body.documents.map(toImported) }], query, dispose: nothingToDispose };
  }
  const jsonl = type.startsWith('application/x-ndjson') || type.startsWith('application/jsonl');
  if (!jsonl && !type.startsWith('multipart/form-data')) {
    throw unsupportedMediaType('Send application/json ({ "documents": [...] }), application/x-ndjson (JSONL), or multipart/form-data with "file" fields.');
  }
  const spool = await Spool.create();
  try {
    const body = limitedBody(request, limits.uploadBytes, 'uploadBytes', limits);
    if (jsonl) {
      const file = await spool.write(body);
      const source = spooledSource('request body', file, request.signal);
      return { inputs: [{ kind: 'file', source }], query: { ...query, format: query.format ?? 'glossa' }, dispose: () => spool.dispose() };
    }
    // The boundary is case-sensitive (Chromium's mixes cases), so it comes from the header as sent.
    const { fields, files } = await readMultipart(body, boundaryOf(request.headers.get('content-type') ?? ''), spool);
    const merged = parseOrThrow(importQuery, { ...stringifyQuery(query), ...fields }, 'query');
    const unexpected = files.find((file) => file.field !== 'file');
    if (unexpected) throw badRequest(`Unexpected file field "${unexpected.field}": send files as "file" fields.`);
    if (files.length === 0) throw badRequest('No files: send one or more "file" fields.');
    const sources = files.map((file) => spooledSource(file.name, file.path, request.signal));
    return { inputs: pairBrat(sources, merged.format), query: merged, dispose: () => spool.dispose() };
  } catch (error) {
    await spool.dispose();
    throw error;
  }
}

function toImported(document: z.infer<typeof jsonImportBody>['documents'][number], index: number): ImportedDocument {
  const location = { file: 'request body', record: index + 1 };
  return {
    name: document.name ?? titleFromText(document.text),
    text: document.text,
    metadata: document.metadata,
    spans: document.spans.map(({ id, ...span }) => ({ ...span, ref: id, location })),
    relations: [],
    documentLabels: [],
    location,
  };
}

function stringifyQuery(query: ImportQuery): Record<string, string> {
  const result: Record<string, string> = {};
  for (const [key, value] of Object.entries(query)) {
    if (value !== undefined) result[key] = typeof value === 'object' ? JSON.stringify(value) : String(value);
  }
  return result;
}

/**
 * A brat `x.ann` uploaded beside `x.txt` is one document; everything else is parsed on its own.
 * Only paired here: the import service parses the pair with the other files, so its problems are
 * collected like theirs.
 */
export function pairBrat(sources: ImportSource[], format: string | undefined): ImportInput[] {
  const base = (name: string) => name.replace(/\.[^.]+$/, '');
  const anns = new Map(sources.filter((s) => s.name.endsWith('.ann')).map((s) => [base(s.name), s]));
  const paired = new Set<ImportSource>();
  const inputs: ImportInput[] = [];
  for (const source of sources) {
    const ann = source.name.endsWith('.txt') && (format === undefined || format === 'brat') ? anns.get(base(source.name)) : undefined;
    if (ann) {
      paired.add(ann).add(source);
      inputs.push({ kind: 'brat-pair', txt: source, ann });
    }
  }
  for (const source of sources) {
    if (!paired.has(source)) inputs.push({ kind: 'file', source });
  }
  return inputs;
}
