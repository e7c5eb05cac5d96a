import 'server-only';
import { z } from 'zod';
import type { Contract } from './contract';
import { resolveCaller, type Caller } from '@/lib/auth/caller';
import { getPrisma, type PrismaClient } from '@/lib/db/client';
import { readBodyText } from '@/lib/http/body';
import { errorBody, HttpError, badRequest, databaseUnavailable, isDatabaseUnavailable, unauthorized, unsupportedMediaType } from '@/lib/http/errors';
import { assertCleanStrings, parseClientJson } from '@/lib/http/json';
import { assertSameOrigin } from '@/lib/http/origin';
import { parseOrThrow } from '@/lib/http/validation';

/**
 * One definition per API operation: its contract (lib/api/contract.ts) drives validation of
 * the request, validation of the response, the OpenAPI document (lib/api/openapi.ts) and the
 * typed client; the handler adds what the server does.
 */
export type { Method } from './contract';

interface Context<P, Q, B> {
  db: PrismaClient;
  caller: Caller;
  params: P;
  query: Q;
  body: B;
  request: Request;
}

interface Endpoint<P = unknown, Q = unknown, B = unknown, R = unknown> extends Contract<P, Q, B, R> {
  handle(context: Context<P, Q, B>): Promise<R>;
}

/** An endpoint of any schemas, for lists of endpoints. */
// biome-ignore lint/suspicious/noExplicitAny: `unknown` would reject every specific endpoint, whose handle() takes narrower types.
export type AnyEndpoint = Endpoint<any, any, any, any>;

export function defineEndpoint<P = Record<string, never>, Q = Record<string, never>, B = undefined, R = unknown>(
  endpoint: Endpoint<P, Q, B, R>,
): Endpoint<P, Q, B, R> {
  return endpoint;
}

const MAX_JSON_BYTES = 5 * 1024 * 1024;

type RouteContext = { params: Promise<Record<string, string | string[]>> };

/** Adapts an endpoint to a Next.js route handler (params arrive as a Promise in Next 16). */
export function routeHandler<P, Q, B, R>(endpoint: Endpoint<P, Q, B, R>) {
  return async (request: Request, context?: RouteContext): Promise<Response> => {
    try {
      // Before anything else, so a forged request costs no database work and runs no handler (imports included).
      assertSameOrigin(request);
      const db = getPrisma();
      const caller = await resolveCaller(db, request.headers);
      if (!caller) throw unauthorized();
      const rawParams = (await context?.params) ?? {};
      const rawQuery = searchParams(request);
      assertCleanStrings(rawParams, 'path');
      assertCleanStrings(rawQuery, 'query');
      const params = parseOrThrow(endpoint.params ?? (z.object({}) as z.ZodType<P>), rawParams, 'path');
      const query = parseOrThrow(endpoint.query ?? (z.object({}).strict() as z.ZodType<Q>), rawQuery, 'query');
      const body = (endpoint.body ? parseOrThrow(endpoint.body, await readJson(request), 'body') : undefined) as B;
      const result = await endpoint.handle({ db, caller, params, query, body, request });
      // Streaming endpoints (exports, live updates) build their own Response.
      if (result instanceof Response) return result;
      if (endpoint.status === 204 || !endpoint.response) return new Response(null, { status: 204 });
      return Response.json(endpoint.response.parse(result), { status: endpoint.status ?? 200 });
    } catch (error) {
      return errorResponse(error);
    }
  };
}

export function errorResponse(error: unknown): Response {
  // An outage is the service's state, not a bug: a 503 tells clients (the editor's autosave) to retry.
  if (!(error instanceof HttpError) && isDatabaseUnavailable(error)) {
    console.error('[glossa] database unavailable:', error instanceof Error ? error.message.trim().split('\n').at(-1) : error);
    return errorResponse(databaseUnavailable());
  }
  if (error instanceof HttpError) {
    const headers = new Headers();
    const retry = (error.details as { retryAfterSeconds?: number } | undefined)?.retryAfterSeconds;
    if (retry) headers.set('retry-after', String(retry));
    return Response.json(errorBody(error), { status: error.status, headers });
  }
  console.error('[glossa] unexpected error', error);
  return Response.json({ error: { code: 'internal_error', message: 'Something went wrong on our side; the error was logged.' } }, { status: 500 });
}

function searchParams(request: Request): Record<string, string> {
  const result: Record<string, string> = {};
  for (const [key, value] of new URL(request.url).searchParams) result[key] = value;
  return result;
}

/**
 * A JSON body, read under `limit` bytes on the stream, strict UTF-8, nesting capped, no NUL or
 * lone surrogate in any string (lib/http/body.ts, lib/http/json.ts). Also used by /api/signup.
 */
export async function readJson(request: Request, limit = MAX_JSON_BYTES): Promise<unknown> {
  const type = request.headers.get('content-type') ?? '';
  if (!/^application\/(.+\+)?json\b/i.test(type)) {
    throw unsupportedMediaType(`Send the request body as JSON (Content-Type: application/json), not "${type || 'none'}".`);
  }
  const text = await readBodyText(request, limit);
  if (text.trim() === '') throw badRequest('The request body is empty; send a JSON object.');
  return parseClientJson(text);
}
