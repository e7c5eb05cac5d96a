import { z } from 'zod';
import { defineContract } from '@/lib/api/contract';
import { id, idParams } from '@/lib/api/schemas';
import { CONTEXT, MAX_HITS } from '@/lib/search/concordance';

const searchQuery = z
  .object({
    label: z
      .string()
      .regex(/^[A-Z][A-Z0-9_]{0,63}$/, 'a label key')
      .optional()
      .describe('spans of this label key (any layer)'),
    quote: z.string().trim().min(1).max(200).optional().describe('spans whose quote contains this text, ignoring case'),
    limit: z.coerce.number().int().min(1).max(MAX_HITS).default(200),
  })
  .strict()
  .refine((query) => query.label !== undefined || query.quote !== undefined, { path: ['label'], message: 'give a label, a quote, or both' });

export const search = defineContract({
  method: 'GET',
  path: '/projects/{id}/search',
  tag: 'documents',
  summary:
    `Spans of a label and/or containing a text, across the project, as a concordance (${CONTEXT} code points of context each side); in ` +
    `blind mode an annotator finds only their own`,
  params: idParams,
  query: searchQuery,
  response: z.object({
    items: z.array(
      z.object({
        annotationId: id,
        documentId: id,
        documentName: z.string(),
        label: z.string(),
        labelName: z.string(),
        layer: z.string(),
        author: z.string().describe('the author\'s name, or "gold"'),
        start: z.number().int(),
        end: z.number().int(),
        left: z.string(),
        match: z.string(),
        right: z.string(),
      }),
    ),
    truncated: z.boolean().describe('more spans matched than limit'),
  }),
  errors: [400, 404],
});
