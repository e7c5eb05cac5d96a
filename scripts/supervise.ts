import type { ChildProcess } from 'node:child_process';

/**
 * Keeps the app server running under `npm start`. When it dies — an exit code, or a signal such
 * as the kernel's OOM SIGKILL — the reason is logged and it is started again after a backoff
 * (1, 2, 4 … up to 30 s). A server that dies again and again without staying up a minute is
 * given up on: `done` resolves with 1 and `npm start` exits non-zero, so systemd or Docker
 * restart the whole thing (PostgreSQL included) and a broken build does not loop forever.
 * Stopping sends SIGTERM and, after `graceMs`, SIGKILL to a server that ignores it.
 */
interface SuperviseOptions {
  spawn: () => ChildProcess;
  log: (line: string) => void;
  /** How long a server may take to stop after SIGTERM before it is killed. */
  graceMs?: number;
  /** A server that stayed up this long is healthy again: the backoff starts over. */
  stableMs?: number;
  /** Failures in a row (each up for less than `stableMs`) after which supervision gives up. */
  maxFailures?: number;
  backoffMs?: (failures: number) => number;
}

export interface Supervisor {
  /** The server process running now. */
  current(): ChildProcess;
  /** Resolves with the exit code `npm start` should end with once supervision gave up. */
  done: Promise<number>;
  /** Stops the server (SIGTERM, then SIGKILL after the grace period) and supervision. */
  stop(): Promise<void>;
}

const defaultBackoffMs = (failures: number) => Math.min(30_000, 1000 * 2 ** (failures - 1));

/** Resolves when `child` has exited, including when it already had: its `exit` event fired once, before this was called. */
export function exited(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => child.once('exit', () => resolve()));
}

export function describeExit(child: ChildProcess): string {
  return child.signalCode ? `was killed by ${child.signalCode}` : `exited with code ${child.exitCode}`;
}

/** SIGTERM, then SIGKILL if the process is still there after `graceMs`. */
export async function stopProcess(child: ChildProcess, graceMs: number, log: (line: string) => void): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  child.kill('SIGTERM');
  let timer: NodeJS.Timeout | undefined;
  const graceOver = new Promise<'timeout'>((resolve) => (timer = setTimeout(() => resolve('timeout'), graceMs)));
  const outcome = await Promise.race([exited(child).then(() => 'exited' as const), graceOver]);
  clearTimeout(timer);
  if (outcome === 'timeout') {
    log(`The server did not stop within ${graceMs / 1000} s of SIGTERM; killing it (SIGKILL).`);
    child.kill('SIGKILL');
    await exited(child);
  }
}

export function supervise(options: SuperviseOptions): Supervisor {
  const { spawn, log, graceMs = 10_000, stableMs = 60_000, maxFailures = 5, backoffMs = defaultBackoffMs } = options;
  let stopping = false;
  let failures = 0;
  let retry: NodeJS.Timeout | undefined;
  let finish: (code: number) => void = () => {};
  const done = new Promise<number>((resolve) => (finish = resolve));

  const start = (): ChildProcess => {
    const child = spawn();
    const startedAt = Date.now();
    child.once('exit', () => {
      if (stopping) return;
      failures = Date.now() - startedAt >= stableMs ? 1 : failures + 1;
      if (failures >= maxFailures) {
        log(`The server ${describeExit(child)}; it failed ${failures} times in a row, giving up (exit code 1).`);
        stopping = true;
        finish(1);
        return;
      }
      const wait = backoffMs(failures);
      log(`The server ${describeExit(child)}; restarting it in ${wait / 1000} s (failure ${failures} of ${maxFailures}).`);
      retry = setTimeout(() => (running = start()), wait);
    });
    return child;
  };
  let running = start();

  return {
    current: () => running,
    done,
    async stop() {
      stopping = true;
      clearTimeout(retry);
      await stopProcess(running, graceMs, log);
      finish(0);
    },
  };
}
