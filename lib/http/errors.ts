/**
 * Expected failures, each with its HTTP status and a stable machine-readable code.
 * Anything else that escapes a handler is a bug and becomes a 500 (docs/ARCHITECTURE.md §9, errors).
 */
export class HttpError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly details?: unknown,
  ) {
    super(message);
    this.name = 'HttpError';
  }
}

export const badRequest = (message: string, details?: unknown) => new HttpError(400, 'bad_request', message, details);
export const validationFailed = (message: string, details?: unknown) => new HttpError(400, 'validation_failed', message, details);
export const unauthorized = (message = 'Sign in or send a valid API token (Authorization: Bearer …).') => new HttpError(401, 'unauthorized', message);
export const forbidden = (message: string) => new HttpError(403, 'forbidden', message);
export const notFound = (what: string) => new HttpError(404, 'not_found', `${what} not found.`);
export const payloadTooLarge = (message: string) => new HttpError(413, 'payload_too_large', message);
export const conflict = (message: string, details?: unknown) => new HttpError(409, 'conflict', message, details);
/** A write based on a stale version: `details.current` is the item as it is now, to show or merge. */
export const versionConflict = (message: string, current: unknown) => new HttpError(409, 'version_conflict', message, { current });
export const unsupportedMediaType = (message: string) => new HttpError(415, 'unsupported_media_type', message);
export const tooManyRequests = (message: string, retryAfterSeconds: number) => new HttpError(429, 'rate_limited', message, { retryAfterSeconds });
export const databaseUnavailable = () =>
  new HttpError(503, 'database_unavailable', 'The database cannot be reached at the moment; nothing was changed. Try again shortly.', {
    retryAfterSeconds: 5,
  });

// Prisma: can't reach / timed out / connection closed / pool timeout.
const PRISMA_UNREACHABLE = new Set(['P1001', 'P1002', 'P1017', 'P2024']);
const ADAPTER_UNREACHABLE = new Set(['DatabaseNotReachable', 'ConnectionClosed', 'SocketTimeout', 'TooManyConnections']);
const SOCKET_UNREACHABLE = new Set(['ECONNREFUSED', 'ECONNRESET', 'ETIMEDOUT', 'ENOTFOUND', 'EPIPE']);
// PostgreSQL shutting down, crashed, starting up, or out of connections; class 08 is a lost connection.
const SQLSTATE_UNAVAILABLE = /^(08...|57P0[123]|53300)$/;
// node-postgres reports these with a bare Error: a connection dropped mid-query, a connect that
// ran past its timeout (a client's "timeout expired", the pool's "connection timeout"), and
// pg-pool's "timeout exceeded" when every pooled connection stayed busy that long (Prisma's
// adapter passes it on as it is).
const PG_UNREACHABLE_MESSAGE = /^(Connection terminated|timeout expired$|timeout exceeded when trying to connect)|connection error and is not queryable/;

/**
 * Whether `error` means the database is down, restarting or out of connections — a
 * temporary state of the service, not a bug — judged from Prisma's error code, its
 * driver adapter's error kind, or the node-postgres / socket error underneath.
 */
export function isDatabaseUnavailable(error: unknown): boolean {
  for (let current = error, depth = 0; current && typeof current === 'object' && depth < 5; depth++) {
    const { code, message, meta, cause } = current as { code?: unknown; message?: unknown; meta?: { driverAdapterError?: unknown }; cause?: unknown };
    if (typeof code === 'string' && (PRISMA_UNREACHABLE.has(code) || SOCKET_UNREACHABLE.has(code) || SQLSTATE_UNAVAILABLE.test(code))) return true;
    if (typeof message === 'string' && PG_UNREACHABLE_MESSAGE.test(message)) return true;
    // Prisma's interactive transaction found no free pooled connection within its maxWait.
    if (code === 'P2028' && typeof message === 'string' && message.includes('Unable to start a transaction in the given time')) return true;
    // A transaction that outlived its time limit: the database is too slow to answer in time now, so
    // the client may retry later (nothing of the transaction was committed).
    if (code === 'P2028' && typeof message === 'string' && message.includes('expired transaction')) return true;
    const adapter = (meta?.driverAdapterError as { cause?: { kind?: unknown; originalCode?: unknown } } | undefined)?.cause;
    if (adapter && (ADAPTER_UNREACHABLE.has(String(adapter.kind)) || SQLSTATE_UNAVAILABLE.test(String(adapter.originalCode ?? '')))) return true;
    current = cause;
  }
  return false;
}

export interface ErrorBody {
  error: { code: string; message: string; details?: unknown };
}

export function errorBody(error: HttpError): ErrorBody {
  return { error: { code: error.code, message: error.message, ...(error.details === undefined ? {} : { details: error.details }) } };
}

/** A state-changing request sent by a page of another origin with the user's cookie (lib/http/origin.ts). */
export const crossOriginForbidden = (message: string, details?: unknown) => new HttpError(403, 'cross_origin_forbidden', message, details);
