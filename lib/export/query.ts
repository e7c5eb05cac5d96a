import { z } from 'zod';
import { id } from '@/lib/api/schemas';
import { ASSIGNMENT_STATUSES } from '@/lib/assignments/statuses';
import { LABEL_SPELLINGS } from '@/lib/formats/source-labels';
import { ALL_FORMATS, CSV_ESCAPES, EXPORT_FORMATS, METADATA_PARAM_PREFIX, SOURCE_CHOICES, parseSource, type ExportFilters } from './options';

/**
 * The query string of GET /projects/{id}/export. Messages name every valid value, so a wrong
 * `format` or `source` answers 400 with the list to choose from. `meta.<key>=<value>` parameters
 * filter on document metadata; any other unknown parameter is an error.
 */

const oneOf = (values: readonly string[]) => ({ error: `must be one of: ${values.join(', ')}` });
const MAX_DOCUMENT_IDS = 1000;

const parameters = z.object({
  format: z.enum(ALL_FORMATS, oneOf(ALL_FORMATS)).default('jsonl').describe('data format, or card / card-json for the dataset card alone'),
  of: z.enum(EXPORT_FORMATS, oneOf(EXPORT_FORMATS)).optional().describe('with format=card or card-json: the data format the card describes (default jsonl)'),
  source: z
    .string()
    .default('gold')
    .transform((value, context) => parseSource(value) ?? (context.addIssue({ code: 'custom', message: `must be one of: ${SOURCE_CHOICES}` }), z.NEVER))
    .describe(`whose annotations: ${SOURCE_CHOICES}`),
  status: z
    .enum(ASSIGNMENT_STATUSES, oneOf(ASSIGNMENT_STATUSES))
    .optional()
    .describe("documents with an assignment in this status (the assignee's, or the source annotator's)"),
  assignee: id.optional().describe('documents assigned to this user id'),
  documents: z
    .string()
    .transform((value) =>
      value
        .split(',')
        .map((part) => part.trim())
        .filter(Boolean),
    )
    .pipe(z.array(id).min(1).max(MAX_DOCUMENT_IDS))
    .optional()
    .describe('comma-separated document ids'),
  limit: z.coerce.number().int().min(1).max(100).optional().describe('only the first N documents (previews)'),
  csvEscape: z
    .enum(CSV_ESCAPES, oneOf(CSV_ESCAPES))
    .optional()
    .describe(
      "stance-csv only: 'spreadsheet' (default) puts ' before cells beginning with = + - @ tab or CR so " +
        "spreadsheets do not run them; 'raw' keeps the exact text",
    ),
  labels: z
    .enum(LABEL_SPELLINGS, oneOf(LABEL_SPELLINGS))
    .optional()
    .describe('schema (default): label keys; source: as the imported CoNLL/CoNLL-U spelled them (conll, conllu, spacy)'),
});

export const exportQuery = parameters
  .catchall(z.string().max(500).describe('meta.<key>=<value>: documents whose metadata key equals the value (compared as text)'))
  .superRefine((query, context) => {
    if (query.csvEscape && (query.of ?? query.format) !== 'stance-csv') {
      context.addIssue({ code: 'custom', path: ['csvEscape'], message: 'applies to format=stance-csv (or a card of it) only' });
    }
    for (const key of Object.keys(query)) {
      if (key in parameters.shape || (key.startsWith(METADATA_PARAM_PREFIX) && key.length > METADATA_PARAM_PREFIX.length)) continue;
      context.addIssue({ code: 'custom', path: [key], message: `unknown parameter; metadata filters are written meta.<key>=<value>` });
    }
  })
  .transform(({ format, of, source, status, assignee, documents, limit, csvEscape, labels, ...rest }) => {
    const metadata = Object.fromEntries(
      Object.entries(rest).flatMap(([key, value]) => (typeof value === 'string' ? [[key.slice(METADATA_PARAM_PREFIX.length), value]] : [])),
    );
    const filters: ExportFilters = { status, assignee, documents, limit, ...(Object.keys(metadata).length > 0 && { metadata }) };
    return { format, cardOf: of, source, filters, csvEscape: csvEscape ?? 'spreadsheet', labels };
  });
