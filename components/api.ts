import type { Method } from '@/lib/api/contract';
import { HttpError } from '@/lib/http/errors';
import { requestTo, type AnyContract, type RequestArgs, type ResponseOf, type RouteOf } from '@/lib/api/client';

/**
 * The browser's one way to call Glossa's JSON API. The session cookie travels
 * with same-origin requests, so no token handling is needed here.
 */
export const API_V1 = '/api/v1';

/** A non-2xx answer: the server's HttpError as it arrived; `message` is the server's own text, written to be shown to users. */
export class ApiError extends HttpError {
  override name = 'ApiError';
}

/**
 * `T` is the success body; endpoints that answer 204 keep the default `null`.
 * Throws ApiError on a non-2xx answer and a plain Error when the server is unreachable.
 */
export async function apiFetch<T = null>(path: string, { method = 'GET', body }: { method?: Method; body?: unknown } = {}): Promise<T> {
  let response: Response;
  try {
    response = await fetch(path, {
      method,
      headers: body === undefined ? undefined : { 'content-type': 'application/json' },
      body: body === undefined ? undefined : JSON.stringify(body),
      credentials: 'same-origin',
    });
  } catch {
    throw new Error('Could not reach the server. Check your connection and try again.');
  }
  if (response.status === 204) return null as T;
  const payload: unknown = await response.json().catch(() => null);
  if (!response.ok) throw toApiError(response.status, payload);
  return payload as T;
}

/**
 * Calls an /api/v1 endpoint with the request its contract takes and answers what it returns,
 * both typed from the contract (lib/api/client.ts), e.g.
 * `api<typeof annotations.createAnnotation>('POST /documents/{id}/annotations', { params: { id }, body })`.
 */
export function api<C extends AnyContract = never>(route: NoInfer<RouteOf<C>>, ...request: RequestArgs<C>): Promise<ResponseOf<C>> {
  const { method, path, body } = requestTo<C>(route, ...request);
  return apiFetch<ResponseOf<C>>(`${API_V1}${path}`, { method, body });
}

/** The API's error body as an ApiError; also for requests made without fetch (uploads with progress). */
export function toApiError(status: number, payload: unknown): ApiError {
  const error = (payload as { error?: { code?: unknown; message?: unknown; details?: unknown } } | null)?.error;
  if (error && typeof error.message === 'string') {
    return new ApiError(status, typeof error.code === 'string' ? error.code : 'error', error.message, error.details);
  }
  // A proxy page or a crash without the API's error shape.
  return new ApiError(status, 'error', `The request failed (HTTP ${status}). Please try again.`);
}

/** The text to show for anything a form action threw. */
export function errorMessage(error: unknown): string {
  return error instanceof Error && error.message ? error.message : 'Something went wrong. Please try again.';
}
