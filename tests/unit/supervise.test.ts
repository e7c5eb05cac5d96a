import { spawn, type ChildProcess } from 'node:child_process';
import { afterEach, describe, expect, it } from 'vitest';
import { exited, stopProcess, supervise, type Supervisor } from '../../scripts/supervise';

/**
 * The supervision of `npm start` (scripts/supervise.ts) against fake servers: plain Node
 * processes that idle, and one that ignores SIGTERM. Killing them with SIGKILL is what the OOM
 * killer does to a real server; the old start script then waited forever for an `exit` event
 * that had already fired.
 */
const IDLE = 'setInterval(() => {}, 1000)';
const STUBBORN = `process.on('SIGTERM', () => console.log('ignoring SIGTERM')); console.log('ready'); ${IDLE}`;

const fake = (code = IDLE) => spawn(process.execPath, ['-e', code], { stdio: ['ignore', 'pipe', 'inherit'] });
const started: ChildProcess[] = [];
const supervisors: Supervisor[] = [];

function watch(code = IDLE, options: { backoffMs?: (n: number) => number; maxFailures?: number; graceMs?: number } = {}) {
  const lines: string[] = [];
  const supervisor = supervise({
    spawn: () => {
      const child = fake(code);
      started.push(child);
      return child;
    },
    log: (line) => lines.push(line),
    backoffMs: () => 50,
    ...options,
  });
  supervisors.push(supervisor);
  return { supervisor, lines };
}

async function until(condition: () => boolean, what: string, timeoutMs = 10_000) {
  const deadline = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

const ready = (child: ChildProcess) => new Promise<void>((resolve) => child.stdout!.once('data', () => resolve()));

afterEach(async () => {
  for (const supervisor of supervisors.splice(0)) await supervisor.stop();
  for (const child of started.splice(0)) if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
});

describe('exited', () => {
  it('resolves for a process whose exit event fired before the call (killed by a signal, no exit code)', async () => {
    const child = fake();
    started.push(child);
    child.kill('SIGKILL');
    await new Promise((resolve) => child.once('exit', resolve));
    expect(child.exitCode).toBeNull();
    expect(child.signalCode).toBe('SIGKILL');
    // The old start script waited on once('exit') here, and never returned.
    await expect(exited(child)).resolves.toBeUndefined();
  });
});

describe('supervise', () => {
  it('restarts a server killed by SIGKILL after the backoff, saying why', async () => {
    const { supervisor, lines } = watch();
    const first = supervisor.current();
    first.kill('SIGKILL');
    await until(() => supervisor.current() !== first, 'the restart');
    expect(lines).toEqual(['The server was killed by SIGKILL; restarting it in 0.05 s (failure 1 of 5).']);
    expect(supervisor.current().exitCode).toBeNull();
    expect(supervisor.current().signalCode).toBeNull();
  });

  it('gives up after repeated failures, so npm start exits non-zero', async () => {
    const { supervisor, lines } = watch('process.exit(3)', { maxFailures: 3 });
    await expect(supervisor.done).resolves.toBe(1);
    expect(started).toHaveLength(3);
    expect(lines.at(-1)).toBe('The server exited with code 3; it failed 3 times in a row, giving up (exit code 1).');
  });

  it('kills a server that ignores SIGTERM once the grace period is over', async () => {
    const { supervisor, lines } = watch(STUBBORN, { graceMs: 300 });
    const child = supervisor.current();
    await ready(child);
    await supervisor.stop();
    expect(child.signalCode).toBe('SIGKILL');
    expect(lines).toEqual(['The server did not stop within 0.3 s of SIGTERM; killing it (SIGKILL).']);
    await expect(supervisor.done).resolves.toBe(0);
  });

  it('stops a server that honours SIGTERM without killing it, and does not restart it', async () => {
    const { supervisor, lines } = watch(IDLE, { graceMs: 5_000 });
    const child = supervisor.current();
    await supervisor.stop();
    expect(child.signalCode).toBe('SIGTERM');
    // Once the supervisor is done it starts nothing more, so no wait is needed to see no restart.
    await expect(supervisor.done).resolves.toBe(0);
    expect(started).toHaveLength(1);
    expect(lines).toEqual([]);
  });

  it('stopping after the server already died by a signal returns at once', async () => {
    const child = fake();
    started.push(child);
    child.kill('SIGKILL');
    await exited(child);
    await stopProcess(child, 60_000, () => {});
    expect(child.signalCode).toBe('SIGKILL');
  });
});
