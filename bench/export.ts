/**
 * `npm run bench:export`: export throughput and memory against PostgreSQL's own COPY.
 *
 * Builds a fresh database (an embedded PostgreSQL on a temporary directory, or a new database on
 * the server at BENCH_DATABASE_URL) with one project of BENCH_DOCUMENTS documents (default
 * 20,000) × 50 gold spans (1,000,000), then measures, each in a fresh Node process so that its
 * peak RSS is its own:
 *   copy   `COPY (SELECT …) TO STDOUT` of the same documents and spans (with label and target
 *          keys) through the pg wire protocol, received and counted by the client: the cost of
 *          getting the rows out of PostgreSQL at all, the floor any exporter stands on;
 *   jsonl  exportProject(format=jsonl, source=gold), stream read to the end and discarded;
 *   conll  the same for format=conll (BIO tagging every document over the tokens stored with it,
 *          which the generator computes as an import does).
 * Prints a Markdown table for bench/RESULTS.md.
 */
import { spawn } from 'node:child_process';
import { createHash, randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import os from 'node:os';
import { fileURLToPath } from 'node:url';
import pg from 'pg';
import { createPrismaClient } from '@/lib/db/client';
import { migrate } from '@/lib/db/migrate';
import { exportProject } from '@/lib/export/run';
import { createProject } from '@/lib/projects/store';
import { storedTokens, TOKENIZER_VERSION } from '@/lib/tokenize';
import { createUser } from '@/lib/users/store';
import { benchDatabase } from './support/database';

const DOCUMENTS = Number(process.env.BENCH_DOCUMENTS ?? 20_000);
const SENTENCES_PER_DOCUMENT = 25;
const INSERT_DOCUMENTS = 1_000;
const MEASUREMENTS = ['copy', 'jsonl', 'conll'] as const;
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

const mb = (bytes: number) => Math.round(bytes / 1024 / 1024);

async function main() {
  const child = process.env.BENCH_CHILD as Measurement | undefined;
  if (child) {
    process.stdout.write(JSON.stringify(await measure(child, process.env.BENCH_URL!, process.env.BENCH_PROJECT!)));
    return;
  }
  const database = await benchDatabase();
  try {
    console.error(`Migrating ${database.description} …`);
    await migrate(database.url);
    let started = performance.now();
    const projectId = await generate(database.url);
    console.error(`Generated ${DOCUMENTS} documents and ${SPANS} spans in ${((performance.now() - started) / 1000).toFixed(1)} s.`);
    const results: Result[] = [];
    for (const measurement of MEASUREMENTS) {
      started = performance.now();
      results.push(await inChild(measurement, database.url, projectId));
      console.error(`${measurement}: ${((performance.now() - started) / 1000).toFixed(1)} s`);
    }
    console.log(report(results, database.description));
  } finally {
    await database.cleanup();
  }
}

/** A project like a real one (preset schema) filled with multi-row INSERTs of unnested arrays. */
async function generate(url: string): Promise<string> {
  const prisma = createPrismaClient(url);
  const owner = await createUser(prisma, { email: 'bench@example.org', name: 'Bench', password: randomBytes(12).toString('hex') });
  const project = await createProject(prisma, { name: 'Export benchmark', presetId: 'news-stance-framing', ownerId: owner.id });
  const labels = new Map((await prisma.label.findMany({ where: { projectId: project.id } })).map((label) => [`${label.layer}:${label.key}`, label.id]));
  const target = (await prisma.target.findFirstOrThrow({ where: { projectId: project.id, key: 'AFGHAN_TALIBAN' } })).id;
  await prisma.$disconnect();

  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    for (let first = 0; first < DOCUMENTS; first += INSERT_DOCUMENTS) {
      const documents = { id: [] as string[], name: [] as string[], text: [] as string[], sha: [] as string[], metadata: [] as string[], position: [] as number[], tokens: [] as string[], sentences: [] as string[] };
      const spans = { id: [] as string[], document: [] as string[], label: [] as string[], start: [] as number[], end: [] as number[], quote: [] as string[], target: [] as (string | null)[] };
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
              spans.id.push(`${id}-${spans.id.length}`);
              spans.document.push(id);
              spans.label.push(labels.get(`${layer}:${key}`)!);
              spans.start.push(offset);
              spans.end.push(offset + length);
              spans.quote.push(quote);
              spans.target.push(layer === 'STANCE' ? target : null);
            }
            text += quote;
            offset += length;
          }
        }
        documents.id.push(id);
        documents.name.push(`Report ${index}`);
        documents.text.push(text);
        documents.sha.push(createHash('sha256').update(text).digest('hex'));
        documents.metadata.push(JSON.stringify({ source: 'bench', batch: index % 10 }));
        documents.position.push(index);
        // Stored as imports store them (lib/import), as int[] literals: the rows differ in length.
        const tokens = storedTokens(text);
        documents.tokens.push(`{${tokens.tokenOffsets.join(',')}}`);
        documents.sentences.push(`{${tokens.sentenceStarts.join(',')}}`);
      }
      await client.query(
        `INSERT INTO "Document" (id, "projectId", name, text, sha256, metadata, position, "tokenOffsets", "sentenceStarts", tokenizer)
         SELECT id, $1, name, text, sha, metadata, position, tokens::int[], sentences::int[], $10
         FROM unnest($2::text[], $3::text[], $4::text[], $5::text[], $6::jsonb[], $7::int[], $8::text[], $9::text[]) AS u(id, name, text, sha, metadata, position, tokens, sentences)`,
        [project.id, documents.id, documents.name, documents.text, documents.sha, documents.metadata, documents.position, documents.tokens, documents.sentences, TOKENIZER_VERSION],
      );
      await client.query(
        `INSERT INTO "Annotation" (id, "documentId", "labelId", start, "end", quote, "targetId", origin, "updatedAt")
         SELECT id, document, label, start, "end", quote, target, 'IMPORTED', now()
         FROM unnest($1::text[], $2::text[], $3::text[], $4::int[], $5::int[], $6::text[], $7::text[]) AS u(id, document, label, start, "end", quote, target)`,
        [spans.id, spans.document, spans.label, spans.start, spans.end, spans.quote, spans.target],
      );
    }
    await client.query('VACUUM ANALYZE');
  } finally {
    await client.end();
  }
  return project.id;
}

function inChild(measurement: Measurement, url: string, projectId: string): Promise<Result> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [...process.execArgv, fileURLToPath(import.meta.url)], {
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
  const baselineRss = process.memoryUsage().rss;
  let peakRss = baselineRss;
  const sampler = setInterval(() => (peakRss = Math.max(peakRss, process.memoryUsage().rss)), 10);
  const started = performance.now();
  const { bytes, batches } = await run();
  const seconds = (performance.now() - started) / 1000;
  clearInterval(sampler);
  peakRss = Math.max(peakRss, process.memoryUsage().rss);
  // maxRSS is in kilobytes.
  return { measurement, seconds, bytes, spans: SPANS, baselineRssMb: mb(baselineRss), peakRssMb: mb(peakRss), maxRssMb: mb(process.resourceUsage().maxRSS * 1024), batches };
}

async function exporter(format: 'jsonl' | 'conll', url: string, projectId: string) {
  // As every entry point does (lib/db/prepare): the export reads over a connection to DATABASE_URL.
  process.env.DATABASE_URL = url;
  const db = createPrismaClient(url);
  await db.$queryRaw`SELECT 1`;
  return async () => {
    let batches = 0;
    try {
      const result = await exportProject(db, projectId, { format, source: { kind: 'gold' }, baseUrl: 'http://localhost:3000', read: { onBatch: () => batches++ } });
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
    `COPY (SELECT d.id, d.name, d.text, d.metadata FROM "Document" d WHERE d."projectId" = ${literal} AND d."deletedAt" IS NULL ORDER BY d.position, d.id) TO STDOUT`,
    `COPY (SELECT a.id, a."documentId", a."authorId", a.start, a."end", a.quote, a.attributes, l.key, l.layer, t.key, a."targetAnnotationId"
       FROM "Annotation" a JOIN "Document" d ON d.id = a."documentId" JOIN "Label" l ON l.id = a."labelId" LEFT JOIN "Target" t ON t.id = a."targetId"
       WHERE d."projectId" = ${literal} AND d."deletedAt" IS NULL AND a."authorId" IS NULL AND a."deletedAt" IS NULL) TO STDOUT`,
  ];
  return async () => {
    let bytes = 0;
    try {
      for (const sql of queries) {
        const query = Object.assign(new pg.Query(sql), { handleCopyData: (message: { chunk: Buffer }) => void (bytes += message.chunk.length) });
        await new Promise<void>((resolve, reject) => client.query(query).on('end', () => resolve()).on('error', reject));
      }
    } finally {
      await client.end();
    }
    return { bytes, batches: undefined };
  };
}

function report(results: Result[], where: string): string {
  const copy = results.find((result) => result.measurement === 'copy')!;
  const rows = results.map((result) => {
    const rate = Math.round(result.spans / result.seconds).toLocaleString('en-US');
    const ratio = result === copy ? '1.00' : (result.seconds / copy.seconds).toFixed(2);
    return `| ${result.measurement} | ${result.seconds.toFixed(2)} | ${rate} | ${mb(result.bytes)} | ${result.baselineRssMb} | ${result.peakRssMb} | ${result.maxRssMb} | ${ratio} | ${result.batches ?? '–'} |`;
  });
  const packageJson = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')) as { version: string };
  return [
    `Glossa ${packageJson.version}, Node ${process.version}, ${os.cpus().length} × ${os.cpus()[0]?.model ?? 'CPU'}, ${mb(os.totalmem())} MB RAM, ${os.platform()} ${os.release()}; PostgreSQL: ${where}.`,
    `${DOCUMENTS.toLocaleString('en-US')} documents, ${SPANS.toLocaleString('en-US')} gold spans.`,
    '',
    '| run | seconds | spans/s | output MB | RSS before MB | peak RSS MB (sampled) | maxRSS MB | time ÷ COPY | batches |',
    '|---|---|---|---|---|---|---|---|---|',
    ...rows,
  ].join('\n');
}

await main();
