import { z } from 'zod';
import { defineContract } from '@/lib/api/contract';
import { id, idParams, timestamp } from '@/lib/api/schemas';
import { MAX_BATCH_OPS } from '@/lib/annotations/batch-limit';
import { MAX_SPAN_NOTE } from '@/lib/annotations/invariants';
import { SPAN_LAYERS } from '@/lib/schema/types';

const layer = z.enum(SPAN_LAYERS);

const targetRef = z.discriminatedUnion('kind', [z.object({ kind: z.literal('target'), id }).strict(), z.object({ kind: z.literal('span'), id }).strict()]);

const attributes = z.record(z.string().max(100), z.unknown()).refine((a) => JSON.stringify(a).length <= 20_000, 'attributes are limited to 20 kB of JSON');

const unsure = z.boolean().describe("the author's own doubt about the span, shown to curators");
const note = z
  .string()
  .max(MAX_SPAN_NOTE)
  .nullable()
  .describe(`the author's note to the curators, at most ${MAX_SPAN_NOTE} characters; null or blank removes it`);

const origin = z.enum(['MANUAL', 'IMPORTED', 'SUGGESTED', 'ADJUDICATED']);

const offset = z.number().int().min(0).max(100_000_000);

export const annotation = z.object({
  id,
  documentId: id,
  author: z.string().describe('a user id, or "gold"'),
  labelId: id,
  label: z.string(),
  layer,
  start: z.number().int().describe('code point offset, inclusive'),
  end: z.number().int().describe('code point offset, exclusive'),
  quote: z.string(),
  attributes: z.unknown(),
  unsure,
  note: z.string().nullable(),
  target: targetRef.nullable(),
  origin,
  version: z.number().int(),
  sourceIds: z.array(z.string()),
  createdAt: timestamp,
  updatedAt: timestamp,
});

const relation = z.object({
  id,
  documentId: id,
  author: z.string(),
  labelId: id,
  label: z.string(),
  sourceId: id,
  targetId: id,
  attributes: z.unknown(),
  origin,
  version: z.number().int(),
  sourceIds: z.array(z.string()),
  createdAt: timestamp,
  updatedAt: timestamp,
});

const answer = z.object({
  id,
  labelId: id,
  question: z.string(),
  targetId: id.nullable(),
  values: z.array(z.string()),
  version: z.number().int(),
  author: z.string(),
  updatedAt: timestamp,
});

const readQuery = z
  .object({
    author: z.string().max(64).optional().describe('"me" (default), "gold", "all" (curators, or when blind mode is off) or a user id'),
    layer: layer.optional(),
  })
  .strict();

const versionQuery = z.object({ version: z.coerce.number().int().min(1).optional() }).strict();

const list = <T extends z.ZodType>(item: T) => z.object({ items: z.array(item), nextCursor: z.null() });

export const listAnnotations = defineContract({
  method: 'GET',
  path: '/documents/{id}/annotations',
  tag: 'annotations',
  summary: 'Span annotations of a document, by author (blind mode limits annotators to their own)',
  params: idParams,
  query: readQuery,
  response: list(annotation),
  errors: [403, 404],
});

const newSpan = z
  .object({
    labelId: id,
    start: offset,
    end: offset,
    quote: z.string().max(1_000_000).optional(),
    target: targetRef.nullable().default(null),
    attributes: attributes.optional(),
    unsure: unsure.optional(),
    note: note.optional(),
    gold: z.boolean().optional(),
  })
  .strict();

const spanChange = z
  .object({
    version: z.number().int().min(1),
    labelId: id.optional(),
    start: offset.optional(),
    end: offset.optional(),
    quote: z.string().max(1_000_000).optional(),
    target: targetRef.nullable().optional(),
    attributes: attributes.optional(),
    unsure: unsure.optional(),
    note: note.optional(),
  })
  .strict();

const newRelation = z.object({ labelId: id, sourceId: id, targetId: id, attributes: attributes.optional(), gold: z.boolean().optional() }).strict();

const answersBody = z
  .object({
    answers: z.array(z.object({ labelId: id, targetId: id.nullable().optional(), values: z.array(z.string().max(64)).max(100) }).strict()).max(1000),
  })
  .strict();

const answersAuthor = z.enum(['me', 'gold']).default('me');

export const createAnnotation = defineContract({
  method: 'POST',
  path: '/documents/{id}/annotations',
  tag: 'annotations',
  summary: 'Create a span (code point offsets); STANCE spans need a target; "gold": true writes the gold layer (curators)',
  params: idParams,
  body: newSpan,
  response: annotation,
  status: 201,
  errors: [403, 404, 409],
});

export const updateAnnotation = defineContract({
  method: 'PATCH',
  path: '/annotations/{id}',
  tag: 'annotations',
  summary: 'Change label, offsets, target, attributes, the unsure flag or the note; send the version you have (a stale one gets 409 with the current state)',
  params: idParams,
  body: spanChange,
  response: annotation,
  errors: [403, 404, 409],
});

export const deleteAnnotation = defineContract({
  method: 'DELETE',
  path: '/annotations/{id}',
  tag: 'annotations',
  summary: 'Delete a span (and relations using it); ?version= guards against deleting a newer state',
  params: idParams,
  query: versionQuery,
  status: 204,
  errors: [403, 404, 409],
});

export const listRelations = defineContract({
  method: 'GET',
  path: '/documents/{id}/relations',
  tag: 'relations',
  summary: 'Relations between spans of a document, by author',
  params: idParams,
  query: readQuery.omit({ layer: true }),
  response: list(relation),
  errors: [403, 404],
});

export const createRelation = defineContract({
  method: 'POST',
  path: '/documents/{id}/relations',
  tag: 'relations',
  summary: 'Link two of your spans with a relation type allowed for their entity labels',
  params: idParams,
  body: newRelation,
  response: relation,
  status: 201,
  errors: [403, 404, 409],
});

export const deleteRelation = defineContract({
  method: 'DELETE',
  path: '/relations/{id}',
  tag: 'relations',
  summary: 'Delete a relation',
  params: idParams,
  query: versionQuery,
  status: 204,
  errors: [403, 404, 409],
});

export const listAnswers = defineContract({
  method: 'GET',
  path: '/documents/{id}/labels',
  tag: 'document labels',
  summary: "Document-level answers (the caller's by default)",
  params: idParams,
  query: readQuery.omit({ layer: true }),
  response: list(answer),
  errors: [403, 404],
});

export const replaceAnswers = defineContract({
  method: 'PUT',
  path: '/documents/{id}/labels',
  tag: 'document labels',
  summary: "Replace the caller's document-level answers (?author=gold for the gold layer, curators)",
  params: idParams,
  query: z.object({ author: answersAuthor }).strict(),
  body: answersBody,
  response: list(answer),
  errors: [403, 404, 409],
});

const itemVersion = z.number().int().min(1).optional().describe('the version you have; a newer one on the server refuses the batch (409)');

/** One operation of a batch: the body (and id, version) the single endpoint of that change takes. */
const batchOp = z.discriminatedUnion('op', [
  z.object({ op: z.literal('createAnnotation'), body: newSpan }).strict(),
  z.object({ op: z.literal('updateAnnotation'), id, body: spanChange }).strict(),
  z.object({ op: z.literal('deleteAnnotation'), id, version: itemVersion }).strict(),
  z.object({ op: z.literal('createRelation'), body: newRelation }).strict(),
  z.object({ op: z.literal('deleteRelation'), id, version: itemVersion }).strict(),
  z.object({ op: z.literal('replaceAnswers'), author: answersAuthor, body: answersBody }).strict(),
]);

export type BatchOp = z.input<typeof batchOp>;

const batchResult = z.discriminatedUnion('op', [
  z.object({ op: z.literal('createAnnotation'), item: annotation }),
  z.object({ op: z.literal('updateAnnotation'), item: annotation }),
  z.object({ op: z.literal('deleteAnnotation') }),
  z.object({ op: z.literal('createRelation'), item: relation }),
  z.object({ op: z.literal('deleteRelation') }),
  z.object({ op: z.literal('replaceAnswers'), items: z.array(answer) }),
]);

export const applyOperations = defineContract({
  method: 'POST',
  path: '/documents/{id}/operations',
  tag: 'annotations',
  summary:
    'Apply several span, relation and answer changes in order, in one transaction, each checked and logged as its own request would be. ' +
    'All or nothing: the first refused operation rolls the batch back, and its error names it (message prefixed "ops.<i>:", details.op = i).',
  params: idParams,
  body: z.object({ ops: z.array(batchOp).min(1).describe(`at most ${MAX_BATCH_OPS} operations (MAX_BATCH_OPS); more is refused with 413`) }).strict(),
  response: z.object({ results: z.array(batchResult).describe('one per operation, in the order sent') }),
  errors: [403, 404, 409, 413],
});
