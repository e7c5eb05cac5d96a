import { z } from 'zod';
import { SPAN_LAYERS } from '@/lib/schema/types';
import { IMPORT_ENCODINGS, IMPORT_FORMATS, OFFSET_UNITS } from './types';

/**
 * The import's query options and its JSON body, apart from lib/import/request.ts (which reads
 * bodies, spools files and starts parsers) so the endpoint's contract stays importable in the browser.
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
    allowDuplicates: flag.optional().describe('a text the project already has: import it as a new document'),
    duplicates: z
      .enum(['skip', 'merge'])
      .default('skip')
      .describe(
        'a text the project already has: skip it (its annotations are counted in the report), or merge ' +
          'its annotations onto that document (the target layer must hold no work there and must not be ' +
          'SUBMITTED)',
      ),
    origin: z.enum(['IMPORTED', 'SUGGESTED']).default('IMPORTED'),
    textColumn: z.string().max(200).optional(),
    nameColumn: z.string().max(200).optional(),
    questionColumn: z.string().max(200).optional().describe('CSV/TSV: the column whose value answers `question` (e.g. SemEval "Stance")'),
    question: z.string().max(100).optional().describe('the document question the `questionColumn` answers (e.g. OVERALL_STANCE)'),
    targetColumn: z.string().max(200).optional().describe('CSV/TSV: the column naming the stance target of a per-target question (e.g. SemEval "Target")'),
    encoding: z.enum(IMPORT_ENCODINGS).optional().describe('text encoding of the files; default UTF-8, UTF-16 is recognised by its byte order mark'),
    offsetUnit: z.enum(OFFSET_UNITS).optional().describe('Label Studio: the offset unit when the region texts do not decide it'),
  })
  .strict()
  .refine((query) => (query.questionColumn === undefined) === (query.question === undefined), {
    message: 'questionColumn and question go together: the column and the document question it answers',
    path: ['question'],
  })
  .refine((query) => !(query.allowDuplicates && query.duplicates === 'merge'), {
    message: 'allowDuplicates=true (import as a new document) and duplicates=merge (merge onto the existing one) exclude each other',
    path: ['duplicates'],
  })
  .refine((query) => query.targetColumn === undefined || query.questionColumn !== undefined, {
    message: 'targetColumn needs questionColumn and question',
    path: ['targetColumn'],
  });

export type ImportQuery = z.infer<typeof importQuery>;

const spanTarget = z.union([z.string().min(1).max(200), z.object({ span: z.string().min(1).max(200) }).strict()]);
export const jsonImportBody = z
  .object({
    documents: z
      .array(
        z
          .object({
            name: z.string().trim().min(1).max(500).optional().describe('left out: the first line of the text (lib/documents/title.ts)'),
            text: z.string().min(1).describe('at most GLOSSA_MAX_DOCUMENT_CHARS characters (default 10,000,000)'),
            metadata: z.record(z.string(), z.unknown()).default({}),
            spans: z
              .array(
                z
                  .object({
                    id: z.string().max(200).optional(),
                    start: z.number().int().min(0),
                    end: z.number().int().min(0),
                    label: z.string().min(1).max(100),
                    layer: z.enum(SPAN_LAYERS).optional(),
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
