import { authorizeProject } from '@/lib/access/project-access';
import { defineEndpoint } from '@/lib/api/endpoint';
import { getSchema, replaceSchema } from '@/lib/schema/store';
import * as contract from '@/lib/api/contracts/schema';

export const readSchema = defineEndpoint({
  ...contract.readSchema,
  async handle({ db, caller, params }) {
    await authorizeProject(db, caller, params.id, 'schema:read');
    return getSchema(db, params.id);
  },
});

export const replaceSchemaEndpoint = defineEndpoint({
  ...contract.replaceSchema,
  async handle({ db, caller, params, body }) {
    await authorizeProject(db, caller, params.id, 'schema:write');
    return replaceSchema(db, caller.userId, params.id, body);
  },
});

export const schemaEndpoints = [readSchema, replaceSchemaEndpoint];
