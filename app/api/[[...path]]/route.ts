import { errorBody, HttpError } from '@/lib/http/errors';

// Any /api path no route matches: the API's JSON error, not Next's HTML 404 page.
function notFound(request: Request): Response {
  const path = new URL(request.url).pathname;
  const error = new HttpError(404, 'not_found', `There is no API endpoint at ${path}; the API is described at /api/v1/openapi.json.`);
  return Response.json(errorBody(error), { status: 404 });
}

export const dynamic = 'force-dynamic';
export { notFound as GET, notFound as POST, notFound as PUT, notFound as PATCH, notFound as DELETE, notFound as HEAD, notFound as OPTIONS };
