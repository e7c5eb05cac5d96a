import { z } from 'zod';
import { badRequest, unsupportedMediaType } from '@/lib/http/errors';
import { parseOrThrow } from '@/lib/http/validation';
import { parseBratPair } from './parsers';
import type { ImportInput } from './service';
import { IMPORT_FORMATS, type ImportedDocument, type ImportSource } from './types';

/**
 * The three request bodies of POST /projects/{id}/documents (DESIGN.md §4): a JSON
 * object, a JSONL stream, or multipart files. Options come from the query string,
 * and for multipart also from form fields of the same names.
 */
const flag = z.enum(['true', 'false']).transform((v) => v === 'true');

export const importQuery = z
  .object({
    format: z.enum(IMPORT_FORMATS).optional(),
    author: z.string().max(64).default('me').describe('"me", "gold", or a member\'s user id'),
    keepSourceAuthors: flag.optional(),
    labelMap: z
      .string()
      .max(100_000)
      .transform((text, ctx) => {
        try {
          return z.record(z.string(), z.string()).parse(JSON.parse(text));
        } catch {
          ctx.addIssue({ code: 'custom', message: 'labelMap must be a JSON object of source label → schema key' });
          return z.NEVER;
        }
      })
      .optional(),
    unknownLabels: z.enum(['reject', 'skip']).default('reject'),
    allowDuplicates: flag.optional(),
    origin: z.enum(['IMPORTED', 'SUGGESTED']).default('IMPORTED'),
    textColumn: z.string().max(200).optional(),
    nameColumn: z.string().max(200).optional(),
  })
  .strict();

export type ImportQuery = z.infer<typeof importQuery>;

const spanTarget = z.union([z.string().min(1).max(200), z.object({ span: z.string().min(1).max(200) }).strict()]);
export const jsonImportBody = z
  .object({
    documents: z
      .array(
        z
          .object({
            name: z.string().trim().min(1).max(500),
            text: z.string().min(1).max(10_000_000),
            metadata: z.record(z.string(), z.unknown()).default({}),
            spans: z
              .array(
                z
                  .object({
                    id: z.string().max(200).optional(),
                    start: z.number().int().min(0),
                    end: z.number().int().min(0),
                    label: z.string().min(1).max(100),
                    layer: z.enum(['ENTITY', 'STANCE', 'FRAME']).optional(),
                    quote: z.string().optional(),
                    target: spanTarget.optional(),
                    attributes: z.record(z.string(), z.unknown()).optional(),
                  })
                  .strict(),
              )
              .default([]),
          })
          .strict(),
      )
      .min(1)
      .max(10_000),
  })
  .strict();

export async function inputsFromRequest(request: Request, query: ImportQuery): Promise<{ inputs: ImportInput[]; query: ImportQuery }> {
  const type = (request.headers.get('content-type') ?? '').toLowerCase();
  if (type.startsWith('application/json')) {
    const body = parseOrThrow(jsonImportBody, await request.json().catch(() => { throw badRequest('Malformed JSON body.'); }), 'body');
    return { inputs: [{ kind: 'parsed', name: 'request body', format: 'json', documents: body.documents.map(toImported) }], query };
  }
  if (type.startsWith('application/x-ndjson') || type.startsWith('application/jsonl')) {
    if (!request.body) throw badRequest('The JSONL body is empty.');
    const source: ImportSource = { name: 'request body', stream: () => request.body as unknown as AsyncIterable<Uint8Array> };
    return { inputs: [{ kind: 'file', source }], query: { ...query, format: query.format ?? 'glossa' } };
  }
  if (type.startsWith('multipart/form-data')) return fromMultipart(await request.formData(), query);
  throw unsupportedMediaType('Send application/json ({ "documents": [...] }), application/x-ndjson (JSONL), or multipart/form-data with "file" fields.');
}

function toImported(document: z.infer<typeof jsonImportBody>['documents'][number], index: number): ImportedDocument {
  const location = { file: 'request body', record: index + 1 };
  return {
    name: document.name,
    text: document.text,
    metadata: document.metadata,
    spans: document.spans.map(({ id, ...span }) => ({ ...span, ref: id, location })),
    relations: [],
    documentLabels: [],
    location,
  };
}

async function fromMultipart(form: FormData, query: ImportQuery) {
  const fields: Record<string, string> = {};
  for (const [key, value] of form) if (typeof value === 'string') fields[key] = value;
  const merged = parseOrThrow(importQuery, { ...stringifyQuery(query), ...fields }, 'query');
  const files = form.getAll('file').filter((f): f is File => typeof f !== 'string');
  if (files.length === 0) throw badRequest('No files: send one or more "file" fields.');
  return { inputs: pairBrat(files.map(fileSource), merged.format), query: merged };
}

function stringifyQuery(query: ImportQuery): Record<string, string> {
  const result: Record<string, string> = {};
  for (const [key, value] of Object.entries(query)) {
    if (value !== undefined) result[key] = typeof value === 'object' ? JSON.stringify(value) : String(value);
  }
  return result;
}

export function fileSource(file: { name: string; stream(): ReadableStream<Uint8Array> }): ImportSource {
  return { name: file.name, stream: () => file.stream() as unknown as AsyncIterable<Uint8Array> };
}

/** A brat `x.ann` uploaded beside `x.txt` is one document; everything else is parsed on its own. */
export function pairBrat(sources: ImportSource[], format: string | undefined): ImportInput[] {
  const base = (name: string) => name.replace(/\.[^.]+$/, '');
  const anns = new Map(sources.filter((s) => s.name.endsWith('.ann')).map((s) => [base(s.name), s]));
  const paired = new Set<ImportSource>();
  const inputs: ImportInput[] = [];
  for (const source of sources) {
    const ann = source.name.endsWith('.txt') && (format === undefined || format === 'brat') ? anns.get(base(source.name)) : undefined;
    if (ann) {
      paired.add(ann).add(source);
      inputs.push({ kind: 'parsed', name: `${source.name} + ${ann.name}`, format: 'brat', documents: parseBratPair(source, ann) });
    }
  }
  for (const source of sources) {
    if (!paired.has(source)) inputs.push({ kind: 'file', source });
  }
  return inputs;
}
