import { strToU8 } from 'fflate';
import pg from 'pg';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { getPrisma } from '@/lib/db/client';
import { CHANGES_CHANNEL } from '@/lib/live/channel';
import { call, routeModule } from '../support/api';
import { makeTeam, type TestUser } from '../support/fixtures';

/**
 * The import route against a real PostgreSQL under hostile and slow uploads: no database
 * connection is held while a client is still sending, limits answer before anything is
 * written, and what is written is announced like any other change.
 */
const db = getPrisma();
let owner: TestUser, projectId: string;

beforeEach(async () => ({ owner, projectId } = await makeTeam(db, {})));

afterEach(() => {
  vi.unstubAllEnvs();
});

const counts = async () => ({
  documents: await db.document.count({ where: { projectId } }),
  annotations: await db.annotation.count({ where: { document: { projectId } } }),
  // The project's own set-up events (its creation, its labels) are not the import's.
  events: await db.event.count({ where: { projectId, entity: { notIn: ['PROJECT', 'LABEL', 'TARGET'] } } }),
});

/**
 * A JSONL upload that sends its first line and then waits until `finish` is called.
 * `stalled` settles when the server has read that line and asks for more: the stream's
 * queue holds one chunk, so `pull` runs only once the reader has taken it.
 */
async function stalledUpload(firstLine = '{"text":"First line of a slow upload."}\n') {
  let controller!: ReadableStreamDefaultController<Uint8Array>;
  let markStalled!: () => void;
  const stalled = new Promise<void>((resolve) => (markStalled = resolve));
  const body = new ReadableStream<Uint8Array>({
    start(c) {
      controller = c;
      c.enqueue(strToU8(firstLine));
    },
    pull() {
      markStalled();
    },
  });
  const { POST } = await routeModule('/projects/{id}/documents');
  const request = new Request(`http://localhost/api/v1/projects/${projectId}/documents?format=jsonl`, {
    method: 'POST',
    headers: { authorization: `Bearer ${owner.token}`, 'content-type': 'application/x-ndjson' },
    body,
    duplex: 'half',
  } as RequestInit);
  const response = POST!(request, { params: Promise.resolve({ id: projectId }) });
  return {
    response,
    stalled,
    finish(lastLine: string) {
      controller.enqueue(strToU8(lastLine));
      controller.close();
    },
  };
}

const inTransaction = async () =>
  (
    await db.$queryRaw<
      { n: number }[]
    >`SELECT count(*)::int AS n FROM pg_stat_activity WHERE datname = current_database() AND state LIKE 'idle in transaction%'`
  )[0]!.n;

describe('slow uploads', () => {
  it('hold no database connection while they stall: more of them than the pool has connections, and other requests still answer', async () => {
    // More stalled uploads than the pool has connections (DATABASE_POOL_SIZE, 10).
    const uploads = await Promise.all(Array.from({ length: 12 }, (_, index) => stalledUpload(`{"text":"Slow upload ${index} begins."}\n`)));
    await Promise.all(uploads.map((upload) => upload.stalled));
    expect(await inTransaction()).toBe(0);
    const list = await call('GET', '/projects/{id}/documents', { id: projectId }, { token: owner.token });
    expect(list.status).toBe(200);
    uploads.forEach((upload, index) => upload.finish(`{"text":"Upload ${index} is complete."}\n`));
    const statuses = await Promise.all(uploads.map(async (upload) => (await upload.response).status));
    expect(statuses).toEqual(Array(12).fill(201));
    expect((await counts()).documents).toBe(24);
  }, 60_000);

  it('lets only one of two racing uploads of the same text store it; the other writes nothing and answers 409', async () => {
    const uploads = await Promise.all([stalledUpload(), stalledUpload()]);
    uploads.forEach((upload) => upload.finish(''));
    const responses = await Promise.all(uploads.map((upload) => upload.response));
    const bodies = await Promise.all(responses.map((r) => r.json()));
    const statuses = responses.map((r) => r.status).sort();
    // Timing decides which guard stops the second copy; either way exactly one is stored and the
    // other answer says why. Both checked before either wrote: the later write is refused (409).
    // One finished before the other checked (a loaded machine): the other skips it as a duplicate.
    if (statuses[1] === 409) {
      expect(statuses).toEqual([201, 409]);
      const refused = bodies[responses.findIndex((r) => r.status === 409)];
      expect(refused.error.message).toMatch(/^Nothing was imported: another import stored a document with the same text as "request body#1"/);
    } else {
      expect(statuses).toEqual([201, 201]);
      expect(bodies.map((body) => body.files[0].duplicatesSkipped.length).sort()).toEqual([0, 1]);
    }
    expect((await counts()).documents).toBe(1);
  });

  it('cuts off an upload that sends nothing for the idle limit with a 408, writing nothing', async () => {
    vi.stubEnv('GLOSSA_UPLOAD_IDLE_SECONDS', '0.5');
    const before = await counts();
    const upload = await stalledUpload();
    const response = await upload.response;
    expect(response.status).toBe(408);
    expect((await response.json()).error).toEqual({
      code: 'request_timeout',
      message: 'The upload sent nothing for longer than the limit of 0.5 s (GLOSSA_UPLOAD_IDLE_SECONDS); nothing was imported.',
      details: { limit: 'GLOSSA_UPLOAD_IDLE_SECONDS', value: 0.5 },
    });
    expect(await counts()).toEqual(before);
  });
});

describe('import limits through the route', () => {
  const post = (body: unknown, query = '') => call('POST', `/projects/{id}/documents${query}`, { id: projectId }, { token: owner.token, body });

  it('answers 413 for a JSON body over its limit, before parsing it', async () => {
    vi.stubEnv('GLOSSA_MAX_IMPORT_JSON_MB', '0.001');
    const response = await post({ documents: [{ name: 'big', text: 'x'.repeat(2000) }] });
    expect(response.status).toBe(413);
    expect(response.body.error.message).toBe('The request body exceeds the limit of 0.001 MB (GLOSSA_MAX_IMPORT_JSON_MB); nothing was imported.');
    expect((await counts()).documents).toBe(0);
  });

  it('rejects a NUL or a lone surrogate with the field path, writing nothing', async () => {
    const nul = await post({
      documents: [
        { name: 'ok', text: 'Clean text.' },
        { name: 'bad', text: 'Has a \u0000 NUL.' },
      ],
    });
    expect(nul.status).toBe(422);
    expect(nul.body.error.details.problems).toEqual([
      {
        file: 'request body',
        record: 2,
        reason: 'document "bad": text contains a NUL character (U+0000) at character 6 (not allowed: remove it from the source)',
      },
    ]);
    const surrogate = await call(
      'POST',
      '/projects/{id}/documents',
      { id: projectId },
      {
        token: owner.token,
        rawBody: '{"documents":[{"name":"s","text":"Doha talks.","spans":[{"start":0,"end":4,"label":"GPE","attributes":{"note":"\\ud83d"}}]}]}',
      },
    );
    expect(surrogate.status).toBe(422);
    expect(surrogate.body.error.details.problems[0].reason).toBe(
      'document "s": spans[0].attributes.note contains a lone surrogate (U+D83D) at character 0 (not allowed: remove it from the source)',
    );
    expect(await counts()).toEqual({ documents: 0, annotations: 0, events: 0 });
  });

  it('reads a multipart body whose boundary mixes cases, as Chromium writes it', async () => {
    const boundary = '----WebKitFormBoundaryQx7ZpL';
    const body = [
      `--${boundary}`,
      'Content-Disposition: form-data; name="file"; filename="note.txt"',
      'Content-Type: text/plain',
      '',
      'A note from the browser.',
      `--${boundary}`,
      'Content-Disposition: form-data; name="origin"',
      '',
      'SUGGESTED',
      `--${boundary}--`,
      '',
    ].join('\r\n');
    const response = await call(
      'POST',
      '/projects/{id}/documents',
      { id: projectId },
      { token: owner.token, rawBody: body, contentType: `multipart/form-data; boundary=${boundary}` },
    );
    expect(response.status, JSON.stringify(response.body)).toBe(201);
    expect(response.body.files).toEqual([expect.objectContaining({ file: 'note.txt', format: 'txt', documents: 1 })]);
  });

  it('rejects an uploaded text file with invalid UTF-8, naming file and byte offset', async () => {
    const form = new FormData();
    form.append('file', new File([Buffer.from('ok\nbad \xff here', 'latin1')], 'legacy.txt'));
    const { POST } = await routeModule('/projects/{id}/documents');
    const response = await POST!(
      new Request(`http://localhost/api/v1/projects/${projectId}/documents`, {
        method: 'POST',
        headers: { authorization: `Bearer ${owner.token}` },
        body: form,
      }),
      { params: Promise.resolve({ id: projectId }) },
    );
    expect(response.status).toBe(422);
    expect((await response.json()).error.details.problems).toEqual([
      { file: 'legacy.txt', line: 2, reason: 'the file is not valid UTF-8 at byte 7 (save it as UTF-8 and upload it again)' },
    ]);
  });
});

describe('duplicates and events', () => {
  const post = (text: string) =>
    call(
      'POST',
      '/projects/{id}/documents',
      { id: projectId },
      { token: owner.token, body: { documents: [{ name: 'op-ed', text, spans: [{ start: 0, end: 4, label: 'GPE' }] }] } },
    );

  it('does not count a withdrawn document as a duplicate', async () => {
    const first = await post('Doha talks resume.');
    expect(first.status).toBe(201);
    const again = await post('Doha talks resume.');
    expect(again.body.files[0].duplicatesSkipped).toEqual([
      { name: 'op-ed', sha256: expect.stringMatching(/^[0-9a-f]{64}$/), existingDocumentId: first.body.documents[0].id, spans: 1, relations: 0, answers: 0 },
    ]);
    expect((await call('DELETE', '/documents/{id}', { id: first.body.documents[0].id }, { token: owner.token })).status).toBe(204);
    const afterDelete = await post('Doha talks resume.');
    expect(afterDelete.status).toBe(201);
    expect(afterDelete.body.documentCount).toBe(1);
    expect(afterDelete.body.files[0].duplicatesSkipped).toEqual([]);
  });

  it('writes its events through the shared recorder: a listener on the changes channel hears the import', async () => {
    const listener = new pg.Client({ connectionString: process.env.DATABASE_URL });
    await listener.connect();
    try {
      const heard: { documentId: string; entities: string[]; authors: string[] }[] = [];
      listener.on('notification', (message) => heard.push(JSON.parse(message.payload ?? '{}')));
      await listener.query(`LISTEN ${CHANGES_CHANNEL}`);
      const response = await post('Doha talks resume.');
      expect(response.status).toBe(201);
      const documentId = response.body.documents[0].id as string;
      await vi.waitFor(() => expect(heard.map((n) => n.documentId)).toContain(documentId), { timeout: 5000 });
      expect(heard.find((n) => n.documentId === documentId)).toMatchObject({ entities: ['ANNOTATION'], authors: [owner.id] });
      const events = await db.event.findMany({ where: { documentId } });
      expect(events.map((e) => [e.entity, e.action, (e.after as { quote?: string }).quote, e.before])).toEqual([['ANNOTATION', 'CREATE', 'Doha', null]]);
    } finally {
      await listener.end();
    }
  });
});
