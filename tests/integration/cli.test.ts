import { execFile } from 'node:child_process';
import { chmodSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { call } from '../support/api';

const run = promisify(execFile);
const BIN = path.resolve('bin/glossa.mjs');

async function glossa(args: string[], env: Record<string, string | undefined>) {
  try {
    const { stdout, stderr } = await run(process.execPath, [BIN, ...args], { env: { ...process.env, ...env }, timeout: 60_000 });
    return { code: 0, stdout, stderr };
  } catch (error) {
    const failed = error as { code: number; stdout: string; stderr: string };
    return { code: failed.code, stdout: failed.stdout, stderr: failed.stderr };
  }
}

describe('glossa CLI', () => {
  it('creates a user and a token that the API accepts', async () => {
    const env = { DATABASE_URL: process.env.DATABASE_URL };
    const created = await glossa(['user', 'create', '--email', 'cli@example.org', '--name', 'CLI User', '--password', 'a long enough passphrase'], env);
    expect(created.code, created.stderr).toBe(0);
    expect(created.stdout).toContain('Created user cli@example.org');
    const token = await glossa(['token', 'create', '--email', 'cli@example.org'], env);
    expect(token.code, token.stderr).toBe(0);
    const projects = await call('GET', '/projects', {}, { token: token.stdout.trim() });
    expect(projects.status).toBe(200);
    expect(projects.body).toEqual({ items: [], nextCursor: null });
  });

  it('fails with a clear message and a non-zero exit code on bad input, also on the embedded database', async () => {
    const dataRoot = mkdtempSync(path.join(tmpdir(), 'glossa-cli-'));
    chmodSync(dataRoot, 0o755);
    try {
      const env = { DATABASE_URL: undefined, GLOSSA_DATA_DIR: dataRoot };
      const missing = await glossa(['token', 'create', '--email', 'nobody@example.org'], env);
      expect(missing.code).toBe(2);
      expect(missing.stderr).toContain('No user with e-mail nobody@example.org.');
      const usage = await glossa(['user', 'create', '--email', 'x@example.org'], env);
      expect(usage.code).toBe(2);
      expect(usage.stderr).toContain('Missing --name, --password.');
      const unknown = await glossa(['frobnicate'], env);
      expect(unknown.code).toBe(2);
      expect(unknown.stderr).toContain('Unknown command: frobnicate');
    } finally {
      rmSync(dataRoot, { recursive: true, force: true });
    }
  });
});
