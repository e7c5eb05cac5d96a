import { API_V1 } from '@/components/api';
import type { ApiRequest } from '@/lib/api/client';
import type { ApiResponse, Transport } from '@/lib/editor/sync';

/**
 * The sync queue's way to the API. Unlike `apiFetch` it hands back every status with its
 * body instead of throwing, since the queue treats 5xx, 4xx and 409 differently; it only
 * rejects when the server cannot be reached.
 */
export const fetchTransport: Transport = {
  async send({ method, path, body }: ApiRequest): Promise<ApiResponse> {
    const response = await fetch(`${API_V1}${path}`, {
      method,
      headers: body === undefined ? undefined : { 'content-type': 'application/json' },
      body: body === undefined ? undefined : JSON.stringify(body),
      credentials: 'same-origin',
    });
    const payload: unknown = response.status === 204 ? null : await response.json().catch(() => null);
    return { status: response.status, body: payload };
  },
};
