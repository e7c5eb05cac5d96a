/**
 * `npm run bench:export`: export throughput and memory against PostgreSQL's own COPY.
 *
 * Builds a fresh database (an embedded PostgreSQL on a temporary directory, or a new database on
 * the server at BENCH_DATABASE_URL) with one project of BENCH_DOCUMENTS documents (default
 * 20,000) × 50 gold spans (1,000,000), then measures, each in a fresh Node process so that its
 * peak RSS is its own (under the heap limit the server and the CLI run with, scripts/heap-limit):
 *   copy   `COPY (SELECT …) TO STDOUT` of the same documents and spans (with label and target
 *          keys) through the pg wire protocol, received and counted by the client: the cost of
 *          getting the rows out of PostgreSQL at all, the floor any exporter stands on;
 *   jsonl  exportProject(format=jsonl, source=gold), stream read to the end and discarded;
 *   conll  the same for format=conll (BIO tagging every document over the tokens stored with it,
 *          which the generator computes as an import does).
 * It does so BENCH_ROUNDS times (default 3), all three in turn, and prints a Markdown table of
 * median times and highest RSS for bench/RESULTS.md.
 *
 * To measure again after a change without generating again: BENCH_DATABASE_URL=… and
 * BENCH_KEEP_DATABASE=1 keep the generated database; EXPORT_DATABASE_URL=<printed url> then
 * measures it as it is (migrations added since are applied first).
 */
import { spawn } from 'node:child_process';
import { createHash, randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import os from 'node:os';
import { fileURLToPath } from 'node:url';
import v8 from 'node:v8';
import pg from 'pg';
import { createPrismaClient } from '@/lib/db/client';
import { exportProject } from '@/lib/export/run';
import { createProject } from '@/lib/projects/store';
import { storedTokens, TOKENIZER_VERSION } from '@/lib/tokenize';
import { createUser } from '@/lib/users/store';
import { heapLimitArgs } from '../scripts/heap-limit';
import { withGeneratedDatabase } from './support/database';

const DOCUMENTS = Number(process.env.BENCH_DOCUMENTS ?? 20_000);
const SENTENCES_PER_DOCUMENT = 25;
const INSERT_DOCUMENTS = 1_000;
const MEASUREMENTS = ['copy', 'jsonl', 'conll'] as const;
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 3);
type Measurement = (typeof MEASUREMENTS)[number];

interface Result {
  measurement: Measurement;
  seconds: number;
  bytes: number;
  spans: number;
  /** RSS of the process connected and ready, before the measured work. */
  baselineRssMb: number;
  peakRssMb: number;
  maxRssMb: number;
  /** V8's heap limit in the measuring process. */
  heapLimitMb: number;
  batches?: number;
}

// Each sentence carries two spans: [text, label key, layer] pieces between plain text.
type Piece = string | [quote: string, label: string, layer: 'ENTITY' | 'STANCE' | 'FRAME'];
const SENTENCES: Piece[][] = [
  ['👍🏽 Officials in ', ['Doha', 'GPE', 'ENTITY'], ' met the ', ['Afghan Taliban', 'ORG', 'ENTITY'], ' again.'],
  [['پاکستان', 'GPE', 'ENTITY'], ' کے وزیر اعظم said ', ['Kabul', 'GPE', 'ENTITY'], ' must act.'],
  [['The TTP claimed the attack', 'AGAINST', 'STANCE'], ' in ', ['Bannu', 'GPE', 'ENTITY'], '.'],
  [['Security forces', 'ORG', 'ENTITY'], ' stepped up ', ['patrols along the border', 'SECURITY_DEFENSE', 'FRAME'], ' 🇵🇰.'],
  [['Pashtun', 'NORP', 'ENTITY'], ' elders met ', ['Imran Khan', 'PERSON', 'ENTITY'], ' in Peshawar.'],
];
const SPANS = DOCUMENTS * SENTENCES_PER_DOCUMENT * 2;
const PROJECT_NAME = 'Export benchmark';

interface DocumentRow {
  id: string;
  name: string;
  text: string;
  sha: string;
  metadata: string;
  position: number;
  tokens: string;
  sentences: string;
}
interface SpanRow {
  id: string;
  document: string;
  label: string;
  start: number;
  end: number;
  quote: string;
  target: string | null;
}

const mb = (bytes: number) => Math.round(bytes / 1024 / 1024);

async function main() {
  const child = process.env.BENCH_CHILD as Measurement | undefined;
  if (child) {
    process.stdout.write(JSON.stringify(await measure(child, process.env.BENCH_URL!, process.env.BENCH_PROJECT!)));
    return;
  }
  await withGeneratedDatabase('EXPORT_DATABASE_URL', async (database, reused) => {
    let started = performance.now();
    const projectId = reused ? await generated(database.url) : await generate(database.url);
    if (!reused) console.error(`Generated ${DOCUMENTS} documents and ${SPANS} spans in ${((performance.now() - started) / 1000).toFixed(1)} s.`);
    const results: Result[] = [];
    // Rounds of all three in turn, so that a slow spell of a shared machine falls on each of them alike.
    for (let round = 1; round <= ROUNDS; round++) {
      for (const measurement of MEASUREMENTS) {
        started = performance.now();
        results.push(await inChild(measurement, database.url, projectId));
        console.error(`round ${round}, ${measurement}: ${((performance.now() - started) / 1000).toFixed(1)} s`);
      }
    }
    console.log(report(results, database.description));
  });
}

/** The project an earlier run generated, which must be of the size asked for now. */
async function generated(url: string): Promise<string> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const { rows } = await client.query<{ id: string; documents: number }>(
      `SELECT p.id, (SELECT count(*)::int FROM "Document" d WHERE d."projectId" = p.id) AS documents FROM "Project" p WHERE p.name = $1`,
      [PROJECT_NAME],
    );
    const project = rows[0];
    if (!project || project.documents !== DOCUMENTS)
      throw new Error(`EXPORT_DATABASE_URL holds no generated project of ${DOCUMENTS} documents (set BENCH_DOCUMENTS as for the run that generated it).`);
    return project.id;
  } finally {
    await client.end();
  }
}

/** A project like a real one (preset schema) filled with multi-row INSERTs of unnested arrays. */
async function generate(url: string): Promise<string> {
  const prisma = createPrismaClient(url);
  const owner = await createUser(prisma, { email: 'bench@example.org', name: 'Bench', password: randomBytes(12).toString('hex') });
  const project = await createProject(prisma, { name: PROJECT_NAME, presetId: 'news-stance-framing', ownerId: owner.id });
  const labels = new Map((await prisma.label.findMany({ where: { projectId: project.id } })).map((label) => [`${label.layer}:${label.key}`, label.id]));
  const target = (await prisma.target.findFirstOrThrow({ where: { projectId: project.id, key: 'AFGHAN_TALIBAN' } })).id;
  await prisma.$disconnect();

  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    for (let first = 0; first < DOCUMENTS; first += INSERT_DOCUMENTS) {
      const documents: DocumentRow[] = [];
      const spans: SpanRow[] = [];
      for (let index = first; index < Math.min(first + INSERT_DOCUMENTS, DOCUMENTS); index++) {
        const id = `doc-${String(index).padStart(6, '0')}`;
        let text = `Report ${index}.\n`;
        let offset = Array.from(text).length;
        for (let sentence = 0; sentence < SENTENCES_PER_DOCUMENT; sentence++) {
          const separator = sentence === 0 ? '' : sentence % 5 === 0 ? '\n\n' : ' ';
          text += separator;
          offset += separator.length;
          for (const piece of SENTENCES[(index + sentence) % SENTENCES.length]!) {
            const quote = typeof piece === 'string' ? piece : piece[0];
            const length = Array.from(quote).length;
            if (typeof piece !== 'string') {
              const [, key, layer] = piece;
              spans.push({
                id: `${id}-${spans.length}`,
                document: id,
                label: labels.get(`${layer}:${key}`)!,
                start: offset,
                end: offset + length,
                quote,
                target: layer === 'STANCE' ? target : null,
              });
            }
            text += quote;
            offset += length;
          }
        }
        // Tokens stored as imports store them (lib/import), as int[] literals: the rows differ in length.
        const tokens = storedTokens(text);
        documents.push({
          id,
          name: `Report ${index}`,
          text,
          sha: createHash('sha256').update(text).digest('hex'),
          metadata: JSON.stringify({ source: 'bench', batch: index % 10 }),
          position: index,
          tokens: `{${tokens.tokenOffsets.join(',')}}`,
          sentences: `{${tokens.sentenceStarts.join(',')}}`,
        });
      }
      await client.query(
        `INSERT INTO "Document" (id, "projectId", name, text, sha256, metadata, position, "tokenOffsets", ` +
          `"sentenceStarts", tokenizer)
         SELECT id, $1, name, text, sha, metadata, position, ` +
          `tokens::int[], sentences::int[], $10
         FROM unnest($2::text[], $3::text[], $4::text[], ` +
          `$5::text[], $6::jsonb[], $7::int[], $8::text[], $9::text[]) AS u(id, name, text, sha, metadata, ` +
          `position, tokens, sentences)`,
        [project.id, ...columns(documents, ['id', 'name', 'text', 'sha', 'metadata', 'position', 'tokens', 'sentences']), TOKENIZER_VERSION],
      );
      await client.query(
        `INSERT INTO "Annotation" (id, "documentId", "labelId", start, "end", quote, "targetId", origin, "updatedAt")
         SELECT id, document, label, start, "end", quote, target, 'IMPORTED', now()
         FROM unnest($1::text[], $2::text[], $3::text[], $4::int[], $5::int[], $6::text[], $7::text[]) AS u(id, document, label, start, "end", quote, target)`,
        columns(spans, ['id', 'document', 'label', 'start', 'end', 'quote', 'target']),
      );
    }
    await client.query('VACUUM ANALYZE');
  } finally {
    await client.end();
  }
  return project.id;
}

/** The rows' values column by column, in the order of `keys`: the arrays an INSERT … SELECT FROM unnest(…) takes. */
function columns<T>(rows: T[], keys: (keyof T)[]): unknown[][] {
  return keys.map((key) => rows.map((row) => row[key]));
}

function inChild(measurement: Measurement, url: string, projectId: string): Promise<Result> {
  return new Promise((resolve, reject) => {
    // Under the heap limit the server and the CLI export under.
    const child = spawn(process.execPath, [...process.execArgv, ...heapLimitArgs(), fileURLToPath(import.meta.url)], {
      env: { ...process.env, BENCH_CHILD: measurement, BENCH_URL: url, BENCH_PROJECT: projectId },
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.on('error', reject);
    child.on('close', (code) => (code === 0 ? resolve(JSON.parse(output) as Result) : reject(new Error(`${measurement} exited with ${code}`))));
  });
}

async function measure(measurement: Measurement, url: string, projectId: string): Promise<Result> {
  // Connected first, so that the baseline is a process ready to export and the time is the export's.
  const run = measurement === 'copy' ? await copyOut(url, projectId) : await exporter(measurement, url, projectId);
  const baselineRss = process.memoryUsage.rss();
  let peakRss = baselineRss;
  const sampler = setInterval(() => (peakRss = Math.max(peakRss, process.memoryUsage.rss())), 50);
  const started = performance.now();
  const { bytes, batches } = await run();
  const seconds = (performance.now() - started) / 1000;
  clearInterval(sampler);
  peakRss = Math.max(peakRss, process.memoryUsage.rss());
  // maxRSS is in kilobytes.
  return {
    measurement,
    seconds,
    bytes,
    spans: SPANS,
    baselineRssMb: mb(baselineRss),
    peakRssMb: mb(peakRss),
    maxRssMb: mb(process.resourceUsage().maxRSS * 1024),
    heapLimitMb: mb(v8.getHeapStatistics().heap_size_limit),
    batches,
  };
}

async function exporter(format: 'jsonl' | 'conll', url: string, projectId: string) {
  // As every entry point does (lib/db/prepare): the export reads over a connection to DATABASE_URL.
  process.env.DATABASE_URL = url;
  const db = createPrismaClient(url);
  await db.$queryRaw`SELECT 1`;
  return async () => {
    let batches = 0;
    try {
      const result = await exportProject(db, projectId, {
        format,
        source: { kind: 'gold' },
        baseUrl: 'http://localhost:3000',
        read: { onBatch: () => batches++ },
      });
      const reader = result.stream.getReader();
      let bytes = 0;
      for (let read = await reader.read(); !read.done; read = await reader.read()) bytes += read.value.byteLength;
      return { bytes, batches };
    } finally {
      await db.$disconnect();
    }
  };
}

/** COPY … TO STDOUT through pg's protocol handling; the rows are counted as they arrive, not kept. */
async function copyOut(url: string, projectId: string) {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  const literal = client.escapeLiteral(projectId);
  const queries = [
    `COPY (SELECT d.id, d.name, d.text, d.metadata FROM "Document" d WHERE d."projectId" = ${literal} ` +
      `AND d."deletedAt" IS NULL ORDER BY d.position, d.id) TO STDOUT`,
    `COPY (SELECT a.id, a."documentId", a."authorId", a.start, a."end", a.quote, a.attributes, l.key, l.layer, t.key, a."targetAnnotationId"
       FROM "Annotation" a JOIN "Document" d ON d.id = a."documentId" JOIN "Label" l ON l.id = a."labelId" LEFT JOIN "Target" t ON t.id = a."targetId"
       WHERE d."projectId" = ${literal} AND d."deletedAt" IS NULL AND a."authorId" IS NULL AND a."deletedAt" IS NULL) TO STDOUT`,
  ];
  return async () => {
    let bytes = 0;
    try {
      for (const sql of queries) {
        const query = Object.assign(new pg.Query(sql), { handleCopyData: (message: { chunk: Buffer }) => void (bytes += message.chunk.length) });
        await new Promise<void>((resolve, reject) =>
          client
            .query(query)
            .on('end', () => resolve())
            .on('error', reject),
        );
      }
    } finally {
      await client.end();
    }
    return { bytes, batches: undefined };
  };
}

/** Per measurement: the median time of the rounds (and their range), the highest RSS of any round. */
function report(results: Result[], where: string): string {
  const median = (values: number[]) => {
    const sorted = [...values].sort((a, b) => a - b);
    const middle = sorted.length >> 1;
    return sorted.length % 2 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
  };
  const runs = (measurement: Measurement) => results.filter((result) => result.measurement === measurement);
  const copySeconds = median(runs('copy').map((run) => run.seconds));
  const rows = MEASUREMENTS.map((measurement) => {
    const these = runs(measurement);
    const seconds = these.map((run) => run.seconds);
    const time = median(seconds);
    const range = these.length > 1 ? ` (${Math.min(...seconds).toFixed(2)}–${Math.max(...seconds).toFixed(2)})` : '';
    const rate = Math.round(SPANS / time).toLocaleString('en-US');
    const highest = (pick: (run: Result) => number) => Math.max(...these.map(pick));
    return (
      `| ${measurement} | ${time.toFixed(2)}${range} | ${rate} | ${mb(these[0]!.bytes)} | ` +
      `${highest((run) => run.baselineRssMb)} | ${highest((run) => run.peakRssMb)} | ` +
      `${highest((run) => run.maxRssMb)} | ${(time / copySeconds).toFixed(2)} | ` +
      `${these[0]!.batches ?? '–'} |`
    );
  });
  const packageJson = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')) as { version: string };
  return [
    `Glossa ${packageJson.version}, Node ${process.version}, ${os.cpus().length} × ` +
      `${os.cpus()[0]?.model ?? 'CPU'}, ${mb(os.totalmem())} MB RAM, ${os.platform()} ${os.release()}; ` +
      `PostgreSQL: ${where}.`,
    `${DOCUMENTS.toLocaleString('en-US')} documents, ${SPANS.toLocaleString('en-US')} gold spans; V8 heap limit ${results[0]!.heapLimitMb} MB; ` +
      `${ROUNDS} round(s), load average ${os
        .loadavg()
        .map((load) => load.toFixed(2))
        .join(' ')} at the end.`,
    '',
    '| run | seconds, median (range) | spans/s | output MB | RSS before MB (highest) | peak RSS MB ' +
      '(highest, sampled) | maxRSS MB (highest) | median ÷ COPY median | batches |',
    '|---|---|---|---|---|---|---|---|---|',
    ...rows,
  ].join('\n');
}

await main();
