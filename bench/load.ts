/**
 * npm run bench:load — 50 simulated annotators against a production build
 * (`next build` into .next-bench, `next start`) on a fresh embedded PostgreSQL:
 * each creates, updates and deletes spans on its own documents over the REST API
 * (keep-alive HTTP, Bearer tokens), with a small share of agreement report reads.
 * Reports latency per kind, errors and writes/s, then checks that the database
 * holds exactly the acknowledged writes; exits non-zero when it does not.
 *
 * Environment: DURATION (s, default 60), WARMUP (s, default 5), CLIENTS (50),
 * RATE (offered operations/s over all clients; 0 = back to back, default 0),
 * AGREEMENT_SHARE (0.005), DOCUMENTS_EACH (4), DATABASE_POOL_SIZE (passed to the
 * server), LOAD_SERVER_NODE_OPTIONS (NODE_OPTIONS for the server only, e.g.
 * `--require ./bench/load/profile.cjs` for a CPU profile in LOAD_PROFILE_DIR),
 * STREAMS (default 0): hold that many live-update streams open on one document,
 * spread over the annotators, reopening one every 100 ms, while GET /api/health is
 * timed; reports their answers, one stream beyond each limit (429 expected), the
 * health latency, and the presence rows left once they are all closed (0 expected).
 * BATCH (default 1): when above 1, first compares the two write paths (then the usual
 * measurement follows, with single requests): ROUNDS (default 3) × alternately DURATION s of single requests and
 * DURATION s of batches of BATCH span operations (POST /documents/{id}/operations),
 * printing span operations/s acknowledged and errors per phase and the medians; the
 * ledger check at the end covers the writes of both.
 */
import type { ChildProcess } from 'node:child_process';
import { chmodSync, mkdtempSync, rmSync } from 'node:fs';
import http from 'node:http';
import { cpus, tmpdir } from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { createPrismaClient } from '@/lib/db/client';
import { STREAM_LIMITS } from '@/lib/live/hub';
import { freePort, startEmbeddedDatabase } from '@/lib/db/embedded';
import { migrate } from '@/lib/db/migrate';
import { buildIsCurrent, recordBuild } from '../scripts/build-state';
import { root, runNext, spawnNext, waitForHealth } from '../scripts/next-process';
import { Client, Recorder, type Expected, type Kind, type Shared } from './load/client';
import { cpuBetween, sampleCpu, type CpuSample } from './load/cpu';
import { seedLoadProject, type LoadProject } from './load/seed';
import { StreamCrowd, timeHealth, type HealthTimes } from './load/streams';

const setting = (name: string, fallback: number) => Number(process.env[name] ?? fallback);
const DURATION = setting('DURATION', 60);
const WARMUP = setting('WARMUP', 5);
const CLIENTS = setting('CLIENTS', 50);
const RATE = setting('RATE', 0);
const AGREEMENT_SHARE = setting('AGREEMENT_SHARE', 0.005);
const DOCUMENTS_EACH = setting('DOCUMENTS_EACH', 4);
const STREAMS = setting('STREAMS', 0);
const BATCH = setting('BATCH', 1);
const ROUNDS = setting('ROUNDS', 3);
// What a health check may take while the streams are open (issue #14: 4 s before the hub's rework).
const HEALTH_LIMIT_MS = 500;

process.env.GLOSSA_NEXT_DIST_DIR = '.next-bench';
const log = (line: string) => console.log(`[load] ${line}`);

const dataRoot = mkdtempSync(path.join(tmpdir(), 'glossa-bench-load-'));
chmodSync(dataRoot, 0o755);
const database = await startEmbeddedDatabase({ dataRoot });
let server: ChildProcess | null = null;
let failed = true;
try {
  await migrate(database.url);
  const db = createPrismaClient(database.url);
  const project = await seedLoadProject(db, { annotators: CLIENTS, documentsEach: DOCUMENTS_EACH });
  await db.$disconnect();
  log(`seeded ${CLIENTS} annotators × ${DOCUMENTS_EACH} documents`);

  if (!buildIsCurrent(root)) {
    log('building into .next-bench …');
    await runNext(['build']);
    recordBuild(root);
  }
  const port = await freePort();
  const baseUrl = `http://127.0.0.1:${port}`;
  server = spawnNext(['start', '-p', String(port), '-H', '127.0.0.1'], {
    env: {
      DATABASE_URL: database.url,
      NEXTAUTH_URL: baseUrl,
      NEXTAUTH_SECRET: 'load-bench-secret-0123456789abcdef',
      NODE_OPTIONS: process.env.LOAD_SERVER_NODE_OPTIONS,
    },
    stdio: ['ignore', 'inherit', 'inherit'],
  });
  await waitForHealth(baseUrl, server);

  const shared: Shared = {
    baseUrl: new URL(baseUrl),
    agent: new http.Agent({ keepAlive: true, maxSockets: CLIENTS * 2 }),
    projectId: project.projectId,
    curatorToken: project.curatorToken,
    labelIds: project.labelIds,
    recorder: new Recorder(),
    ledger: new Map(),
    uncertain: new Set(),
    uncertainCreates: { count: 0 },
    agreementShare: AGREEMENT_SHARE,
    batch: 1,
  };
  const clients = project.annotators.map((annotator) => new Client(annotator, shared));
  const interval = RATE > 0 ? (1000 * CLIENTS) / RATE : 0;
  const runAll = (seconds: number) => Promise.all(clients.map((c) => c.run(Date.now() + seconds * 1000, interval)));

  // Every stream watches the first annotator's first document (annotators may read any document).
  const crowd =
    STREAMS > 0
      ? new StreamCrowd(
          shared.baseUrl,
          project.annotators[0]!.documents[0]!.id,
          project.annotators.map((a) => a.token),
        )
      : null;
  if (crowd) {
    await crowd.fill(STREAMS);
    log(`${crowd.size} event streams open on one document; answers: ${describeAnswers(crowd.answers)}`);
  }

  log(`warm-up ${WARMUP} s, then ${DURATION} s with ${CLIENTS} clients (${RATE > 0 ? `${RATE} operations/s offered` : 'back to back'})`);
  await runAll(WARMUP);
  if (BATCH > 1) await compareBatched(shared, runAll, () => sampleCpu(server!.pid!, database.dataDir));
  shared.recorder.measuring = true;
  const cpuBefore = sampleCpu(server.pid!, database.dataDir);
  const health = crowd ? timeHealth(shared.baseUrl) : null;
  const started = performance.now();
  const [, churned] = await Promise.all([runAll(DURATION), crowd?.churn(Date.now() + DURATION * 1000)]);
  const seconds = (performance.now() - started) / 1000;
  const cpu = cpuBetween(cpuBefore, sampleCpu(server.pid!, database.dataDir));
  shared.recorder.measuring = false;
  const streamProblems = crowd
    ? await finishStreams(
        crowd,
        project.annotators.map((a) => a.token),
        await health!.stop(),
        churned ?? 0,
        database.url,
      )
    : [];

  await stop(server);
  server = null;

  printResults(shared.recorder, seconds);
  printCpu(cpu, seconds);
  const acknowledged = clients.reduce((sum, c) => sum + c.acknowledged, 0);
  const problems = await checkLedger(database.url, project, shared, acknowledged);
  const errors = shared.recorder.failures.length;
  if (problems.length > 0) {
    console.log(`ledger check FAILED (${problems.length} problem(s)):`);
    for (const problem of problems.slice(0, 20)) console.log(`  ${problem}`);
  }
  failed = problems.length > 0 || streamProblems.length > 0;
  for (const problem of streamProblems) console.log(`streams: ${problem}`);
  if (errors > 0) {
    console.log(`${errors} error(s); first ones:`);
    for (const failure of shared.recorder.failures.slice(0, 10)) console.log(`  ${failure.kind} → ${failure.status}: ${failure.body}`);
  }
} finally {
  if (server) await stop(server);
  await database.stop();
  rmSync(dataRoot, { recursive: true, force: true });
}
process.exit(failed ? 1 : 0);

async function stop(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise((resolve) => child.once('exit', resolve));
  child.kill('SIGTERM');
  await exited;
}

/**
 * Alternates single requests and batches of BATCH span operations, DURATION s each, ROUNDS
 * times, and prints span operations/s acknowledged and errors per phase, then the medians.
 * Each phase also prints the CPU the server and PostgreSQL spent per acknowledged span
 * operation: on a machine shared with other work the rate says how much CPU Glossa got, the
 * cost per operation what it needs, and from it the rate two idle cores would allow.
 */
async function compareBatched(shared: Shared, runAll: (seconds: number) => Promise<unknown>, sample: () => CpuSample): Promise<void> {
  const rates: Record<'single' | 'batched', number[]> = { single: [], batched: [] };
  const costs: Record<'single' | 'batched', number[]> = { single: [], batched: [] };
  for (let round = 1; round <= ROUNDS; round++) {
    for (const mode of ['single', 'batched'] as const) {
      shared.batch = mode === 'single' ? 1 : BATCH;
      const { recorder } = shared;
      for (const kind of Object.keys(recorder.latencies) as Kind[]) recorder.latencies[kind].length = 0;
      recorder.spanOps = 0;
      const errorsBefore = recorder.failures.length;
      recorder.measuring = true;
      const cpuBefore = sample();
      const started = performance.now();
      await runAll(DURATION);
      const seconds = (performance.now() - started) / 1000;
      const cpu = cpuBetween(cpuBefore, sample());
      recorder.measuring = false;
      const rate = recorder.spanOps / seconds;
      rates[mode].push(rate);
      const perOp = (cpuSeconds: number) => (1000 * cpuSeconds) / Math.max(1, recorder.spanOps);
      costs[mode].push(perOp(cpu.server + cpu.postgres));
      log(
        `round ${round} ${mode.padEnd(7)}: ${rate.toFixed(0)} span operations/s acknowledged, ${recorder.failures.length - errorsBefore} error(s); ` +
          `CPU per span operation: server ${perOp(cpu.server).toFixed(1)} ms, PostgreSQL ${perOp(cpu.postgres).toFixed(1)} ms`,
      );
      printCpu(cpu, seconds);
      printResults(recorder, seconds);
    }
  }
  const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;
  const medians = `single ${median(rates.single).toFixed(0)}, batches of ${BATCH} ${median(rates.batched).toFixed(0)}`;
  log(`medians over ${ROUNDS} rounds: ${medians} span operations/s acknowledged`);
  for (const mode of ['single', 'batched'] as const) {
    const cost = median(costs[mode]);
    log(
      `${mode}: median server + PostgreSQL CPU ${cost.toFixed(1)} ms a span operation, ` +
        `${((cpus().length * 1000) / cost).toFixed(0)} span operations/s if they had all ${cpus().length} cores`,
    );
  }
  shared.batch = 1;
}

function describeAnswers(answers: Map<string, number>): string {
  return [...answers].map(([status, count]) => `${status} × ${count}`).join(', ');
}

/**
 * Probes one stream beyond the per-user and the per-document limit, prints what the streams
 * and health checks saw, closes every stream and counts the presence rows left behind.
 */
async function finishStreams(crowd: StreamCrowd, tokens: string[], health: HealthTimes, churned: number, url: string): Promise<string[]> {
  const problems: string[] = [];
  const sorted = [...health.latencies].sort((a, b) => a - b);
  console.log(`streams: ${crowd.size} open; ${churned} closed and reopened during the measurement; answers: ${describeAnswers(crowd.answers)}`);
  console.log(
    `health while streaming: ${sorted.length} checks, p50 ${percentile(sorted, 50).toFixed(1)} ms, ` +
      `p95 ${percentile(sorted, 95).toFixed(1)} ms, max ${(sorted.at(-1) ?? NaN).toFixed(1)} ms, ` +
      `${health.failures.length} failure(s)`,
  );
  if ((sorted.at(-1) ?? Infinity) >= HEALTH_LIMIT_MS) problems.push(`a health check took ${sorted.at(-1)?.toFixed(0)} ms (limit ${HEALTH_LIMIT_MS} ms)`);
  if (health.failures.length > 0) problems.push(`health failures: ${health.failures.slice(0, 5).join('; ')}`);
  for (const [status, count] of crowd.answers)
    if (status === 'network' || Number(status) >= 500) problems.push(`${count} stream request(s) answered ${status}`);
  const beyond = await crowd.probe(tokens[0]!);
  console.log(
    `one more stream on the document: ${beyond}${crowd.size >= STREAM_LIMITS.perDocument ? ` (its limit is ${STREAM_LIMITS.perDocument}: 429 expected)` : ''}`,
  );
  if (crowd.size >= STREAM_LIMITS.perDocument && beyond !== '429') problems.push(`a stream beyond the per-document limit answered ${beyond}`);
  crowd.closeAll();
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    // Closing is asynchronous on the server: give it a moment, then count what is left.
    let left = -1;
    for (let attempt = 0; attempt < 20 && left !== 0; attempt++) {
      await new Promise((resolve) => setTimeout(resolve, 100));
      left = Number((await client.query<{ count: string }>('SELECT count(*) FROM "Presence"')).rows[0]!.count);
    }
    console.log(`presence rows 2 s after every stream closed: ${left}`);
    if (left !== 0) problems.push(`${left} presence row(s) left after every stream closed`);
  } finally {
    await client.end();
  }
  return problems;
}

function percentile(sorted: number[], p: number): number {
  return sorted.length === 0 ? NaN : sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;
}

function printResults(recorder: Recorder, seconds: number): void {
  const row = (name: string, values: number[]) => {
    const sorted = [...values].sort((a, b) => a - b);
    const f = (p: number) => percentile(sorted, p).toFixed(1).padStart(7);
    console.log(
      `${name.padEnd(10)} ${String(values.length).padStart(7)} ` +
        `${(values.length / seconds).toFixed(1).padStart(8)} ${f(50)} ${f(95)} ${f(99)} ` +
        `${(sorted.at(-1) ?? NaN).toFixed(1).padStart(7)}`,
    );
  };
  const writes = (['create', 'update', 'delete'] as Kind[]).flatMap((kind) => recorder.latencies[kind]);
  console.log(`\nmeasured ${seconds.toFixed(1)} s; latency in ms`);
  console.log(
    `${'kind'.padEnd(10)} ${'count'.padStart(7)} ${'per s'.padStart(8)} ${'p50'.padStart(7)} ${'p95'.padStart(7)} ${'p99'.padStart(7)} ${'max'.padStart(7)}`,
  );
  for (const kind of ['create', 'update', 'delete', 'batch', 'agreement'] as Kind[]) row(kind, recorder.latencies[kind]);
  row('writes', writes);
  const byStatus = new Map<string, number>();
  for (const f of recorder.failures) byStatus.set(`${f.kind} ${f.status}`, (byStatus.get(`${f.kind} ${f.status}`) ?? 0) + 1);
  console.log(`errors: ${recorder.failures.length}${byStatus.size ? ` (${[...byStatus].map(([k, n]) => `${k}: ${n}`).join(', ')})` : ''}\n`);
}

function printCpu(cpu: CpuSample, seconds: number): void {
  const share = (value: number) => `${value.toFixed(1)} s (${((value / seconds) * 100).toFixed(0)} % of a core)`;
  const others = cpu.machineBusy - cpu.server - cpu.postgres - cpu.generator;
  console.log(
    `CPU during the measurement (${cpus().length} cores): server ${share(cpu.server)}, PostgreSQL ` +
      `${share(cpu.postgres)}, load generator ${share(cpu.generator)}, everything else ` +
      `${share(Math.max(0, others))}`,
  );
}

/** Compares every annotation on the annotators' documents, and the event log, with the ledger. */
async function checkLedger(url: string, project: LoadProject, shared: Shared, acknowledged: number): Promise<string[]> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const documentIds = project.annotators.flatMap((a) => a.documents.map((d) => d.id));
    const { rows } = await client.query<Expected & { id: string; quote: string; text: string }>(
      `SELECT a.id, a."documentId", a."labelId", a.start, a."end", a.version, a."deletedAt" IS NOT NULL AS deleted, a.quote, d.text
         FROM "Annotation" a JOIN "Document" d ON d.id = a."documentId" WHERE a."documentId" = ANY($1)`,
      [documentIds],
    );
    const {
      rows: [events],
    } = await client.query<{ count: string }>(`SELECT count(*) FROM "Event" WHERE entity = 'ANNOTATION' AND "documentId" = ANY($1)`, [documentIds]);
    const problems: string[] = [];
    const seen = new Set<string>();
    for (const row of rows) {
      seen.add(row.id);
      if (shared.uncertain.has(row.id)) continue;
      const expected = shared.ledger.get(row.id);
      if (!expected) {
        if (shared.uncertainCreates.count === 0) problems.push(`annotation ${row.id} is in the database but was never acknowledged`);
        continue;
      }
      const quote = [...row.text].slice(row.start, row.end).join('');
      const actual = { documentId: row.documentId, labelId: row.labelId, start: row.start, end: row.end, version: row.version, deleted: row.deleted };
      if (JSON.stringify(actual) !== JSON.stringify(expected) || row.quote !== quote) {
        problems.push(`annotation ${row.id}: expected ${JSON.stringify(expected)}, found ${JSON.stringify({ ...actual, quote: row.quote })}`);
      }
    }
    for (const id of shared.ledger.keys()) if (!seen.has(id)) problems.push(`acknowledged annotation ${id} is missing`);
    const extra = rows.length - shared.ledger.size;
    const live = rows.filter((r) => !r.deleted).length;
    const expectedLive = [...shared.ledger.values()].filter((e) => !e.deleted).length;
    const uncertain = shared.uncertain.size + shared.uncertainCreates.count;
    console.log(
      `ledger: ${shared.ledger.size} annotations acknowledged (${expectedLive} live), database ` +
        `${rows.length} (${live} live); ${acknowledged} acknowledged writes, ${events!.count} events; ` +
        `${uncertain} write(s) of unknown outcome`,
    );
    if (uncertain === 0 && (extra !== 0 || live !== expectedLive))
      problems.push(`count differs: database ${rows.length} (${live} live), ledger ${shared.ledger.size} (${expectedLive} live)`);
    const eventCount = Number(events!.count);
    if (eventCount < acknowledged || eventCount > acknowledged + uncertain)
      problems.push(`the event log holds ${eventCount} annotation events for ${acknowledged} acknowledged writes`);
    if (problems.length === 0) console.log('ledger check passed: the database holds exactly the acknowledged writes');
    return problems;
  } finally {
    await client.end();
  }
}
