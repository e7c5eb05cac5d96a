/**
 * A start-up failure the user can act on: what went wrong and how to fix it.
 * Entry points print `message` and `fix` instead of a stack trace.
 */
export class StartupError extends Error {
  constructor(
    message: string,
    readonly fix: string,
    options?: { cause?: unknown },
  ) {
    super(message, options);
    this.name = 'StartupError';
  }
}

export function describeStartupError(error: unknown): string {
  if (error instanceof StartupError) return `✖ ${error.message}\n  → ${error.fix}`;
  const message = error instanceof Error ? error.message : String(error);
  return `✖ ${message}`;
}
