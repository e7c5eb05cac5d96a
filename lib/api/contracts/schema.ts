import { defineContract } from '@/lib/api/contract';
import { idParams, labelSchema } from '@/lib/api/schemas';
import { schemaDefinition } from '@/lib/schema/definition';

export const readSchema = defineContract({
  method: 'GET',
  path: '/projects/{id}/schema',
  tag: 'schema',
  summary: 'The whole label schema: labels of every layer (retired ones last) and stance targets',
  params: idParams,
  response: labelSchema,
  errors: [404],
});

export const replaceSchema = defineContract({
  method: 'PUT',
  path: '/projects/{id}/schema',
  tag: 'schema',
  summary:
    "Replace the active schema. Takes GET's answer back as it is: list order sets `position`, an `id` must match its key, and items left " +
    'out or sent with `retired: true` are retired, never deleted',
  params: idParams,
  body: schemaDefinition,
  response: labelSchema,
  errors: [403, 404],
});
