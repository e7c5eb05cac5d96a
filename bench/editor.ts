/**
 * npm run bench:editor — the editor in Chromium (1366×768) against production builds on an
 * embedded PostgreSQL, on the documents of issue #17: 25,000 characters with 15 spans, 6,000
 * tokens with 300, 100,000 characters with 5,000 (some nested), and the op-ed of
 * ../shared/fixtures when present. Each visit (bench/editor/run.ts) measures, from navigation
 * start: first byte; "painted", the first frame showing the editor with all its span
 * elements; "interactive", when a keydown sent right after that paint was handled by the
 * page; keydown → new span painted for the first label after opening and for three more;
 * the save round trip of the first new span; the JS heap after a forced GC; long tasks while
 * opening. Medians over ROUNDS rounds, each visiting every document once per build in turn.
 *
 * Environment: BENCH_ROUNDS (default 5); EDITOR_BUILDS, comma-separated Next.js build folders
 * to compare side by side (default: the current sources, built into .next-bench when stale), a
 * folder followed by ":tags-off" visited with the editor's Tags switch off (the cost of the tags);
 * BENCH_PROFILE, a folder for a CPU profile of each document's first visit with each build,
 * summarised by function on the console (it slows those visits, which are then not counted).
 */
import type { ChildProcess } from 'node:child_process';
import { chmodSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { execSync } from 'node:child_process';
import path from 'node:path';
import { createPrismaClient } from '@/lib/db/client';
import { freePort, startEmbeddedDatabase } from '@/lib/db/embedded';
import { migrate } from '@/lib/db/migrate';
import { launchChromium, signIn } from '../tests/support/browser';
import { buildIsCurrent, recordBuild } from '../scripts/build-state';
import { root, runNext, spawnNext, waitForHealth } from '../scripts/next-process';
import { benchDocuments } from './editor/documents';
import { runOnce, type RunFigures } from './editor/run';
import { BENCH_USER, seedEditorProject } from './editor/seed';

const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 5);
const PROFILE = process.env.BENCH_PROFILE;
const log = (line: string) => console.log(`[editor] ${line}`);
const load = () =>
  `load average ${loadavg()
    .map((l) => l.toFixed(2))
    .join(' ')} (${execSync('uptime').toString().trim()})`;

const builds = process.env.EDITOR_BUILDS?.split(',').map((b) => b.trim()) ?? ['.next-bench'];
if (!process.env.EDITOR_BUILDS) {
  process.env.GLOSSA_NEXT_DIST_DIR = '.next-bench';
  if (!buildIsCurrent(root)) {
    log('building into .next-bench …');
    await runNext(['build']);
    recordBuild(root);
  }
}

const dataRoot = mkdtempSync(path.join(tmpdir(), 'glossa-bench-editor-'));
chmodSync(dataRoot, 0o755);
const database = await startEmbeddedDatabase({ dataRoot });
const servers: ChildProcess[] = [];
const browser = await launchChromium();
try {
  await migrate(database.url);
  const db = createPrismaClient(database.url);
  const { projectId, documents } = await seedEditorProject(db, benchDocuments(log));
  await db.$disconnect();

  const apps = [];
  for (const build of builds) {
    const [folder, variant] = build.split(':');
    if (variant !== undefined && variant !== 'tags-off') throw new Error(`EDITOR_BUILDS: "${build}" has the unknown variant "${variant}" (known: tags-off)`);
    const port = await freePort();
    const base = `http://127.0.0.1:${port}`;
    const env = { DATABASE_URL: database.url, NEXTAUTH_URL: base, NEXTAUTH_SECRET: 'editor-bench-secret-0123456789abcdef', GLOSSA_NEXT_DIST_DIR: folder };
    const server = spawnNext(['start', '-p', String(port), '-H', '127.0.0.1'], { env, stdio: ['ignore', 'ignore', 'inherit'] });
    servers.push(server);
    await waitForHealth(base, server);
    // CSP forbids eval, which the bench's waitForFunction(string) uses; the app's own scripts are unaffected.
    const context = await browser.newContext({ viewport: { width: 1366, height: 768 }, bypassCSP: true });
    // The switch's stored choice (components/editor/useTagsShown.ts), set before the page's scripts read it.
    if (variant === 'tags-off') await context.addInitScript(() => window.localStorage.setItem('glossa.editor.tags', 'off'));
    const page = await context.newPage();
    await signIn(page, BENCH_USER, base);
    await page.close();
    apps.push({ build, base, context });
  }
  log(`${documents.length} documents, builds ${builds.join(', ')}, ${ROUNDS} rounds; ${load()}`);

  const figures = new Map<string, RunFigures[]>();
  if (PROFILE) mkdirSync(PROFILE, { recursive: true });
  for (let round = PROFILE ? -1 : 0; round < ROUNDS; round++) {
    for (const document of documents) {
      for (const app of apps) {
        const url = `${app.base}/projects/${projectId}/documents/${document.id}`;
        const run = await runOnce(app.context, url, document, round < 0 ? path.join(PROFILE!, app.build.replace(/\W+/g, '')) : undefined);
        if (round < 0) continue;
        const key = `${app.build}\t${document.name}`;
        figures.set(key, [...(figures.get(key) ?? []), run]);
      }
    }
    log(`round ${round + 1} of ${ROUNDS} done; ${load()}`);
  }
  printTable(figures);
  log(`finished; ${load()}`);
} finally {
  await browser.close();
  for (const server of servers) server.kill('SIGTERM');
  await Promise.all(servers.map((server) => new Promise((resolve) => (server.exitCode !== null ? resolve(null) : server.once('exit', resolve)))));
  await database.stop();
  rmSync(dataRoot, { recursive: true, force: true });
}

function median(values: number[]): number {
  const sorted = values.filter((v) => !Number.isNaN(v)).sort((a, b) => a - b);
  if (sorted.length === 0) return Number.NaN;
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

function printTable(figures: Map<string, RunFigures[]>): void {
  const ms = (v: number) => `${Math.round(v)}`;
  const columns: Array<[string, (runs: RunFigures[]) => string]> = [
    ['first byte ms', (r) => ms(median(r.map((f) => f.firstByte)))],
    ['painted ms', (r) => ms(median(r.map((f) => f.painted)))],
    ['interactive ms', (r) => ms(median(r.map((f) => f.interactive)))],
    ['interactive − first byte', (r) => ms(median(r.map((f) => f.interactive - f.firstByte)))],
    ['first label ms', (r) => ms(median(r.map((f) => f.firstLabel)))],
    ['later labels ms', (r) => ms(median(r.flatMap((f) => f.laterLabels)))],
    ['save ms', (r) => ms(median(r.map((f) => f.save)))],
    ['heap MB', (r) => median(r.map((f) => f.heapMb)).toFixed(1)],
    ['long tasks opening (n / ms)', (r) => `${median(r.map((f) => f.openLongTasks))} / ${ms(median(r.map((f) => f.openLongTaskMs)))}`],
    ['long tasks labelling ms', (r) => ms(median(r.map((f) => f.labelLongTaskMs)))],
    ['HTML KB', (r) => median(r.map((f) => f.htmlKb)).toFixed(0)],
  ];
  console.log(`\n| build | document | ${columns.map(([name]) => name).join(' | ')} |`);
  console.log(`|---|---|${columns.map(() => '---:').join('|')}|`);
  for (const [key, runs] of figures) {
    const [build, document] = key.split('\t');
    console.log(`| ${build} | ${document} | ${columns.map(([, cell]) => cell(runs)).join(' | ')} |`);
  }
}
