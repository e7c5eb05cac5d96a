import { createServer } from 'node:net';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { getPrisma } from '@/lib/db/client';
import { call } from '../support/api';
import { glossa } from '../support/cli';
import { corruptLastDocument, fillForExport, readUntilFailure } from '../support/export-failure';
import { makeProject, makeUser, type TestUser } from '../support/fixtures';

/**
 * An export that fails after it has started (issue #14 item 2): the last document breaks an
 * invariant, so the failure comes after the 200 and many documents. The API's body errors
 * instead of ending (the production server then breaks the transfer: tests/browser/api-answers),
 * and `glossa export` exits non-zero, says why, and leaves nothing under the final name.
 */
const db = getPrisma();
const folder = mkdtempSync(path.join(tmpdir(), 'glossa-export-failure-'));
let owner: TestUser;
let projectId: string;

beforeAll(async () => {
  owner = await makeUser(db, 'owner');
  projectId = (await makeProject(db, { OWNER: owner })).id;
  await fillForExport(db, projectId, owner.id);
  await corruptLastDocument(db, projectId);
}, 60_000);

afterAll(() => rmSync(folder, { recursive: true, force: true }));

const cli = (...args: string[]) =>
  glossa(['export', '--project', projectId, '--format', 'jsonl', '--source', 'all', ...args], { maxBuffer: 64 * 1024 * 1024, timeout: 120_000 });

describe('an export failing midway', () => {
  it('errors the API body after documents were sent, instead of ending it', async () => {
    const { GET } = await import('@/app/api/v1/projects/[id]/export/route');
    const response = await GET(
      new Request(`http://localhost/api/v1/projects/${projectId}/export?format=jsonl&source=all`, { headers: { authorization: `Bearer ${owner.token}` } }),
      {
        params: Promise.resolve({ id: projectId }),
      },
    );
    expect(response.status).toBe(200);
    const { lines, failure } = await readUntilFailure(response.body!);
    expect(failure?.message).toMatch(/^Document \S+ cannot be exported: span \S+ has a quote that differs from the text/);
    expect(lines).toBeGreaterThan(100);
    // The request's own failures still answer with a status, before any byte.
    expect((await call('GET', '/projects/{id}/export?format=xml', { id: projectId }, { token: owner.token })).status).toBe(400);
  });

  it('glossa export --out exits 1, says why, removes its partial file and leaves an earlier export as it was', async () => {
    const out = path.join(folder, 'all.jsonl');
    writeFileSync(out, 'an earlier export\n');
    const { code, stderr } = await cli('--out', out);
    expect(code).toBe(1);
    expect(stderr).toMatch(/cannot be exported: span \S+ has a quote that differs from the text/);
    expect(readFileSync(out, 'utf8')).toBe('an earlier export\n');
    expect(existsSync(`${out}.partial`)).toBe(false);
  }, 120_000);

  it('glossa export to standard output exits 1 too, so a pipeline sees the failure', async () => {
    const { code, stderr } = await cli();
    expect(code).toBe(1);
    expect(stderr).toMatch(/cannot be exported/);
  }, 120_000);
});

describe('an export whose reader cannot connect', () => {
  it('gives up after the connect timeout and answers 503 before any byte, instead of hanging or breaking a 200', async () => {
    // Accepts TCP connections and never says a word, like a database host behind a dead NAT.
    const silent = createServer(() => {});
    await new Promise<void>((resolve) => silent.listen(0, '127.0.0.1', resolve));
    const url = process.env.DATABASE_URL;
    // The reader connects on its own (outside the pool, which keeps using the real database).
    process.env.DATABASE_URL = `postgresql://nobody:secret@127.0.0.1:${(silent.address() as { port: number }).port}/none`;
    try {
      const response = await call('GET', '/projects/{id}/export?format=jsonl&source=all', { id: projectId }, { token: owner.token });
      expect(response.status).toBe(503);
      expect(response.body.error.code).toBe('database_unavailable');
    } finally {
      process.env.DATABASE_URL = url;
      silent.close();
    }
  }, 60_000);
});
