/**
 * `npm run bench:explain`: query plans of the hot paths at 10 million annotations.
 *
 * Generates (in SQL, on a fresh database from bench/support/database.ts) PROJECTS projects with
 * the news preset, three annotators each, documents assigned to all three, and ANNOTATIONS spans
 * in total (default 10,000,000: per document 15 per annotator plus 5 gold, 3 % withdrawn), with
 * one event row per span as the app writes them, plus a relation and a document answer per
 * annotator and document. Then it runs the application's own functions (lib/…) for each hot path
 * with Prisma's query log on, and `EXPLAIN (ANALYZE, BUFFERS)` every SQL statement they issued,
 * with the same parameters, after one warm-up execution (writes inside a rolled-back transaction).
 * Prints a summary table and the plans as Markdown for bench/RESULTS.md, and exits non-zero when
 * a per-document or per-user path reads a large table sequentially.
 *
 * Generating takes 10–20 minutes. With BENCH_DATABASE_URL and BENCH_KEEP_DATABASE=1 the generated
 * database stays; EXPLAIN_DATABASE_URL=<its url> then skips generating (migrations added since are
 * applied first), to look at the plans again after a change.
 */
import { PrismaPg } from '@prisma/adapter-pg';
import pg from 'pg';
import { authorizeDocument, authorizeProject } from '@/lib/access/project-access';
import { createApiToken } from '@/lib/auth/api-tokens';
import { resolveCaller, type Caller } from '@/lib/auth/caller';
import { createAnnotation, deleteAnnotation, listAnnotations, updateAnnotation, type Actor } from '@/lib/annotations/service';
import { parseAuthorFilter } from '@/lib/annotations/visibility';
import { nextDocument, projectProgress } from '@/lib/assignments/store';
import { projectDashboard } from '@/lib/dashboard/dashboard';
import { searchDocuments } from '@/lib/documents/search';
import { exportProject } from '@/lib/export/run';
import { PrismaClient } from '@/lib/generated/prisma/client';
import { present } from '@/lib/live/presence';
import { createProject } from '@/lib/projects/store';
import { reviewQueue, reviewView } from '@/lib/review/view';
import { createUser } from '@/lib/users/store';
import { withGeneratedDatabase } from './support/database';

const ANNOTATIONS = Number(process.env.ANNOTATIONS ?? 10_000_000);
const PROJECTS = Number(process.env.PROJECTS ?? 40);
const PER_ANNOTATOR = 15;
const GOLD = 5;
const PER_DOCUMENT = 3 * PER_ANNOTATOR + GOLD;
const DOCUMENTS_PER_PROJECT = Math.max(1, Math.round(ANNOTATIONS / PER_DOCUMENT / PROJECTS));
/** Tables this large must never be read whole by a path that serves one document or one user. */
const LARGE_TABLE_ROWS = 100_000;
const OWNER_EMAIL = 'owner@bench.example';

const SENTENCE = 'Talks between Pakistan and the Afghan Taliban ended in Doha without an agreement after an attack in Bannu. ';
const TEXT_REPEAT = 9; // ≈ 1,000 characters per document

interface Statement {
  query: string;
  params: unknown[];
  /** As the application ran it, in ms (Prisma's query log). */
  duration: number;
}

interface Scenario {
  name: string;
  /** Whether the path serves one document or one user (and so must not scan large tables). */
  narrow: boolean;
  run(): Promise<unknown>;
}

interface Plan {
  scenario: string;
  statement: string;
  milliseconds: number;
  plan: string;
  sequentialScans: string[];
}

async function main() {
  await withGeneratedDatabase('EXPLAIN_DATABASE_URL', async (database, reused) => {
    // The export reads over a pg connection of its own (lib/export/source.ts), to the database this names.
    process.env.DATABASE_URL = database.url;
    const log: Statement[] = [];
    let capturing = false;
    const db = new PrismaClient({ adapter: new PrismaPg({ connectionString: database.url }), log: [{ emit: 'event', level: 'query' }] });
    db.$on('query', (event) => capturing && log.push({ query: event.query, params: JSON.parse(event.params) as unknown[], duration: event.duration }));
    recordPgQueries((query, params, duration) => capturing && log.push({ query, params, duration }));

    const started = performance.now();
    if (!reused) await generate(db, database.url);
    console.error(`Generated in ${((performance.now() - started) / 1000).toFixed(0)} s.`);
    const world = await middleOf(db);
    const sizes = await tableSizes(database.url);

    const paths = scenarios(db, world);
    const plans: Plan[] = [];
    for (const scenario of paths) {
      log.length = 0;
      capturing = true;
      await scenario.run().finally(() => (capturing = false));
      const statements = log.filter((s) => /^\s*(SELECT|INSERT|UPDATE|DELETE|WITH)\b/i.test(s.query) && !/pg_(advisory|notify)/.test(s.query));
      for (const statement of statements) plans.push(await explain(database.url, scenario.name, statement, sizes));
      console.error(`${scenario.name}: ${statements.length} statements`);
    }
    await db.$disconnect();

    console.log(report(plans, sizes, paths));
    const offenders = plans.filter((p) => paths.find((s) => s.name === p.scenario)!.narrow && p.sequentialScans.length > 0);
    if (offenders.length > 0) {
      console.error(`Sequential scans of large tables on narrow paths: ${offenders.map((p) => `${p.scenario} (${p.sequentialScans.join(', ')})`).join('; ')}`);
      process.exitCode = 1;
    }
  });
}

interface World {
  projectId: string;
  documentId: string;
  annotator: Caller;
  token: string;
  owner: Caller;
  labelId: string;
}

/** The generated data set; everything but the project schemas is bulk SQL. */
async function generate(db: PrismaClient, url: string): Promise<void> {
  const owner = await createUser(db, { email: OWNER_EMAIL, name: 'Owner', password: 'bench-password-1' });
  const projectIds: string[] = [];
  for (let p = 0; p < PROJECTS; p++) {
    projectIds.push((await createProject(db, { name: `Project ${p}`, presetId: 'news-stance-framing', ownerId: owner.id })).id);
  }
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await client.query('SET synchronous_commit = off');
    await client.query(
      `
      INSERT INTO "User" (id, email, name, "updatedAt")
      SELECT 'u' || p || '_' || a, 'a' || p || '_' || a || '@bench.example', 'Annotator ' || p || '.' || a, now()
      FROM generate_series(1, $1::int) p, generate_series(0, 2) a`,
      [PROJECTS],
    );
    await client.query(
      `
      INSERT INTO "Membership" (id, "projectId", "userId", role)
      SELECT 'm' || p.n || '_' || a, p.id, 'u' || p.n || '_' || a, 'ANNOTATOR'
      FROM unnest($1::text[]) WITH ORDINALITY p(id, n), generate_series(0, 2) a`,
      [projectIds],
    );
    for (const [index, projectId] of projectIds.entries()) {
      const p = index + 1;
      await client.query('BEGIN');
      await client.query(
        `INSERT INTO "Document" (id, "projectId", name, text, sha256, metadata, position)
         SELECT 'd' || $2::int || '_' || i, $1, 'Document ' || i, 'Report ' || i || '. ' || repeat($3, $5::int),
           md5($2::text || '/' || i), jsonb_build_object('source', (ARRAY['dawn','geo','bbc','aljazeera'])[1 + i % 4], 'year', 2020 + i % 6), i
         FROM generate_series(0, $4::int - 1) i`,
        [projectId, p, SENTENCE, DOCUMENTS_PER_PROJECT, TEXT_REPEAT],
      );
      await client.query(
        `INSERT INTO "Assignment" (id, "documentId", "userId", status, "startedAt", "submittedAt")
         SELECT 'as' || $1::int || '_' || i || '_' || a, 'd' || $1::int || '_' || i, 'u' || $1::int || '_' || a,
           s.status::"AssignmentStatus", CASE WHEN s.status <> 'ASSIGNED' THEN now() END, CASE WHEN s.status = 'SUBMITTED' THEN now() END
         FROM generate_series(0, $2::int - 1) i, generate_series(0, 2) a,
           LATERAL (SELECT CASE WHEN (i + a) % 5 < 3 THEN 'SUBMITTED' WHEN (i + a) % 5 = 3 THEN 'IN_PROGRESS' ELSE 'ASSIGNED' END AS status) s`,
        [p, DOCUMENTS_PER_PROJECT],
      );
      // Spans of 8 characters spread over the text; author -1 is the gold layer. One event per span, as the app records.
      await client.query(
        `WITH spans AS (
           INSERT INTO "Annotation" (id, "documentId", "authorId", "labelId", start, "end", quote, "updatedAt", "deletedAt", "sourceIds")
           SELECT 'an' || $1::int || '_' || i || '_' || a || '_' || k, 'd' || $1::int || '_' || i,
             CASE WHEN a >= 0 THEN 'u' || $1::int || '_' || a END, l.ids[1 + (i + k + a + 1) % cardinality(l.ids)],
             b.base + (k * 20) % (length($5) - 8), b.base + (k * 20) % (length($5) - 8) + 8, substr($5, 1 + (k * 20) % (length($5) - 8), 8),
             now(), CASE WHEN (i + k) % 33 = 0 THEN now() END,
             CASE WHEN a < 0 THEN ARRAY['an' || $1::int || '_' || i || '_0_' || k] ELSE '{}' END
           FROM generate_series(0, $2::int - 1) i, generate_series(-1, 2) a,
             generate_series(0, CASE WHEN a < 0 THEN $3::int ELSE $4::int END - 1) k,
             (SELECT array_agg(id ORDER BY position) AS ids FROM "Label" WHERE "projectId" = $6 AND layer = 'ENTITY') l,
             LATERAL (SELECT length('Report ' || i || '. ') AS base) b
           RETURNING id, "documentId", "authorId", "labelId", start, "end", quote)
         INSERT INTO "Event" ("projectId", "documentId", "actorId", entity, "entityId", action, after, "createdAt")
         SELECT $6, s."documentId", s."authorId", 'ANNOTATION', s.id, 'CREATE',
           jsonb_build_object('id', s.id, 'labelId', s."labelId", 'start', s.start, 'end', s."end", 'quote', s.quote, 'authorId', s."authorId", 'version', 1),
           now() - make_interval(secs => random() * 8640000)
         FROM spans s`,
        [p, DOCUMENTS_PER_PROJECT, GOLD, PER_ANNOTATOR, SENTENCE.repeat(TEXT_REPEAT), projectId],
      );
      await client.query(
        `INSERT INTO "Relation" (id, "documentId", "authorId", "labelId", "sourceId", "targetId", "updatedAt")
         SELECT 'r' || $1::int || '_' || i || '_' || a, 'd' || $1::int || '_' || i, 'u' || $1::int || '_' || a, rl.id,
           'an' || $1::int || '_' || i || '_' || a || '_0', 'an' || $1::int || '_' || i || '_' || a || '_1', now()
         FROM generate_series(0, $2::int - 1) i, generate_series(0, 2) a,
           (SELECT id FROM "Label" WHERE "projectId" = $3 AND layer = 'RELATION' ORDER BY position LIMIT 1) rl`,
        [p, DOCUMENTS_PER_PROJECT, projectId],
      );
      await client.query(
        `INSERT INTO "DocumentLabel" (id, "documentId", "authorId", "labelId", "values", "updatedAt")
         SELECT 'dl' || $1::int || '_' || i || '_' || a, 'd' || $1::int || '_' || i, 'u' || $1::int || '_' || a, q.id,
           ARRAY[(q.options -> ((i + a) % jsonb_array_length(q.options)) ->> 'key')], now()
         FROM generate_series(0, $2::int - 1) i, generate_series(0, 2) a,
           (SELECT id, options::jsonb AS options FROM "Label" WHERE "projectId" = $3 AND layer = 'DOCUMENT' AND NOT "perTarget" ORDER BY position LIMIT 1) q`,
        [p, DOCUMENTS_PER_PROJECT, projectId],
      );
      await client.query('COMMIT');
      console.error(`project ${p}/${PROJECTS}: ${DOCUMENTS_PER_PROJECT} documents, ${DOCUMENTS_PER_PROJECT * PER_DOCUMENT} spans`);
    }
    await client.query('VACUUM ANALYZE');
  } finally {
    await client.end();
  }
}

/** A document in the middle of the middle project, as an annotator who is still working on it sees it. */
async function middleOf(db: PrismaClient): Promise<World> {
  const projects = await db.project.findMany({ select: { id: true }, orderBy: { createdAt: 'asc' } });
  const middle = Math.floor(projects.length / 2) + 1;
  const projectId = projects[middle - 1]!.id;
  const documents = await db.document.count({ where: { projectId } });
  const annotatorId = `u${middle}_1`;
  const { token } = await createApiToken(db, annotatorId, 'bench');
  const owner = await db.user.findUniqueOrThrow({ where: { email: OWNER_EMAIL }, select: { id: true } });
  const label = await db.label.findFirstOrThrow({ where: { projectId, layer: 'ENTITY' }, orderBy: { position: 'asc' } });
  return {
    projectId,
    // In the middle, and one annotator u…_1 has in progress ((i + 1) % 5 = 3): the write paths below need work that is not submitted (read-only).
    documentId: `d${middle}_${Math.floor(documents / 10) * 5 + 2}`,
    annotator: { userId: annotatorId, isAdmin: false, via: 'token' },
    token,
    owner: { userId: owner.id, isAdmin: true, via: 'session' },
    labelId: label.id,
  };
}

/** The hot paths, each through the same lib/ function the route or page calls. */
function scenarios(db: PrismaClient, world: World): Scenario[] {
  const { projectId, documentId, annotator, owner } = world;
  const actor = async (caller: Caller): Promise<Actor> => ({
    userId: caller.userId,
    access: await authorizeProject(db, caller, projectId, 'annotations:write'),
  });
  let created: { id: string; version: number } | undefined;
  return [
    { name: 'API request: Bearer token → caller', narrow: true, run: () => resolveCaller(db, new Headers({ authorization: `Bearer ${world.token}` })) },
    { name: 'Authorize a document route', narrow: true, run: () => authorizeDocument(db, annotator, documentId, 'annotations:write') },
    {
      name: 'Editor: the annotator’s spans of a document',
      narrow: true,
      run: async () => listAnnotations(db, await actor(annotator), documentId, parseAuthorFilter('me', annotator.userId)),
    },
    {
      name: 'Create a span',
      narrow: true,
      run: async () => {
        const span = await createAnnotation(db, await actor(annotator), documentId, { labelId: world.labelId, start: 8, end: 13, target: null });
        created = { id: span.id, version: span.version };
      },
    },
    {
      name: 'Move a span (PATCH)',
      narrow: true,
      run: async () => {
        const span = await updateAnnotation(db, await actor(annotator), documentId, created!.id, { version: created!.version, start: 8, end: 16 });
        created = { id: span.id, version: span.version };
      },
    },
    { name: 'Delete a span', narrow: true, run: async () => deleteAnnotation(db, await actor(annotator), documentId, created!.id, created!.version) },
    { name: 'Annotator queue: next document', narrow: true, run: () => nextDocument(db, projectId, annotator.userId) },
    {
      name: 'Documents list: only mine, in progress, page 3',
      narrow: true,
      run: () => searchDocuments(db, projectId, { mine: true, status: 'IN_PROGRESS', meta: [] }, { page: 3, callerId: annotator.userId }),
    },
    {
      name: 'Documents list: text search',
      narrow: false,
      run: () => searchDocuments(db, projectId, { mine: false, q: 'Report 1234.', meta: [] }, { page: 1, callerId: owner.userId }),
    },
    {
      name: 'Documents list: metadata filter',
      narrow: false,
      run: () => searchDocuments(db, projectId, { mine: false, meta: [{ key: 'source', value: 'dawn' }] }, { page: 1, callerId: owner.userId }),
    },
    { name: 'Live: who is here', narrow: true, run: () => present(db, documentId) },
    { name: 'Curator: one document, all annotators', narrow: true, run: () => reviewView(db, documentId) },
    { name: 'Progress dashboard (one project)', narrow: false, run: () => projectProgress(db, projectId) },
    { name: 'Review queue (one project)', narrow: false, run: () => reviewQueue(db, projectId, 'open') },
    {
      name: 'Overview charts, curator (one project)',
      narrow: false,
      run: () => projectDashboard(db, projectId, { userId: owner.userId, seesOthersWork: true }),
    },
    {
      name: 'Overview charts, blind annotator (one project)',
      narrow: false,
      run: () => projectDashboard(db, projectId, { userId: annotator.userId, seesOthersWork: false }),
    },
    {
      name: 'Export: first batch of gold jsonl',
      narrow: false,
      run: async () => {
        const result = await exportProject(db, projectId, { format: 'jsonl', source: { kind: 'gold' }, baseUrl: 'http://bench.example' });
        const reader = result.stream.getReader();
        await reader.read();
        await reader.cancel();
      },
    },
  ];
}

/**
 * Paths that talk to PostgreSQL through node-postgres directly (the export) are invisible to
 * Prisma's query log, so the bench listens on pg's own Client.query as well.
 */
function recordPgQueries(record: (query: string, params: unknown[], duration: number) => void): void {
  const query = pg.Client.prototype.query as (this: pg.Client, ...args: unknown[]) => unknown;
  pg.Client.prototype.query = function (this: pg.Client, ...args: unknown[]) {
    const [text, values] = args;
    const result = query.apply(this, args);
    if (typeof text === 'string' && result instanceof Promise) {
      const started = performance.now();
      void result.then(
        () => record(text, (values as unknown[] | undefined) ?? [], performance.now() - started),
        () => {},
      );
    }
    return result;
  } as typeof pg.Client.prototype.query;
}

/**
 * EXPLAIN (ANALYZE, BUFFERS) after one warm-up run, updates and deletes inside rolled-back
 * transactions. An INSERT cannot run again (its id exists now) and has no plan to choose, so it
 * gets a plain EXPLAIN and the time it took when the application ran it.
 */
async function explain(url: string, scenario: string, statement: Statement, sizes: Map<string, number>): Promise<Plan> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  const insert = /^\s*INSERT\b/i.test(statement.query);
  const write = !/^\s*(SELECT|WITH)\b/i.test(statement.query);
  const run = async (sql: string) => {
    if (write) await client.query('BEGIN');
    try {
      return await client.query<{ 'QUERY PLAN': string }>(sql, params);
    } finally {
      if (write) await client.query('ROLLBACK');
    }
  };
  const params = statement.params.map((value) => (value !== null && typeof value === 'object' && !Array.isArray(value) ? JSON.stringify(value) : value));
  try {
    if (!insert) await run(statement.query);
    const { rows } = await run(`EXPLAIN ${insert ? '' : '(ANALYZE, BUFFERS) '}${statement.query}`);
    const plan = rows.map((row) => row['QUERY PLAN']).join('\n');
    const milliseconds = insert ? statement.duration : Number(/Execution Time: ([\d.]+) ms/.exec(plan)?.[1] ?? NaN);
    // Plans keep alternatives the executor may never run (hashed subplans); only executed scans count.
    const sequentialScans = [...plan.matchAll(/Seq Scan on "?(\w+)"?.*$/gm)]
      .filter((m) => !m[0].includes('never executed'))
      .map((m) => m[1]!)
      .filter((table) => (sizes.get(table) ?? 0) >= LARGE_TABLE_ROWS);
    return { scenario, statement: statement.query, milliseconds, plan, sequentialScans: [...new Set(sequentialScans)] };
  } finally {
    await client.end();
  }
}

async function tableSizes(url: string): Promise<Map<string, number>> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const { rows } = await client.query<{ relname: string; rows: string }>(`SELECT relname, n_live_tup AS rows FROM pg_stat_user_tables`);
    return new Map(rows.map((row) => [row.relname, Number(row.rows)]));
  } finally {
    await client.end();
  }
}

function report(plans: Plan[], sizes: Map<string, number>, all: Scenario[]): string {
  const rows = ['Annotation', 'Event', 'Document', 'Assignment', 'Relation', 'DocumentLabel'].map((t) => `${t} ${(sizes.get(t) ?? 0).toLocaleString('en')}`);
  const lines = [
    `Rows: ${rows.join(', ')}; ${PROJECTS} projects of ${DOCUMENTS_PER_PROJECT.toLocaleString('en')} documents.`,
    '',
    '| path | statements | slowest statement ms | total ms | large tables read sequentially |',
    '|---|---|---|---|---|',
  ];
  for (const scenario of all) {
    const own = plans.filter((p) => p.scenario === scenario.name);
    const total = own.reduce((sum, p) => sum + p.milliseconds, 0);
    const slowest = Math.max(0, ...own.map((p) => p.milliseconds));
    const scans = [...new Set(own.flatMap((p) => p.sequentialScans))];
    lines.push(`| ${scenario.name} | ${own.length} | ${slowest.toFixed(2)} | ${total.toFixed(2)} | ${scans.join(', ') || '–'} |`);
  }
  lines.push('', '<details><summary>Plans</summary>', '');
  for (const plan of plans) {
    // Long IN lists ($1,…,$5000) say nothing the plan does not.
    const statement = plan.statement
      .trim()
      .replace(/\$\d+(,\$\d+){3,}/g, (list) => `${list.slice(0, list.indexOf(','))},…,${list.slice(list.lastIndexOf(',') + 1)}`);
    // Plans quote the parameters too; a list of 5,000 document ids is cut to its start.
    const planText = plan.plan.replace(/^(.{240}).+$/gm, '$1…');
    lines.push(`**${plan.scenario}** (${plan.milliseconds.toFixed(2)} ms)`, '', '```sql', statement, '```', '', '```', planText, '```', '');
  }
  lines.push('</details>');
  return lines.join('\n');
}

await main();
