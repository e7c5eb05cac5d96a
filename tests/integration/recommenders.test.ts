import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { getPrisma } from '@/lib/db/client';
import { migrate } from '@/lib/db/migrate';
import { ensureOpenRun } from '@/lib/recommenders/open-run';
import { stopSender } from '@/lib/recommenders/queue';
import { startWorker, type Worker } from '@/lib/recommenders/worker';
import { call } from '../support/api';
import { startFakeOpenai, sentText, type FakeOpenai } from '../support/fake-openai';
import { introspect } from '../support/database-schema';
import { makeProject, makeUser, type TestUser } from '../support/fixtures';
import { parsePrismaSchema } from '../support/prisma-schema';
import { diffSchemas } from '../support/schema-diff';

/**
 * Recommenders end to end against the real database and queue: each kind through a batch run
 * (pg-boss worker) or an open run, the invariants dropping what the schema does not allow,
 * failures as the run's message with nothing stored, the allow-list, blind mode, and a run
 * that survives its worker stopping.
 */
const db = getPrisma();
let owner: TestUser;
let manager: TestUser;
let annotator: TestUser;
let projectId: string;
let fake: FakeOpenai;

async function doc(text: string, name = 'doc') {
  const count = await db.document.count({ where: { projectId } });
  return db.document.create({ data: { projectId, name: `${name}-${count}`, text, sha256: `sha-${count}-${Math.random()}`, position: count } });
}

async function label(key: string) {
  return db.label.findFirstOrThrow({ where: { projectId, key, layer: { not: 'RELATION' } } });
}

/** POST /projects/{id}/recommenders as `user` (the manager unless named), whatever it answers. */
const postRecommender = (body: Record<string, unknown>, user = manager) =>
  call('POST', '/projects/{id}/recommenders', { id: projectId }, { token: user.token, body });

async function addRecommender(body: Record<string, unknown>) {
  const response = await postRecommender(body);
  expect(response.status, JSON.stringify(response.body)).toBe(201);
  return response.body as { id: string; sendsTextTo: string | null };
}

async function runOver(recommenderId: string, documentIds: string[]) {
  const started = await call('POST', '/recommenders/{id}/runs', { id: recommenderId }, { token: manager.token, body: { documentIds } });
  expect(started.status, JSON.stringify(started.body)).toBe(201);
  return waitForRun(started.body.id as string);
}

async function waitForRun(runId: string) {
  for (;;) {
    const run = await call('GET', '/runs/{id}', { id: runId }, { token: annotator.token });
    if (!['QUEUED', 'RUNNING'].includes(run.body.status)) return run.body;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

const suggestionsOf = (runId: string) =>
  db.suggestion.findMany({
    where: { runId },
    orderBy: [{ start: 'asc' }, { labelId: 'asc' }],
    select: { documentId: true, start: true, end: true, quote: true, labelId: true, targetId: true, forUserId: true, score: true, values: true },
  });

beforeAll(async () => {
  owner = await makeUser(db, 'owner');
  manager = await makeUser(db, 'manager');
  annotator = await makeUser(db, 'annotator');
  projectId = (await makeProject(db, { OWNER: owner, MANAGER: manager, ANNOTATOR: annotator })).id;
  await db.project.update({ where: { id: projectId }, data: { guidelines: 'Mark every named militant group.' } });
  fake = await startFakeOpenai();
});

afterAll(async () => {
  await fake.close();
  await stopSender();
});

describe('configuring recommenders', () => {
  it('lets managers create, change and delete them, each an event with before and after, and shows every member where text goes', async () => {
    const created = await addRecommender({
      kind: 'openai',
      name: 'Local LLM',
      layers: ['ENTITY'],
      config: { baseUrl: fake.baseUrl, model: 'm', apiKeyEnv: 'GLOSSA_TEST_KEY' },
    });
    expect(created.sendsTextTo).toBe(`${fake.baseUrl}/chat/completions`);
    const list = await call('GET', '/projects/{id}/recommenders', { id: projectId }, { token: annotator.token });
    expect(list.body.items.find((r: { id: string }) => r.id === created.id).config).toEqual({
      baseUrl: fake.baseUrl,
      model: 'm',
      apiKeyEnv: 'GLOSSA_TEST_KEY',
    });
    expect((await postRecommender({ kind: 'compromise', name: 'x' }, annotator)).status).toBe(403);

    const renamed = await call('PATCH', '/recommenders/{id}', { id: created.id }, { token: manager.token, body: { name: 'Llama' } });
    expect(renamed.body.name).toBe('Llama');
    expect((await call('DELETE', '/recommenders/{id}', { id: created.id }, { token: manager.token })).status).toBe(204);
    const events = await db.event.findMany({ where: { entityId: created.id }, orderBy: { id: 'asc' }, select: { action: true, before: true, after: true } });
    expect(events.map((e) => [e.action, (e.before as { name?: string } | null)?.name ?? null, (e.after as { name?: string } | null)?.name ?? null])).toEqual([
      ['CREATE', null, 'Local LLM'],
      ['UPDATE', 'Local LLM', 'Llama'],
      ['DELETE', 'Llama', null],
    ]);
    expect(
      (await call('GET', '/projects/{id}/recommenders', { id: projectId }, { token: manager.token })).body.items.some(
        (r: { id: string }) => r.id === created.id,
      ),
    ).toBe(false);
  });

  it('refuses a config field it does not know and a label outside the project, naming them', async () => {
    const unknown = await postRecommender({ kind: 'string-match', name: 's', config: { caseSensitiv: true } });
    expect(unknown.status).toBe(400);
    expect(unknown.body.error.details[0]).toEqual({ path: 'body.config', message: 'unknown field(s): caseSensitiv' });
    const badLabel = await postRecommender({ kind: 'string-match', name: 's', labels: ['PERSON', 'NOPE'] });
    expect(badLabel.status).toBe(400);
    expect(badLabel.body.error.details).toEqual([{ path: 'body.labels.1', message: 'unknown label' }]);
    // Members read configs: a password in a URL would be shown to all of them.
    const secretUrl = await postRecommender({ kind: 'http', name: 'h', config: { url: 'http://lab:hunter2@models.example.org/suggest' } });
    expect(secretUrl.status).toBe(400);
    expect(secretUrl.body.error.details).toEqual([
      { path: 'body.config.url', message: 'no user name or password in the URL: put the key in an environment variable and name it in apiKeyEnv' },
    ]);
    expect(await db.recommender.count({ where: { projectId, name: { in: ['s', 'h'] } } })).toBe(0);
  });

  it('limits outbound hosts to GLOSSA_RECOMMENDER_HOSTS on create and again at run time', async () => {
    process.env.GLOSSA_RECOMMENDER_HOSTS = '127.0.0.1';
    try {
      const refused = await postRecommender({ kind: 'http', name: 'lab', config: { url: 'http://169.254.169.254/latest' } });
      expect(refused.status).toBe(422);
      expect(refused.body.error.code).toBe('host_not_allowed');
      expect(refused.body.error.details).toEqual([
        { path: 'body.config.url', message: expect.stringContaining('169.254.169.254 is not in GLOSSA_RECOMMENDER_HOSTS') },
      ]);
      const allowed = await addRecommender({ kind: 'http', name: 'lab', config: { url: `${fake.baseUrl}/spans` } });
      process.env.GLOSSA_RECOMMENDER_HOSTS = 'models.example.org:8000';
      const worker = await startWorker(db, 1);
      const document = await doc('Text for the lab server.');
      const run = await runOver(allowed.id, [document.id]).finally(() => worker.stop());
      expect(run.status).toBe('FAILED');
      expect(run.message).toContain('is not in GLOSSA_RECOMMENDER_HOSTS (models.example.org:8000)');
      expect(await db.suggestion.count({ where: { runId: run.id } })).toBe(0);
    } finally {
      delete process.env.GLOSSA_RECOMMENDER_HOSTS;
    }
  });

  it('takes a gazetteer CSV, refusing a line with a label outside the schema and storing nothing of it', async () => {
    const matcher = await addRecommender({ kind: 'string-match', name: 'gazetteer' });
    const upload = (csv: string) =>
      call('POST', '/recommenders/{id}/gazetteer', { id: matcher.id }, { token: manager.token, rawBody: csv, contentType: 'text/csv' });
    const bad = await upload('text,label\nKarachi,GPE\nLahore,CITY\n');
    expect(bad.status).toBe(422);
    expect(bad.body.error.message).toBe('Line 3: CITY is not an active span label of this project. Nothing was changed.');
    expect((await db.recommender.findUniqueOrThrow({ where: { id: matcher.id } })).gazetteer).toEqual([]);
    const good = await upload('text,label\nKarachi,GPE\n"Lahore",GPE\nKarachi,GPE\n');
    expect(good.body).toEqual({ entries: 2, duplicates: 1 });
    // Limits hold on the stream: an over-long entry names its line, an upload past 8 MB is cut off; the stored gazetteer stays.
    const long = await upload(`Quetta,GPE\n${'x'.repeat(301)},GPE\n`);
    expect(long.status).toBe(422);
    expect(long.body.error.message).toBe('Line 2: the text is longer than 300 characters. Nothing was changed.');
    const huge = await upload('Quetta,GPE\n'.repeat(800_000));
    expect(huge.status).toBe(413);
    expect(huge.body.error.message).toBe('The gazetteer exceeds 8 MB.');
    expect((await db.recommender.findUniqueOrThrow({ where: { id: matcher.id } })).gazetteer).toEqual([
      { text: 'Karachi', label: 'GPE' },
      { text: 'Lahore', label: 'GPE' },
    ]);
    await db.recommender.update({ where: { id: matcher.id }, data: { enabled: false } });
  });
});

describe('kinds end to end through batch runs', () => {
  let worker: Worker;
  beforeAll(async () => {
    worker = await startWorker(db, 2);
  });
  afterAll(async () => {
    await worker.stop();
  });

  it('string-match suggests every other occurrence of gold spans and gazetteer entries, scored by acceptance so far', async () => {
    const learnedFrom = await doc('Imran Khan spoke.');
    await db.annotation.create({
      data: { documentId: learnedFrom.id, authorId: null, labelId: (await label('PERSON')).id, start: 0, end: 10, quote: 'Imran Khan' },
    });
    const matcher = await addRecommender({ kind: 'string-match', name: 'matcher', layers: ['ENTITY'] });
    await call('POST', '/recommenders/{id}/gazetteer', { id: matcher.id }, { token: manager.token, rawBody: 'Quetta,GPE\n', contentType: 'text/csv' });
    const target = await doc('IMRAN KHAN met imran khan in Quetta; Imran Khanate is not him.');
    const run = await runOver(matcher.id, [target.id]);
    expect(run).toMatchObject({ status: 'SUCCEEDED', documents: 1, documentsDone: 1, suggestionsCount: 3 });
    const found = await db.suggestion.findMany({ where: { runId: run.id }, orderBy: { start: 'asc' } });
    expect(found.map((s) => [s.quote, s.start, s.end, s.score])).toEqual([
      ['IMRAN KHAN', 0, 10, null],
      ['imran khan', 15, 25, null],
      ['Quetta', 29, 35, null],
    ]);
    // Three decisions on "IMRAN KHAN" (two accepted), one rejection of "Quetta": the next run scores them so.
    const reviewers = [annotator, manager, owner];
    for (const [i, user] of reviewers.entries())
      await db.suggestionDecision.create({ data: { suggestionId: found[0]!.id, userId: user.id, status: i < 2 ? 'ACCEPTED' : 'REJECTED' } });
    await db.suggestionDecision.create({ data: { suggestionId: found[2]!.id, userId: annotator.id, status: 'REJECTED' } });
    const again = await runOver(matcher.id, [target.id]);
    expect((await suggestionsOf(again.id)).map((s) => [s.quote, s.score])).toEqual([
      ['IMRAN KHAN', 2 / 3],
      ['imran khan', null],
      ['Quetta', 0],
    ]);
  });

  it('compromise proposes mapped entities offline', async () => {
    const ner = await addRecommender({ kind: 'compromise', name: 'ner', config: { mapping: { places: 'LOC' } } });
    const target = await doc('Angela Merkel visited Lahore.');
    const run = await runOver(ner.id, [target.id]);
    const [person, loc] = [await label('PERSON'), await label('LOC')];
    expect((await suggestionsOf(run.id)).map((s) => [s.quote, s.labelId])).toEqual([
      ['Angela Merkel', person.id],
      ['Lahore', loc.id],
    ]);
  });

  it(
    'openai: sends the schema, guidelines and text with a strict response_format and the key from the env var; locates quotes; drops and ' +
      'counts what the schema does not allow',
    async () => {
      process.env.GLOSSA_TEST_KEY = 'sk-test-123';
      const llm = await addRecommender({ kind: 'openai', name: 'llm', config: { baseUrl: fake.baseUrl, model: 'qwen', apiKeyEnv: 'GLOSSA_TEST_KEY' } });
      const target = await doc('The TTP attacked. The TTP denied it. Pakistan army responded.');
      const before = fake.requests.length;
      fake.reply({
        content: {
          spans: [
            { quote: 'TTP', label: 'ORG', target: null, occurrence: 2 },
            { quote: 'Pakistan army', label: 'AGAINST', target: 'PAKISTAN_STATE', occurrence: null },
            { quote: 'Taliban', label: 'ORG', target: null, occurrence: null },
            { quote: 'TTP', label: 'MILITANT', target: null, occurrence: null },
            { quote: 'TTP', label: 'AGAINST', target: 'NOBODY', occurrence: null },
            { quote: 'TTP', label: 'ORG', target: null, occurrence: 5 },
          ],
          answers: [{ question: 'PRIMARY_FRAME', values: ['SECURITY_DEFENSE'], target: null }],
        },
        usage: { prompt_tokens: 120, completion_tokens: 40 },
      });
      const run = await runOver(llm.id, [target.id]);
      expect(run).toMatchObject({ status: 'SUCCEEDED', suggestionsCount: 3, promptTokens: 120, completionTokens: 40 });
      // Without an occurrence a quote stands for each of its occurrences, so each TTP item is two proposals.
      expect(run.dropped).toEqual({ 'quote not in the text': 1, 'unknown label': 2, 'unknown target': 2, 'occurrence not in the text': 1 });
      expect((await suggestionsOf(run.id)).map((s) => [s.quote, s.start, s.values])).toEqual([
        ['TTP', 22, []],
        ['Pakistan army', 37, []],
        ['', null, ['SECURITY_DEFENSE']],
      ]);

      const request = fake.requests[before]!;
      expect(request.path).toBe('/v1/chat/completions');
      expect(request.headers.authorization).toBe('Bearer sk-test-123');
      expect(request.body.model).toBe('qwen');
      expect(sentText(request)).toBe(target.text);
      const system = request.body.messages[0]!.content;
      expect(system).toContain('- PERSON: Person');
      expect(system).toContain('- TTP: Tehreek-e-Taliban Pakistan (also: TTP, Pakistani Taliban)');
      expect(system).toContain('- SECURITY_DEFENSE:');
      expect(system).toContain('Mark every named militant group.');
      expect(request.body.response_format).toMatchObject({
        type: 'json_schema',
        json_schema: { name: 'glossa_suggestions', strict: true, schema: { required: ['spans', 'answers'], additionalProperties: false } },
      });
      const stored =
        JSON.stringify(await db.recommender.findUniqueOrThrow({ where: { id: llm.id } })) +
        JSON.stringify(await db.recommenderRun.findUniqueOrThrow({ where: { id: run.id } }));
      expect(stored).not.toContain('sk-test-123');
    },
  );

  it('openai: retries after a 429 (Retry-After) and succeeds', async () => {
    const llm = await addRecommender({ kind: 'openai', name: 'retrying', config: { baseUrl: fake.baseUrl, model: 'm' } });
    const target = await doc('Karachi is big.');
    const before = fake.requests.length;
    fake.reply(
      { status: 429, headers: { 'retry-after': '0' } },
      { status: 503 },
      { content: { spans: [{ quote: 'Karachi', label: 'GPE', target: null, occurrence: null }], answers: [] } },
    );
    const run = await runOver(llm.id, [target.id]);
    expect(run).toMatchObject({ status: 'SUCCEEDED', suggestionsCount: 1, message: null });
    expect(fake.requests.length - before).toBe(3);
  });

  it(
    'openai: a malformed answer, an empty one, a hang past the timeout and a missing key each fail the document with a clear message and ' + 'store nothing',
    async () => {
      delete process.env.GLOSSA_MISSING_KEY;
      const cases: [Record<string, unknown>, (() => void) | null, string][] = [
        [{}, () => fake.reply({ content: '{"spans": [ {"quote": "Kar' }), 'The model returned malformed JSON'],
        [{}, () => fake.reply({ content: '' }), 'The model returned nothing'],
        [{ timeoutMs: 300, retries: 0 }, () => fake.reply({ hang: true }), 'did not answer within 300 ms'],
        [{ apiKeyEnv: 'GLOSSA_MISSING_KEY' }, null, 'The environment variable GLOSSA_MISSING_KEY (the API key of this recommender) is not set on the server.'],
      ];
      for (const [config, script, message] of cases) {
        const llm = await addRecommender({ kind: 'openai', name: 'failing', config: { baseUrl: fake.baseUrl, model: 'm', ...config } });
        const target = await doc('Karachi is big.');
        script?.();
        const run = await runOver(llm.id, [target.id]);
        expect(run.status).toBe('FAILED');
        expect(run.message).toContain(message);
        expect(run.message).toMatch(/^1 of 1 document\(s\) failed: /);
        expect(await db.suggestion.count({ where: { runId: run.id } })).toBe(0);
      }
    },
  );

  it('openai: chunks a long document on paragraph boundaries and maps offsets back, counting a mention in the overlap once', async () => {
    const llm = await addRecommender({ kind: 'openai', name: 'chunked', config: { baseUrl: fake.baseUrl, model: 'm', chunkChars: 600, overlapChars: 300 } });
    const paragraph = (i: number) => `Paragraph ${i} mentions Karachi once.`.padEnd(250, '.');
    const text = Array.from({ length: 6 }, (_, i) => paragraph(i)).join('\n\n');
    const target = await doc(text);
    const before = fake.requests.length;
    fake.respondWith(() => ({ content: { spans: [{ quote: 'Karachi', label: 'GPE', target: null, occurrence: null }], answers: [] } }));
    const run = await runOver(llm.id, [target.id]);
    fake.respondWith(() => ({ content: { spans: [], answers: [] } }));
    const pieces = fake.requests.slice(before).map(sentText);
    expect(pieces.length).toBeGreaterThan(1);
    expect(pieces.every((piece) => text.includes(piece))).toBe(true);
    const expected = [...text.matchAll(/Karachi/g)].map((m) => m.index);
    expect((await suggestionsOf(run.id)).map((s) => s.start)).toEqual(expected);
  });

  it('http: takes code-point offsets from the lab server, dropping those out of range', async () => {
    const lab = await addRecommender({ kind: 'http', name: 'lab', config: { url: `${fake.baseUrl}/spans` } });
    const target = await doc('😀 Karachi');
    // The fake answers Chat Completions; for the lab server, script the raw body instead.
    fake.reply({
      status: 200,
      raw: JSON.stringify({ spans: [{ start: 2, end: 9, label: 'GPE', score: 0.9 }, { start: 5, end: 40, label: 'GPE' }, { start: 'x' }] }),
    });
    const run = await runOver(lab.id, [target.id]);
    expect(run.dropped).toEqual({ 'offsets out of range': 1, 'malformed item': 1 });
    expect((await suggestionsOf(run.id)).map((s) => [s.quote, s.score])).toEqual([['Karachi', 0.9]]);
    const sent = fake.requests.at(-1)!.body as unknown as { text: string; schema: { labels: { key: string }[] } };
    expect(sent.text).toBe('😀 Karachi');
    expect(sent.schema.labels.some((l) => l.key === 'GPE')).toBe(true);
  });
});

describe('blind mode', () => {
  it('never proposes to annotator B a span learned only from annotator A', async () => {
    const b = await makeUser(db, 'annotator-b');
    await db.membership.create({ data: { projectId, userId: b.id, role: 'ANNOTATOR' } });
    await db.recommender.updateMany({ where: { projectId }, data: { enabled: false } });
    await addRecommender({ kind: 'string-match', name: 'blind matcher' });
    const first = await doc('Peshawar and Quetta.');
    const gpe = (await label('GPE')).id;
    await db.annotation.create({ data: { documentId: first.id, authorId: annotator.id, labelId: gpe, start: 0, end: 8, quote: 'Peshawar' } });
    await db.annotation.create({ data: { documentId: first.id, authorId: null, labelId: gpe, start: 13, end: 19, quote: 'Quetta' } });
    const second = await doc('From Peshawar to Quetta.');

    await ensureOpenRun(second.id, b.id);
    await ensureOpenRun(second.id, annotator.id);
    const runs = await db.recommenderRun.findMany({ where: { trigger: 'open', documentIds: { has: second.id } }, select: { id: true, requestedById: true } });
    const forB = await suggestionsOf(runs.find((r) => r.requestedById === b.id)!.id);
    const forA = await suggestionsOf(runs.find((r) => r.requestedById === annotator.id)!.id);
    expect(forB.map((s) => [s.quote, s.forUserId])).toEqual([['Quetta', null]]);
    expect(forA.map((s) => [s.quote, s.forUserId])).toEqual([
      ['Peshawar', annotator.id],
      ['Quetta', null],
    ]);
    // A second open with nothing changed reuses the current run.
    await ensureOpenRun(second.id, b.id);
    expect(await db.recommenderRun.count({ where: { trigger: 'open', documentIds: { has: second.id } } })).toBe(2);
  });
});

describe('a run survives its worker stopping', () => {
  it('resumes on a new worker and processes each document once', async () => {
    await db.recommender.updateMany({ where: { projectId }, data: { enabled: false } });
    const llm = await addRecommender({ kind: 'openai', name: 'slow', config: { baseUrl: fake.baseUrl, model: 'm' } });
    const documents = [];
    for (let i = 0; i < 20; i++) documents.push(await doc(`Document ${i} about Karachi.`, 'resume'));
    const before = fake.requests.length;
    fake.respondWith(() => ({ content: { spans: [{ quote: 'Karachi', label: 'GPE', target: null, occurrence: null }], answers: [] }, delayMs: 100 }));
    const started = await call('POST', '/recommenders/{id}/runs', { id: llm.id }, { token: manager.token, body: { documentIds: documents.map((d) => d.id) } });
    const runId = started.body.id as string;

    const first = await startWorker(db, 1);
    while ((await db.recommenderRun.findUniqueOrThrow({ where: { id: runId } })).documentsDone === 0) await new Promise((resolve) => setTimeout(resolve, 20));
    await first.stop();
    const midway = await db.recommenderRun.findUniqueOrThrow({ where: { id: runId } });
    expect(midway.status).toBe('RUNNING');
    expect(midway.documentsDone).toBeGreaterThan(0);
    expect(midway.documentsDone).toBeLessThan(20);

    const second = await startWorker(db, 1);
    const run = await waitForRun(runId).finally(() => second.stop());
    fake.respondWith(() => ({ content: { spans: [], answers: [] } }));
    expect(run).toMatchObject({ status: 'SUCCEEDED', documentsDone: 20, documentsFailed: 0, suggestionsCount: 20 });
    const texts = fake.requests.slice(before).map(sentText).sort();
    expect(texts).toEqual(documents.map((d) => d.text).sort());
    expect(await db.recommenderRunDocument.count({ where: { runId } })).toBe(20);
  });

  it('cancels a queued run; its jobs then skip their documents', async () => {
    const llm = await db.recommender.findFirstOrThrow({ where: { projectId, name: 'slow' } });
    const document = await doc('Cancelled before it ran.');
    const started = await call('POST', '/recommenders/{id}/runs', { id: llm.id }, { token: manager.token, body: { documentIds: [document.id] } });
    const cancelled = await call('POST', '/runs/{id}/cancel', { id: started.body.id }, { token: manager.token });
    expect(cancelled.body).toMatchObject({ status: 'CANCELLED', message: 'Cancelled.' });
    const worker = await startWorker(db, 1);
    const again = await call('POST', '/runs/{id}/cancel', { id: started.body.id }, { token: manager.token });
    await worker.stop();
    expect(again.status).toBe(409);
    expect(await db.recommenderRunDocument.count({ where: { runId: started.body.id } })).toBe(0);
  });
});

describe('the pgboss schema', () => {
  it('lives beside Glossa’s tables: the schema check and the migration runner ignore it', async () => {
    const found = await db.$queryRaw<{ nspname: string }[]>`SELECT nspname FROM pg_namespace WHERE nspname = 'pgboss'`;
    expect(found).toEqual([{ nspname: 'pgboss' }]);
    const schema = readFileSync(new URL('../../prisma/schema.prisma', import.meta.url), 'utf8');
    expect(diffSchemas(parsePrismaSchema(schema), await introspect(process.env.DATABASE_URL!))).toEqual([]);
    expect((await migrate(process.env.DATABASE_URL!)).applied).toEqual([]);
  });
});
