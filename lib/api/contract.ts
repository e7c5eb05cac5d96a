import type { z } from 'zod';

/**
 * What the client and the server agree on for one /api/v1 operation: method, path and the
 * zod schemas of its params, query, body and response. Contracts live in lib/api/contracts/
 * apart from their handlers (lib/api/endpoints/) so the browser can import them — the typed
 * client (lib/api/client.ts) infers every request and answer from them — without pulling a
 * database or server module into its bundle.
 */
export type Method = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

export interface Contract<P = unknown, Q = unknown, B = unknown, R = unknown> {
  method: Method;
  /** OpenAPI-style path below /api/v1, e.g. `/projects/{id}`. */
  path: string;
  summary: string;
  tag: string;
  params?: z.ZodType<P>;
  query?: z.ZodType<Q>;
  body?: z.ZodType<B>;
  /** For bodies the handler reads itself (files, streams): what to publish in OpenAPI, per content type. */
  rawBody?: Record<string, z.ZodType | 'binary'>;
  /** Absent for 204 responses and for streams (handlers then return a Response). Handlers return its input (e.g. Dates), the client gets its output. */
  response?: z.ZodType<unknown, R>;
  status?: 200 | 201 | 204;
  /** For streamed responses: what to publish in OpenAPI, per content type. */
  rawResponse?: Record<string, string>;
  /** Error statuses this operation can answer besides 400/401. */
  errors?: readonly number[];
  /** For error statuses whose `details` have a fixed shape (an import's 422): that shape, published in OpenAPI. */
  errorDetails?: Partial<Record<number, z.ZodType>>;
}

/** Keeps the literal method and the exact schema types, which the typed client infers from. */
// biome-ignore lint/suspicious/noExplicitAny: the bound only checks the shape; C keeps the exact schema types.
export function defineContract<const C extends Contract<any, any, any, any>>(contract: C): C {
  return contract;
}
