import { z } from 'zod';
import packageJson from '@/package.json';
import type { AnyEndpoint } from './endpoint';

/**
 * The OpenAPI 3.1 document, generated from the endpoints' own zod schemas so it
 * cannot drift from what the handlers accept and answer. OpenAPI 3.1 uses JSON
 * Schema 2020-12, which is what zod emits.
 */
type JsonSchema = Record<string, unknown>;

const errorSchema = z.object({
  error: z.object({ code: z.string(), message: z.string(), details: z.unknown().optional() }),
});

const ERROR_TEXT: Record<number, string> = {
  400: 'Invalid request (malformed JSON, unknown fields, values out of range)',
  401: 'Not signed in, or the API token is invalid, expired or revoked',
  403: 'Your role in this project does not allow this; or (code cross_origin_forbidden) a write sent by another site with a session cookie',
  404: 'Not found (also for projects you are not a member of)',
  408: 'The client stopped sending the request body (idle or too slow)',
  409: 'Conflicts with the current state',
  422:
    'Rejected input: an import (details list the problems, the first 100, with file and line, and count them all: problemsTotal), ' +
    'a gazetteer line, or a recommender URL outside GLOSSA_RECOMMENDER_HOSTS',
  413: 'Request body too large',
  415: 'Request body is not JSON',
  429: 'Too many attempts',
  503: 'The database cannot be reached at the moment; retry after the Retry-After seconds',
};

function jsonSchema(schema: z.ZodType, io: 'input' | 'output'): JsonSchema {
  const { $schema: _ignored, ...rest } = z.toJSONSchema(schema, { io, unrepresentable: 'any', target: 'draft-2020-12' }) as JsonSchema;
  return rest;
}

function objectKeys(schema: z.ZodType | undefined): string[] {
  return schema instanceof z.ZodObject ? Object.keys(schema.shape) : [];
}

/** `/projects/{id}/documents` → `ProjectsById_Documents`... camel-cased, for operation ids. */
function camelPath(path: string): string {
  return path.replace(/\{(\w+)\}/g, 'By_$1').replace(/[^A-Za-z0-9]+(.)?/g, (_m, c: string | undefined) => (c ? c.toUpperCase() : ''));
}

function operation(endpoint: AnyEndpoint) {
  const parameters = [
    ...objectKeys(endpoint.params).map((name) => ({ name, in: 'path', required: true, schema: { type: 'string' } })),
    ...(endpoint.query ? queryParameters(endpoint.query) : []),
  ];
  const status = String(endpoint.status ?? 200);
  const responses: Record<string, unknown> = {
    [status]:
      endpoint.response && status !== '204'
        ? { description: endpoint.summary, content: { 'application/json': { schema: jsonSchema(endpoint.response, 'output') } } }
        : endpoint.rawResponse
          ? {
              description: endpoint.summary,
              content: Object.fromEntries(
                Object.entries(endpoint.rawResponse).map(([type, description]) => [type, { schema: { type: 'string', description } }]),
              ),
            }
          : { description: 'No content' },
  };
  // Every write can meet the cross-origin check of routeHandler (lib/http/origin.ts).
  const writes = endpoint.method === 'GET' ? [] : [403];
  const errors = new Set([400, 401, 503, ...writes, ...(endpoint.body || endpoint.rawBody ? [413, 415] : []), ...(endpoint.errors ?? [])]);
  for (const code of [...errors].sort()) {
    const details = endpoint.errorDetails?.[code];
    // The shared Error schema, or for statuses with known details an error of that shape.
    const schema = details
      ? jsonSchema(z.object({ error: z.object({ code: z.string(), message: z.string(), details }) }), 'output')
      : { $ref: '#/components/schemas/Error' };
    responses[String(code)] = { description: ERROR_TEXT[code] ?? 'Error', content: { 'application/json': { schema } } };
  }
  return {
    operationId: `${endpoint.method.toLowerCase()}${camelPath(endpoint.path)}`,
    summary: endpoint.summary,
    tags: [endpoint.tag],
    ...(parameters.length ? { parameters } : {}),
    ...requestBody(endpoint),
    responses,
  };
}

function requestBody(endpoint: AnyEndpoint) {
  const content: Record<string, { schema: JsonSchema }> = {};
  if (endpoint.body) content['application/json'] = { schema: jsonSchema(endpoint.body, 'input') };
  for (const [type, schema] of Object.entries(endpoint.rawBody ?? {})) {
    content[type] = { schema: schema === 'binary' ? { type: 'string', contentMediaType: 'application/octet-stream' } : jsonSchema(schema, 'input') };
  }
  return Object.keys(content).length ? { requestBody: { required: true, content } } : {};
}

function queryParameters(query: z.ZodType) {
  const schema = jsonSchema(query, 'input') as { properties?: Record<string, JsonSchema>; required?: string[] };
  return Object.entries(schema.properties ?? {}).map(([name, property]) => ({
    name,
    in: 'query',
    required: schema.required?.includes(name) ?? false,
    schema: property,
  }));
}

export function buildOpenApi(endpoints: readonly AnyEndpoint[], serverUrl = '/api/v1') {
  const paths: Record<string, Record<string, unknown>> = {};
  for (const endpoint of endpoints) {
    paths[endpoint.path] ??= {};
    paths[endpoint.path]![endpoint.method.toLowerCase()] = operation(endpoint);
  }
  return {
    openapi: '3.1.0',
    info: {
      title: 'Glossa API',
      version: packageJson.version,
      description: 'Projects, label schemas, documents and annotations of Glossa. Offsets are Unicode code points, end-exclusive.',
    },
    servers: [{ url: serverUrl }],
    security: [{ bearerAuth: [] }, { sessionCookie: [] }],
    paths,
    components: {
      schemas: { Error: jsonSchema(errorSchema, 'output') },
      securitySchemes: {
        bearerAuth: { type: 'http', scheme: 'bearer', description: 'An API token created in Settings → API tokens or with `glossa token create`.' },
        sessionCookie: { type: 'apiKey', in: 'cookie', name: 'next-auth.session-token' },
      },
    },
  };
}
