/**
 * npm run bench:import — imports 10,000 documents (about 50 MB of Glossa JSONL with
 * spans) in one batch through the same service the API and CLI use, streamed from a
 * generator so the input never exists in memory as a whole. Reports documents/s,
 * MB/s and peak RSS, on a fresh embedded PostgreSQL.
 */
import { chmodSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { createPrismaClient } from '@/lib/db/client';
import { startEmbeddedDatabase } from '@/lib/db/embedded';
import { migrate } from '@/lib/db/migrate';
import { importBatch } from '@/lib/import/service';
import { createProject } from '@/lib/projects/store';
import { createUser } from '@/lib/users/store';

const DOCUMENTS = Number(process.env.DOCUMENTS ?? 10_000);
const PARAGRAPH = 'Talks between Pakistan and the Afghan Taliban ended in Doha without an agreement, two days after an attack in Bannu. ';

let bytes = 0;
async function* jsonl(): AsyncIterable<Uint8Array> {
  const encoder = new TextEncoder();
  for (let i = 0; i < DOCUMENTS; i++) {
    const text = `Document ${i}. ${PARAGRAPH.repeat(40)}`;
    const at = text.indexOf('Bannu');
    const spans = [
      { start: at, end: at + 5, label: 'GPE', layer: 'ENTITY', quote: 'Bannu' },
      { start: text.indexOf('Doha'), end: text.indexOf('Doha') + 4, label: 'GPE', layer: 'ENTITY', quote: 'Doha' },
    ];
    const line = encoder.encode(`${JSON.stringify({ name: `doc-${i}`, text, metadata: { i }, spans })}\n`);
    bytes += line.length;
    yield line;
  }
}

const dataRoot = mkdtempSync(path.join(tmpdir(), 'glossa-bench-import-'));
chmodSync(dataRoot, 0o755);
const database = await startEmbeddedDatabase({ dataRoot });
try {
  await migrate(database.url);
  const db = createPrismaClient(database.url);
  const owner = await createUser(db, { email: 'bench@example.org', name: 'Bench', password: 'bench password' });
  const project = await createProject(db, { name: 'bench', presetId: 'news-stance-framing', ownerId: owner.id });
  let peak = 0;
  const sampler = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss)), 100);
  const started = performance.now();
  const report = await importBatch(db, [{ kind: 'file', source: { name: 'bench.jsonl', stream: jsonl } }], {
    projectId: project.id,
    actorId: owner.id,
    author: { kind: 'user', userId: owner.id },
    format: 'glossa',
  });
  const seconds = (performance.now() - started) / 1000;
  clearInterval(sampler);
  console.log(
    `imported ${report.documentCount} documents, ${report.files[0]!.spans} spans, ${(bytes / 1e6).toFixed(1)} MB of JSONL in ${seconds.toFixed(1)} s`,
  );
  console.log(`${(report.documentCount / seconds).toFixed(0)} documents/s, ${(bytes / 1e6 / seconds).toFixed(1)} MB/s, peak RSS ${(peak / 1e6).toFixed(0)} MB`);
  await db.$disconnect();
} finally {
  await database.stop();
  rmSync(dataRoot, { recursive: true, force: true });
}
