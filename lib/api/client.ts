import type { z } from 'zod';
import type { Contract, Method } from './contract';

/**
 * Requests and answers typed from an endpoint's contract (lib/api/contracts/*): path params,
 * query and body are the schemas' inputs, the answer is the response schema's output (Dates
 * already ISO strings). Changing a schema therefore breaks every client call that no longer
 * fits it at compile time. Plain TypeScript, so the editor core uses it too; the browser's
 * fetch wrapper is `api()` in components/api.ts.
 *
 * The contract is passed as a type and named at run time by its route, which must be the
 * contract's own `METHOD /path` (checked at compile time):
 *   import type * as annotations from '@/lib/api/contracts/annotations';
 *   requestTo<typeof annotations.createAnnotation>('POST /documents/{id}/annotations', { params, body });
 * A type-only import keeps the contracts' zod schemas out of the browser bundle: a page that
 * imported them as values grew by about 40 kB gzipped (bench/RESULTS.md).
 */
// biome-ignore lint/suspicious/noExplicitAny: any contract, whatever its schemas; each call site infers the exact types.
export type AnyContract = Contract<any, any, any, any>;

type InputOf<S> = S extends z.ZodType ? z.input<S> : undefined;

/** Required when the schema requires something, optional when every field is. */
type Field<K extends string, S> = S extends z.ZodType
  ? Record<string, never> extends z.input<S>
    ? { [key in K]?: z.input<S> }
    : { [key in K]: z.input<S> }
  : { [key in K]?: undefined };

/** The JSON body's schema: `body`, or the JSON entry of a raw body that also takes files (document import). */
type BodySchemaOf<C extends AnyContract> = C['body'] extends z.ZodType
  ? C['body']
  : C['rawBody'] extends { 'application/json': infer S extends z.ZodType }
    ? S
    : undefined;

/** A raw body's JSON is optional: the same request may carry a file instead, sent without this client's body (useImportUpload). */
type BodyField<C extends AnyContract> = C['body'] extends z.ZodType ? Field<'body', C['body']> : { body?: InputOf<BodySchemaOf<C>> };

type RequestOf<C extends AnyContract> = Field<'params', C['params']> & Field<'query', C['query']> & BodyField<C>;

/** What the endpoint answers; null for 204 (no response schema). */
export type ResponseOf<C extends AnyContract> = C['response'] extends z.ZodType ? z.output<C['response']> : null;

export type BodyOf<C extends AnyContract> = InputOf<BodySchemaOf<C>>;

/** The route naming a contract: its method and OpenAPI-style path, e.g. `PATCH /annotations/{id}`. */
export type RouteOf<C extends AnyContract> = `${C['method']} ${C['path']}`;

/** `RequestOf<C>` as an argument: omitted entirely when nothing in it is required. */
export type RequestArgs<C extends AnyContract> = Record<string, never> extends RequestOf<C> ? [request?: RequestOf<C>] : [request: RequestOf<C>];

export interface ApiRequest {
  readonly method: Method;
  /** Relative to /api/v1, path parameters filled in and the query appended. */
  readonly path: string;
  readonly body?: unknown;
}

/**
 * The method, path and body that call contract `C` with `request`. `C` is given explicitly
 * (the default, never, accepts no route), so a call cannot silently fall back to untyped.
 */
export function requestTo<C extends AnyContract = never>(route: NoInfer<RouteOf<C>>, ...[request]: RequestArgs<C>): ApiRequest {
  const { params = {}, query = {}, body } = (request ?? {}) as { params?: Record<string, string>; query?: Record<string, unknown>; body?: unknown };
  const space = route.indexOf(' ');
  const method = route.slice(0, space) as Method;
  const path = route.slice(space + 1).replace(/\{(\w+)\}/g, (_, name: string) => {
    const value = params[name];
    // The contract's own placeholder names: a missing one is a programming error, not user input.
    if (value === undefined) throw new Error(`${route}: no value for {${name}}`);
    return encodeURIComponent(value);
  });
  const search = new URLSearchParams();
  for (const [key, value] of Object.entries(query)) if (value !== undefined) search.set(key, String(value));
  const queryText = search.toString();
  return { method, path: queryText ? `${path}?${queryText}` : path, ...(body !== undefined && { body }) };
}
