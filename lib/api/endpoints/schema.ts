import { authorizeProject } from '@/lib/access/project-access';
import { defineEndpoint } from '@/lib/api/endpoint';
import { idParams, labelSchema } from '@/lib/api/schemas';
import { schemaDefinition } from '@/lib/schema/definition';
import { getSchema, replaceSchema } from '@/lib/schema/store';

export const readSchema = defineEndpoint({
  method: 'GET',
  path: '/projects/{id}/schema',
  tag: 'schema',
  summary: 'The whole label schema: labels of every layer (retired ones last) and stance targets',
  params: idParams,
  response: labelSchema,
  errors: [404],
  async handle({ db, caller, params }) {
    await authorizeProject(db, caller, params.id, 'schema:read');
    return getSchema(db, params.id);
  },
});

export const replaceSchemaEndpoint = defineEndpoint({
  method: 'PUT',
  path: '/projects/{id}/schema',
  tag: 'schema',
  summary:
    "Replace the active schema. Takes GET's answer back as it is: list order sets `position`, an `id` " +
      "must match its key, and items left out or sent with `retired: true` are retired, never deleted",
  params: idParams,
  body: schemaDefinition,
  response: labelSchema,
  errors: [403, 404],
  async handle({ db, caller, params, body }) {
    await authorizeProject(db, caller, params.id, 'schema:write');
    return replaceSchema(db, caller.userId, params.id, body);
  },
});

export const schemaEndpoints = [readSchema, replaceSchemaEndpoint];
