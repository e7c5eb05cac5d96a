import { readCapped } from '@/lib/http/read-capped';
import { hostRefusal } from './hosts';
import { RecommenderError } from './types';

/**
 * One JSON POST to a recommender's endpoint: the allow-list checked again at run time, a
 * timeout per attempt, retries on 429 and 5xx after the server's Retry-After (seconds or a
 * date, capped) or an exponential backoff, and the answer read under a size limit. Every
 * failure is a RecommenderError whose message becomes the run's message.
 */
export interface CallOptions {
  headers?: Record<string, string>;
  timeoutMs: number;
  retries: number;
  signal?: AbortSignal;
  env?: NodeJS.ProcessEnv;
  /** First backoff; doubled each retry. */
  backoffMs?: number;
}

const MAX_ANSWER_BYTES = 32 * 1024 * 1024;
const MAX_WAIT_MS = 60_000;

export async function postJson(url: string, body: unknown, options: CallOptions): Promise<unknown> {
  const refusal = hostRefusal(url, options.env);
  if (refusal) throw new RecommenderError(refusal);
  const payload = JSON.stringify(body);
  for (let attempt = 0; ; attempt++) {
    const response = await send(url, payload, options);
    if (response.ok) return parse(url, await readAnswer(url, response));
    const retryable = response.status === 429 || response.status >= 500;
    if (!retryable || attempt >= options.retries) {
      const text = (await response.text().catch(() => '')).slice(0, 300);
      throw new RecommenderError(`${url} answered ${response.status}${retryable ? ` after ${attempt + 1} attempts` : ''}: ${text || response.statusText}`);
    }
    await response.body?.cancel();
    await sleep(waitFor(response.headers.get('retry-after'), attempt, options.backoffMs ?? 500), options.signal);
  }
}

async function send(url: string, payload: string, options: CallOptions): Promise<Response> {
  const timeout = AbortSignal.timeout(options.timeoutMs);
  const signal = options.signal ? AbortSignal.any([options.signal, timeout]) : timeout;
  try {
    return await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json', ...options.headers }, body: payload, signal, redirect: 'error' });
  } catch (error) {
    if (options.signal?.aborted) throw new RecommenderError('The run was cancelled.');
    if (timeout.aborted) throw new RecommenderError(`${url} did not answer within ${options.timeoutMs} ms.`);
    const cause = (error as { cause?: { code?: string; message?: string } }).cause;
    throw new RecommenderError(`Could not reach ${url}: ${cause?.code ?? cause?.message ?? (error as Error).message}.`);
  }
}

/** Retry-After in seconds or as an HTTP date; else 500 ms, 1 s, 2 s …; never past a minute. */
export function waitFor(retryAfter: string | null, attempt: number, backoffMs: number): number {
  if (retryAfter) {
    const seconds = Number(retryAfter);
    const ms = Number.isFinite(seconds) ? seconds * 1000 : Date.parse(retryAfter) - Date.now();
    if (Number.isFinite(ms)) return Math.min(Math.max(ms, 0), MAX_WAIT_MS);
  }
  return Math.min(backoffMs * 2 ** attempt, MAX_WAIT_MS);
}

function sleep(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(resolve, ms);
    signal?.addEventListener('abort', () => {
      clearTimeout(timer);
      reject(new RecommenderError('The run was cancelled.'));
    });
  });
}

async function readAnswer(url: string, response: Response): Promise<string> {
  const declared = Number(response.headers.get('content-length'));
  if (declared > MAX_ANSWER_BYTES) throw new RecommenderError(`${url} answered ${declared} bytes, over the ${MAX_ANSWER_BYTES}-byte limit.`);
  const bytes = await readCapped(response.body, MAX_ANSWER_BYTES, () => new RecommenderError(`${url} answered more than ${MAX_ANSWER_BYTES} bytes.`));
  return Buffer.from(bytes).toString('utf8');
}

function parse(url: string, text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    throw new RecommenderError(`${url} answered something that is not JSON: ${text.slice(0, 120) || '(empty)'}`);
  }
}
