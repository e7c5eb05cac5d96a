import { HttpError, errorBody } from '@/lib/http/errors';
import { routeHandler, type AnyEndpoint } from './endpoint';

/**
 * What a route module under app/api exports: a handler for every HTTP method, so that a
 * method the path does not support answers the API's JSON error (405 with `Allow`) instead
 * of Next's empty 405, and OPTIONS lists what it does support.
 */
// biome-ignore lint/suspicious/noExplicitAny: Next passes `{ params }`; each handler declares the params it expects.
type Handler = (request: Request, context: any) => Promise<Response> | Response;
const METHODS = ['GET', 'POST', 'PUT', 'PATCH', 'DELETE'] as const;
type Method = (typeof METHODS)[number];
type RouteHandlers = Record<Method | 'HEAD' | 'OPTIONS', Handler>;

export function methodsRoute<H extends Partial<Record<Method, Handler>>>(handlers: H): RouteHandlers & H {
  const supported = METHODS.filter((method) => handlers[method]);
  const allow = [...supported, ...(handlers.GET ? ['HEAD'] : []), 'OPTIONS'].sort().join(', ');
  const notAllowed: Handler = (request) =>
    Response.json(
      errorBody(
        new HttpError(405, 'method_not_allowed', `${request.method} is not allowed on ${new URL(request.url).pathname}; it answers ${supported.join(', ')}.`, {
          allow: supported,
        }),
      ),
      { status: 405, headers: { allow } },
    );
  const route = Object.fromEntries(METHODS.map((method) => [method, handlers[method] ?? notAllowed])) as Record<Method, Handler>;
  // biome-ignore lint/correctness/noComponentHookFactories: OPTIONS is an HTTP method handler, not a React component.
  return { ...route, HEAD: handlers.GET ?? notAllowed, OPTIONS: () => new Response(null, { status: 204, headers: { allow } }) } as unknown as RouteHandlers & H;
}

/** The route module of one /api/v1 path, from its endpoint definitions. */
export function endpointRoute(...endpoints: AnyEndpoint[]): RouteHandlers {
  return methodsRoute(Object.fromEntries(endpoints.map((endpoint) => [endpoint.method, routeHandler(endpoint)])));
}
