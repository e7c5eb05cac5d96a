import { toApiError } from '@/components/api';
import type { ResponseOf } from '@/lib/api/client';
import type * as documents from '@/lib/api/contracts/documents';

/** The 201 body of POST /projects/{id}/documents. */
export type ImportReport = ResponseOf<typeof documents.importDocuments>;

/** One entry of a 422 `import_rejected` answer's details. */
export interface ImportProblem {
  file: string;
  line?: number;
  record?: number;
  reason: string;
}

export function isImportProblem(value: unknown): value is ImportProblem {
  const candidate = value as Partial<Record<keyof ImportProblem, unknown>> | null;
  return typeof candidate?.file === 'string' && typeof candidate.reason === 'string';
}

interface UploadHandlers {
  /** Fraction of the request body sent, or null when the browser cannot tell. */
  onProgress: (fraction: number | null) => void;
  /** The whole body is sent; the server is parsing and storing now. */
  onUploaded: () => void;
}

/**
 * Posts multipart form data with XMLHttpRequest rather than fetch, because only
 * XHR reports upload progress. Resolves with the body of a 2xx answer; rejects
 * with ApiError (the server's message and details) or a plain Error when the
 * server cannot be reached. `abort` cancels a request still uploading.
 */
export function uploadForm<T>(url: string, body: FormData, { onProgress, onUploaded }: UploadHandlers): { done: Promise<T>; abort: () => void } {
  const xhr = new XMLHttpRequest();
  const done = new Promise<T>((resolve, reject) => {
    xhr.upload.addEventListener('progress', (event) => onProgress(event.lengthComputable ? event.loaded / event.total : null));
    xhr.upload.addEventListener('load', onUploaded);
    xhr.addEventListener('load', () => {
      const payload = parseJson(xhr.responseText);
      if (xhr.status >= 200 && xhr.status < 300) resolve(payload as T);
      else reject(toApiError(xhr.status, payload));
    });
    xhr.addEventListener('error', () => reject(new Error('Could not reach the server. Check your connection and try again.')));
    xhr.addEventListener('abort', () => reject(new DOMException('The upload was cancelled.', 'AbortError')));
    xhr.open('POST', url);
    xhr.withCredentials = true;
    xhr.send(body);
  });
  return { done, abort: () => xhr.abort() };
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return null;
  }
}
