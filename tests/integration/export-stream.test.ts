import { mkdtempSync, readFileSync, rmSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { getPrisma } from '@/lib/db/client';
import { ALL_FORMATS } from '@/lib/export/options';
import { exportProject } from '@/lib/export/run';
import { EXPORT_APPLICATION_NAME } from '@/lib/export/source';
import { importBatch } from '@/lib/import/service';
import type { ImportedDocument } from '@/lib/import/types';
import { exportCommand } from '@/scripts/cli/export';
import { UsageError } from '@/scripts/cli/support';
import { routeModule } from '../support/api';
import { makeProject, makeUser, type TestUser } from '../support/fixtures';

/**
 * The export is a real stream: it reads from PostgreSQL only as fast as its reader takes the
 * bytes, and a reader that goes away (cancel, or the request's signal) stops the reading.
 */

const db = getPrisma();
const DOCUMENTS = 60;
const BATCH = 2;
let owner: TestUser;
let projectId: string;
const scratch = mkdtempSync(path.join(tmpdir(), 'glossa-export-test-'));

beforeAll(async () => {
  owner = await makeUser(db, 'owner');
  projectId = (await makeProject(db, { OWNER: owner }, 'Streaming')).id;
  // About 6 kB per document: a 64 kB chunk needs several batches of two.
  const paragraph = 'Officials in Doha met the Afghan Taliban, 👍🏽 and پاکستان said Kabul must act. ';
  const documents: ImportedDocument[] = Array.from({ length: DOCUMENTS }, (_, index) => {
    const text = `Report ${index}. ${paragraph.repeat(75)}`;
    const start = Array.from(text.slice(0, text.indexOf('Doha'))).length;
    const location = { file: 'fixture' };
    return {
      name: `report-${index}`,
      text,
      metadata: {},
      spans: [{ start, end: start + 4, label: 'GPE', quote: 'Doha', location }],
      relations: [],
      documentLabels: [],
      location,
    };
  });
  await importBatch(db, [{ kind: 'parsed', name: 'fixture', format: 'json', documents }], { projectId, actorId: owner.id, author: { kind: 'gold' } });
});

afterAll(() => rmSync(scratch, { recursive: true, force: true }));

async function countedExport(signal?: AbortSignal) {
  const batches = { started: 0 };
  const result = await exportProject(db, projectId, {
    format: 'jsonl',
    source: { kind: 'gold' },
    baseUrl: 'http://localhost',
    signal,
    read: { batchSize: BATCH, onBatch: () => batches.started++ },
  });
  return { batches, reader: result.stream.getReader() };
}

const settle = () => new Promise((resolve) => setTimeout(resolve, 300));

/** Gives the export time to read on, then asserts it did not, and that it had stopped well before the end. */
async function expectStoppedEarly(batches: { started: number }) {
  const stoppedAt = batches.started;
  await settle();
  expect(batches.started).toBe(stoppedAt);
  expect(stoppedAt).toBeLessThan(DOCUMENTS / BATCH / 2);
}

/** The export's own database connections (lib/export/source reads over one of its own). */
async function exportConnections(): Promise<number> {
  const [row] = await db.$queryRaw<
    { count: number }[]
  >`SELECT count(*)::int AS count FROM pg_stat_activity WHERE application_name = ${EXPORT_APPLICATION_NAME} AND datname = current_database()`;
  return row!.count;
}

describe('export stream', () => {
  it('reads the whole project in keyset batches when read to the end', async () => {
    const { batches, reader } = await countedExport();
    let lines = 0;
    for (let read = await reader.read(); !read.done; read = await reader.read()) lines += new TextDecoder().decode(read.value).split('\n').length - 1;
    expect(lines).toBe(DOCUMENTS);
    // One batch per two documents, and the empty page that ends the paging.
    expect(batches.started).toBe(DOCUMENTS / BATCH + 1);
  });

  it('reads ahead only as far as one chunk while nobody reads (backpressure)', async () => {
    const { batches, reader } = await countedExport();
    await settle();
    await expectStoppedEarly(batches);
    await reader.cancel();
  });

  it('stops reading from PostgreSQL and closes its connection when the reader cancels after the first chunk', async () => {
    const { batches, reader } = await countedExport();
    const first = await reader.read();
    expect(first.done).toBe(false);
    expect(await exportConnections()).toBe(1);
    await reader.cancel();
    await expectStoppedEarly(batches);
    expect(await exportConnections()).toBe(0);
  });

  it('stops reading when the request signal aborts (client disconnected)', async () => {
    const controller = new AbortController();
    const { batches, reader } = await countedExport(controller.signal);
    await reader.read();
    controller.abort(new Error('client went away'));
    await expect(reader.read()).rejects.toThrow('client went away');
    await settle();
    await expectStoppedEarly(batches);
    expect(await exportConnections()).toBe(0);
  });

  it('is what the route answers: a streamed body that ends when the request is aborted', async () => {
    const controller = new AbortController();
    const handler = (await routeModule('/projects/{id}/export')).GET!;
    const request = new Request(`http://localhost/api/v1/projects/${projectId}/export?format=jsonl&source=gold`, {
      headers: { authorization: `Bearer ${owner.token}` },
      signal: controller.signal,
    });
    const response = await handler(request, { params: Promise.resolve({ id: projectId }) });
    expect(response.status).toBe(200);
    expect(response.headers.get('x-glossa-total-documents')).toBe(String(DOCUMENTS));
    const reader = response.body!.getReader();
    const first = await reader.read();
    expect(new TextDecoder().decode(first.value).startsWith('{"id":')).toBe(true);
    controller.abort();
    await expect(reader.read()).rejects.toThrow();
  });
});

describe('glossa export', () => {
  it('writes the same bytes as the API to --out', async () => {
    const out = path.join(scratch, 'gold.jsonl');
    await exportCommand.run(['--project', projectId, '--format', 'jsonl', '--source', 'gold', '--out', out]);
    const handler = (await routeModule('/projects/{id}/export')).GET!;
    const response = await handler(
      new Request(`http://localhost/api/v1/projects/${projectId}/export?format=jsonl&source=gold`, { headers: { authorization: `Bearer ${owner.token}` } }),
      {
        params: Promise.resolve({ id: projectId }),
      },
    );
    expect(readFileSync(out, 'utf8')).toBe(await response.text());
    expect(existsSync(`${out}.partial`)).toBe(false);
  });

  it('rejects a bad format or source with the valid ones, before touching any file', async () => {
    const out = path.join(scratch, 'never.jsonl');
    const run = (format: string, source: string) => exportCommand.run(['--project', projectId, '--format', format, '--source', source, '--out', out]);
    await expect(run('xml', 'gold')).rejects.toThrow(new UsageError(`--format: must be one of: ${ALL_FORMATS.join(', ')}`));
    await expect(run('jsonl', 'everyone')).rejects.toThrow(new UsageError('--source: must be one of: gold, all, annotator:<userId>'));
    await expect(run('conll', 'all')).rejects.toThrow(UsageError);
    expect(existsSync(out)).toBe(false);
  });
});
