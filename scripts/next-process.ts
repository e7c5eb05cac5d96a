import { spawn, type ChildProcess, type StdioOptions } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { heapLimitArgs } from './heap-limit';
import { describeExit } from './supervise';

/**
 * Running Next.js as a child process: `npm start`, the browser test setup and the
 * two-instance test all build, serve and wait for the app the same way.
 */
export const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

export function spawnNext(args: string[], options: { env?: Record<string, string | undefined>; stdio?: StdioOptions } = {}): ChildProcess {
  const env = { ...process.env, ...options.env, NEXT_TELEMETRY_DISABLED: '1' };
  // The production server runs under Glossa's heap limit (./heap-limit); builds and `next dev` under Node's own.
  // Servers get the peer address appended to X-Forwarded-For (./peer-address.mjs, lib/http/client-address.ts).
  const peer = ['--import', pathToFileURL(path.join(root, 'scripts', 'peer-address.mjs')).href];
  const node = args[0] === 'start' ? [...heapLimitArgs(env), ...peer] : args[0] === 'dev' ? peer : [];
  return spawn(process.execPath, [...node, path.join(root, 'node_modules', 'next', 'dist', 'bin', 'next'), ...args], {
    cwd: root,
    stdio: options.stdio ?? 'inherit',
    env,
  });
}

/** Runs a one-off command such as `next build`; rejects with its exit code. */
export function runNext(args: string[], env?: Record<string, string | undefined>): Promise<void> {
  return new Promise((resolve, reject) => {
    spawnNext(args, { env }).once('exit', (code) => (code === 0 ? resolve() : reject(new Error(`next ${args.join(' ')} failed (exit code ${code}).`))));
  });
}

/** Resolves once GET /api/health answers 200; fails early if the server exits. */
export async function waitForHealth(url: string, server: ChildProcess, timeoutMs = 120_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    // A server killed by a signal has no exit code, only a signal code.
    if (server.exitCode !== null || server.signalCode !== null) throw new Error(`the server ${describeExit(server)} before it became healthy.`);
    if (
      await fetch(`${url}/api/health`).then(
        (r) => r.ok,
        () => false,
      )
    )
      return;
    await new Promise((resolve) => setTimeout(resolve, 300));
  }
  throw new Error(`the app did not become healthy within ${Math.round(timeoutMs / 1000)} s.`);
}
