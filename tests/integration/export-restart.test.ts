import { spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { existsSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { getPrisma } from '@/lib/db/client';
import { reviewAgreement } from '@/lib/export/agreement';
import { exportQuery } from '@/lib/export/query';
import { exportProject } from '@/lib/export/run';
import { makeProject, makeUser } from '../support/fixtures';
import { contentFingerprint, fillProject } from '../support/large-project';

/**
 * `glossa export --out FILE` stopped midway (issue #9): killed outright, or interrupted with
 * Ctrl-C. FILE never holds a truncated export — an earlier export there stays as it was —
 * the database is unchanged, and the next export is complete and the same as before.
 */
const db = getPrisma();
const DOCUMENTS = 1200;
const BASE_URL = 'http://localhost';
const PREVIOUS = 'an earlier export\n';
const folder = mkdtempSync(path.join(tmpdir(), 'glossa-export-restart-'));
const out = path.join(folder, 'all.jsonl');
let projectId = '';
let expected: Buffer;
const children: ChildProcess[] = [];

beforeAll(async () => {
  const owner = await makeUser(db, 'owner');
  projectId = (await makeProject(db, { OWNER: owner })).id;
  await fillProject(db, projectId, owner.id, DOCUMENTS);
  const { stream } = await exportProject(db, projectId, {
    ...exportQuery.parse({ format: 'jsonl', source: 'all' }),
    baseUrl: BASE_URL,
    agreement: reviewAgreement,
  });
  expected = Buffer.from(await new Response(stream).arrayBuffer());
}, 60_000);

// A test that fails midway must not leave its export running into the next one.
afterEach(() => {
  for (const child of children.splice(0)) if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
});

afterAll(() => rmSync(folder, { recursive: true, force: true }));

function exportCli() {
  const child = spawn(
    process.execPath,
    [path.resolve('bin/glossa.mjs'), 'export', '--project', projectId, '--format', 'jsonl', '--source', 'all', '--base-url', BASE_URL, '--out', out],
    { env: { ...process.env }, stdio: ['ignore', 'ignore', 'pipe'] },
  );
  children.push(child);
  let stderr = '';
  child.stderr!.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  const exited = once(child, 'exit').then(([code, signal]) => ({ code: code as number | null, signal: signal as NodeJS.Signals | null, stderr }));
  return { child, exited };
}

/** Resolves once the export has written its first megabyte, i.e. is well under way (a cold start compiles the CLI first). */
async function underWay(): Promise<void> {
  const deadline = Date.now() + 60_000;
  while (Date.now() < deadline) {
    if (existsSync(`${out}.partial`) && statSync(`${out}.partial`).size > 1024 * 1024) return;
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
  throw new Error('the export did not start writing within 60 s');
}

describe('glossa export stopped midway', () => {
  it('killed (SIGKILL): the earlier file stays as it was and the database is unchanged', async () => {
    expect(expected.length, 'an export large enough to interrupt').toBeGreaterThan(20 * 1024 * 1024);
    writeFileSync(out, PREVIOUS);
    const before = await contentFingerprint(db);
    const { child, exited } = exportCli();
    await underWay();
    child.kill('SIGKILL');
    expect(await exited).toMatchObject({ signal: 'SIGKILL' });

    expect(readFileSync(out, 'utf8')).toBe(PREVIOUS);
    expect(statSync(`${out}.partial`).size).toBeLessThan(expected.length);
    expect(await contentFingerprint(db)).toEqual(before);
  }, 90_000);

  it('interrupted (SIGINT): it says so, exits non-zero and removes its partial file', async () => {
    // The killed run's leftover, so that underWay() sees this run's writing.
    rmSync(`${out}.partial`, { force: true });
    const { child, exited } = exportCli();
    await underWay();
    child.kill('SIGINT');
    const { code, stderr } = await exited;
    expect(code).toBe(1);
    expect(stderr).toContain(`The export was interrupted (SIGINT); ${out} was not written.`);
    expect(readFileSync(out, 'utf8')).toBe(PREVIOUS);
    expect(existsSync(`${out}.partial`)).toBe(false);
  }, 90_000);

  it('run again, writes the complete export, the same bytes as before the interruptions', async () => {
    const { code, stderr } = await exportCli().exited;
    expect(code, stderr).toBe(0);
    const written = readFileSync(out);
    expect(written.length).toBe(expected.length);
    expect(written.equals(expected)).toBe(true);
    expect(written.toString('utf8').split('\n')).toHaveLength(DOCUMENTS + 1);
    expect(existsSync(`${out}.partial`)).toBe(false);
  }, 90_000);
});
