import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Worker as WorkerType } from 'node:worker_threads';
import { describeLimit, type ImportLimits } from '../limits';
import { ImportError, type SourceLocation } from '../types';

/**
 * Runs one heavy parse (lib/import/worker/extract.mjs) in a worker thread under the parser
 * limits: its own V8 heap of GLOSSA_PARSER_HEAP_MB, terminated after GLOSSA_PARSER_SECONDS, at
 * most GLOSSA_PARSER_WORKERS at once (later ones queue). A worker that runs out of memory or
 * time is a 422 naming the limit; the server keeps its heap and its event loop.
 */
/** What each task needs besides the file's bytes. */
export interface SandboxOptions {
  /** Only entries whose names match this (case-insensitive) are inflated. */
  zip: { pattern: string };
  docx: Record<string, never>;
  pdf: Record<string, never>;
}

export interface SandboxResults {
  zip: { names: string[]; entries: Record<string, Uint8Array> };
  docx: { text: string };
  pdf: { totalPages: number; text: string[] };
}

/** The worker ran but the file is unreadable or over a structural limit; `limit` names which. */
export class SandboxFailure extends Error {
  constructor(
    message: string,
    readonly limit: keyof ImportLimits | undefined,
  ) {
    super(message);
  }
}

export async function inSandbox<K extends keyof SandboxOptions>(
  kind: K,
  bytes: Uint8Array,
  options: SandboxOptions[K],
  location: SourceLocation,
  limits: ImportLimits,
): Promise<SandboxResults[K]> {
  await slots.acquire(limits.parserWorkers);
  try {
    return (await run({ kind, bytes, ...options }, location, limits)) as SandboxResults[K];
  } finally {
    slots.release();
  }
}

function run(task: { kind: keyof SandboxOptions; bytes: Uint8Array }, location: SourceLocation, limits: ImportLimits): Promise<unknown> {
  return new Promise((resolve, reject) => {
    const worker = new (workerThreads().Worker)(workerFile(), {
      workerData: { ...task, limits },
      resourceLimits: { maxOldGenerationSizeMb: limits.parserHeapMb, maxYoungGenerationSizeMb: 32, stackSizeMb: 4 },
    });
    const tooBig = () =>
      new ImportError(location, `the file is too large or complex to parse within ${describeLimit('parserHeapMb', limits)} of parser memory`);
    let settled = false;
    const settle = (action: () => void) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      action();
      void worker.terminate();
    };
    const timer = setTimeout(
      () => settle(() => reject(new ImportError(location, `parsing the file took longer than ${describeLimit('parserMs', limits)}`))),
      limits.parserMs,
    );
    worker.on('message', (message: { ok: true; result: unknown } | { ok: false; limit?: keyof ImportLimits; message: string }) =>
      settle(() => (message.ok ? resolve(message.result) : reject(new SandboxFailure(message.message, message.limit)))),
    );
    worker.on('error', (error: Error & { code?: string }) =>
      settle(() => reject(error.code === 'ERR_WORKER_OUT_OF_MEMORY' ? tooBig() : new SandboxFailure(error.message, undefined))),
    );
    // An exit without an answer: V8 ended the worker (heap exhausted in a way it could not report).
    worker.on('exit', () => settle(() => reject(tooBig())));
  });
}

/** A structural limit the worker hit, as the import problem that names it. */
export function limitProblem(failure: SandboxFailure, location: SourceLocation, limits: ImportLimits): ImportError | undefined {
  return failure.limit ? new ImportError(location, `${failure.message}, over ${describeLimit(failure.limit, limits)}`) : undefined;
}

/**
 * The worker is plain JavaScript in the source tree: beside this module when it runs from
 * source (tests, the glossa command), under the working directory when it runs from the Next.js
 * bundle (`next start` runs in the project root).
 */
function workerFile(): string {
  const relative = path.join('lib', 'import', 'worker', 'extract.mjs');
  try {
    const besideSource = path.join(path.dirname(fileURLToPath(import.meta.url)), '..', 'worker', 'extract.mjs');
    if (existsSync(besideSource)) return besideSource;
  } catch {
    // import.meta.url is not a file: URL inside some bundles.
  }
  return path.join(process.cwd(), relative);
}

/**
 * node:worker_threads, fetched at run time: Turbopack rewrites a `new Worker(path)` it can see
 * into a worker of its own bundle and then looks the path up in a table that does not hold it.
 */
function workerThreads(): { Worker: typeof WorkerType } {
  return process.getBuiltinModule('node:worker_threads');
}

/** A counting semaphore: at most `max` parses run, the rest wait in arrival order. */
const slots = (() => {
  let running = 0;
  const waiting: (() => void)[] = [];
  return {
    async acquire(max: number) {
      if (running < max) {
        running++;
        return;
      }
      await new Promise<void>((resolve) => waiting.push(resolve));
    },
    release() {
      const next = waiting.shift();
      if (next) next();
      else running--;
    },
  };
})();
