import { execFile } from 'node:child_process';
import path from 'node:path';
import { promisify } from 'node:util';

const run = promisify(execFile);
const BIN = path.resolve('bin/glossa.mjs');

export interface GlossaOptions {
  /** Set over this process's environment (which carries the file's DATABASE_URL). */
  env?: Record<string, string | undefined>;
  /** Written to the command's stdin, which is then closed. */
  stdin?: string;
  timeout?: number;
  maxBuffer?: number;
}

/**
 * Runs `bin/glossa.mjs` as a user runs it. A failing command is an answer to assert on (its
 * exit code and output), not a thrown error, so tests check the message a user would read.
 */
export async function glossa(args: string[], { env = {}, stdin, timeout = 60_000, maxBuffer }: GlossaOptions = {}) {
  try {
    const child = run(process.execPath, [BIN, ...args], { env: { ...process.env, ...env }, timeout, ...(maxBuffer && { maxBuffer }) });
    if (stdin !== undefined) child.child.stdin?.end(stdin);
    const { stdout, stderr } = await child;
    return { code: 0, stdout, stderr };
  } catch (error) {
    const failed = error as { code: number; stdout: string; stderr: string };
    return { code: failed.code, stdout: failed.stdout, stderr: failed.stderr };
  }
}
