/**
 * npm run bench:suggest — the recommender engine (issue #18):
 *   1. string-match on a 100,000-character document with 5,000 accepted spans in the project
 *      (target < 200 ms per document): the matcher alone, and the whole document path
 *      (learned forms loaded from PostgreSQL, matched, passed through the invariants);
 *   2. a batch run of 1,000 documents through the fake OpenAI-compatible server
 *      (tests/support/fake-openai.ts, answering at once) at concurrency 8, through the real
 *      queue (pg-boss) and workers: documents per second, Glossa's own overhead;
 *   3. on the op-ed in ../shared/fixtures/ (skipped, saying so, when absent), with a handful
 *      of seed spans: the matcher's recall on the repeated mentions of those names.
 */
import { existsSync, readFileSync } from 'node:fs';
import os from 'node:os';
import { createPrismaClient } from '@/lib/db/client';
import { migrate } from '@/lib/db/migrate';
import { OffsetIndex } from '@/lib/offsets';
import { createProject } from '@/lib/projects/store';
import { admit } from '@/lib/recommenders/admit';
import { loadLearned } from '@/lib/recommenders/learn';
import { buildMatcher } from '@/lib/recommenders/matcher';
import { stopSender } from '@/lib/recommenders/queue';
import { createRun, findRun } from '@/lib/recommenders/runs';
import { loadSchemaView } from '@/lib/recommenders/schema-view';
import { createRecommender as storeRecommender } from '@/lib/recommenders/store';
import { startWorker } from '@/lib/recommenders/worker';
import { createUser } from '@/lib/users/store';
import { startFakeOpenai } from '../tests/support/fake-openai';
import { benchDatabase } from './support/database';

const FIXTURE = new URL('../../shared/fixtures/op-ed-terrorist-alliances.txt', import.meta.url);
const SYLLABLES = 'ka ra chi la ho re pe sha war quet ta ban nu doha ka bul ta li ban ha fiz gul ba ha dur waz ir is tan mar dan swat'.split(' ');
// mulberry32: exact in 32-bit integer arithmetic, so the sequence never collapses into a short cycle.
let seed = 7;
const random = () => {
  seed = (seed + 0x6d2b79f5) | 0;
  let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
  t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
  return ((t ^ (t >>> 14)) >>> 0) / 2 ** 32;
};
const pick = <T>(items: T[]) => items[Math.floor(random() * items.length)]!;
const word = () => {
  const w = Array.from({ length: 2 + Math.floor(random() * 3) }, () => pick(SYLLABLES)).join('');
  return w[0]!.toUpperCase() + w.slice(1);
};
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

console.log(
  `machine: ${os.cpus().length} × ${os.cpus()[0]?.model}, load average ${os
    .loadavg()
    .map((l) => l.toFixed(2))
    .join(' ')}`,
);
const database = await benchDatabase();
const fake = await startFakeOpenai();
try {
  await migrate(database.url);
  process.env.DATABASE_URL = database.url;
  const db = createPrismaClient(database.url);
  const owner = await createUser(db, { email: 'bench@example.org', name: 'Bench', password: 'bench password' });
  const project = await createProject(db, { name: 'bench', presetId: 'news-stance-framing', ownerId: owner.id });
  const labels = await db.label.findMany({ where: { projectId: project.id, layer: 'ENTITY' }, select: { id: true, key: true } });

  // 1. 5,000 accepted (gold) spans of distinct one- to three-word names, and a 100,000-character document mentioning them.
  const names = new Set<string>();
  while (names.size < 5000) names.add(Array.from({ length: 1 + Math.floor(random() * 3) }, word).join(' '));
  const forms = [...names];
  const holder = await db.document.create({ data: { projectId: project.id, name: 'seeds', text: forms.join('\n'), sha256: 'seeds', position: 0 } });
  let offset = 0;
  await db.annotation.createMany({
    data: forms.map((quote) => {
      const start = offset;
      offset += Array.from(quote).length + 1;
      return { documentId: holder.id, authorId: null, labelId: pick(labels).id, start, end: start + Array.from(quote).length, quote };
    }),
  });
  let text = '';
  while (text.length < 100_000) text += `${random() < 0.2 ? pick(forms) : word().toLowerCase()} `;
  text = text.slice(0, 100_000);
  const learned = await loadLearned(db, project.id, false, null);
  const matcherTimes: number[] = [];
  let found = 0;
  for (let i = 0; i < 7; i++) {
    const t = performance.now();
    found = buildMatcher(learned, { caseSensitive: false }).match(text).length;
    matcherTimes.push(performance.now() - t);
  }
  const schema = await loadSchemaView(db, project.id);
  const pathTimes: number[] = [];
  for (let i = 0; i < 7; i++) {
    const t = performance.now();
    const forms = await loadLearned(db, project.id, false, null);
    const spans = buildMatcher(forms, { caseSensitive: false }).match(text);
    admit({ spans, answers: [], dropped: {}, tokens: { prompt: 0, completion: 0 } }, schema, new OffsetIndex(text), { layers: [], labels: [] });
    pathTimes.push(performance.now() - t);
  }
  console.log(
    `1. string-match, ${text.length} characters, ${learned.length} learned forms: ${found} suggestions; matcher median ` +
      `${median(matcherTimes).toFixed(0)} ms (min ${Math.min(...matcherTimes).toFixed(0)}), with loading from PostgreSQL and the invariants ` +
      `median ${median(pathTimes).toFixed(0)} ms (target < 200 ms)`,
  );

  // 2. 1,000 documents through the fake server at concurrency 8.
  const DOCS = Number(process.env.DOCUMENTS ?? 1000);
  await db.document.createMany({
    data: Array.from({ length: DOCS }, (_, i) => ({
      projectId: project.id,
      name: `batch-${i}`,
      text: `Document ${i}: talks in Doha and Kabul. `.repeat(20),
      sha256: `b${i}`,
      position: i + 1,
    })),
  });
  const batchIds = (await db.document.findMany({ where: { projectId: project.id, name: { startsWith: 'batch-' } }, select: { id: true } })).map((d) => d.id);
  fake.respondWith(() => ({
    content: {
      spans: [
        { quote: 'Doha', label: 'GPE', target: null, occurrence: null },
        { quote: 'Kabul', label: 'GPE', target: null, occurrence: 1 },
      ],
      answers: [],
    },
  }));
  const llm = await storeRecommender(db, project.id, owner.id, {
    kind: 'openai',
    name: 'fake',
    config: { baseUrl: fake.baseUrl, model: 'bench', concurrency: 8 },
  });
  const worker = await startWorker(db, 8);
  const t = performance.now();
  const run = await createRun(db, llm.id, owner.id, batchIds);
  let result = await findRun(db, run.id);
  while (result.status === 'QUEUED' || result.status === 'RUNNING') {
    await new Promise((resolve) => setTimeout(resolve, 200));
    result = await findRun(db, run.id);
  }
  const seconds = (performance.now() - t) / 1000;
  await worker.stop();
  console.log(
    `2. batch run: ${result.status}, ${result.documentsDone}/${DOCS} documents, ${result.suggestionsCount} suggestions, ${fake.requests.length} ` +
      `requests in ${seconds.toFixed(1)} s = ${(DOCS / seconds).toFixed(1)} documents/s at concurrency 8 (the fake answers at once: this is Glossa's overhead)`,
  );

  // 3. Recall on the op-ed's repeated mentions from a handful of seed spans.
  if (!existsSync(FIXTURE)) {
    console.log('3. op-ed recall: SKIPPED — ../shared/fixtures/op-ed-terrorist-alliances.txt is absent');
  } else {
    const oped = readFileSync(FIXTURE, 'utf8').replace(/\r\n?/g, '\n').normalize('NFC');
    const seeds = [
      ['Bannu', 'GPE'],
      ['Hafiz Gul Bahadur', 'PERSON'],
      ['Afghan Taliban', 'ORG'],
      ['Pakistan', 'GPE'],
      ['Khyber Pakhtunkhwa', 'GPE'],
      ['TTP', 'ORG'],
    ];
    const spans = buildMatcher(
      seeds.map(([text, label]) => ({ text: text!, label: label! })),
      { caseSensitive: true },
    ).match(oped);
    const index = new OffsetIndex(oped);
    const lines = seeds.map(([form]) => {
      // Every whole-word mention of the seed in the text, counted independently of the matcher.
      const mentions = [...oped.matchAll(new RegExp(`(?<![\\p{L}\\p{M}\\p{N}])${form!.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}(?![\\p{L}\\p{M}\\p{N}])`, 'gu'))]
        .length;
      const hits = spans.filter((s) => index.slice(s.start, s.end) === form).length;
      return { form: form!, mentions, hits };
    });
    const mentions = lines.reduce((n, l) => n + l.mentions, 0);
    const hits = lines.reduce((n, l) => n + l.hits, 0);
    const repeated = lines.filter((l) => l.mentions > 1);
    const repeatedRecall =
      repeated.reduce((n, l) => n + l.hits - 1, 0) /
      Math.max(
        1,
        repeated.reduce((n, l) => n + l.mentions - 1, 0),
      );
    console.log(
      `3. op-ed (${Array.from(oped).length} characters), ${seeds.length} seed forms: ` +
        `${lines.map((l) => `${l.form} ${l.hits}/${l.mentions}`).join(', ')}; all mentions ${hits}/${mentions}; recall on repeated mentions ` +
        `(beyond the seeded one) ${(repeatedRecall * 100).toFixed(1)}%`,
    );
  }
  console.log(
    `load average after: ${os
      .loadavg()
      .map((l) => l.toFixed(2))
      .join(' ')}; database: ${database.description}`,
  );
  await db.$disconnect();
} finally {
  await stopSender();
  await fake.close();
  await database.cleanup();
}
