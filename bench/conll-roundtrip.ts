/**
 * npm run bench:conll-roundtrip — 10,000 CoNLL-2003-shaped sentences (documents of 10 sentences,
 * IOB2, PER/ORG/LOC/MISC and a `creative-work` type the schema spells WORK_OF_ART, with the
 * abbreviations inside entities that ICU takes for sentence ends: "P. Simmons", "Louis D.
 * Boccardi", "Mrs. Doubtfire", "St. Louis", "U.S.") imported through the real import service into
 * a fresh embedded PostgreSQL and exported through the real export (format=conll, labels=source),
 * then compared with the input: tokens, sentences, entities and bytes. It runs the export twice:
 * from the tokens stored at import (the source's), and again after dropping them, so that the
 * export tokenizes with lib/tokenize and fits tokens and sentences to the spans.
 */
import { chmodSync, mkdtempSync, rmSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import path from 'node:path';
import { createPrismaClient } from '@/lib/db/client';
import { startEmbeddedDatabase } from '@/lib/db/embedded';
import { migrate } from '@/lib/db/migrate';
import { exportProject } from '@/lib/export/run';
import { importBatch } from '@/lib/import/service';
import { createProject } from '@/lib/projects/store';
import { createUser } from '@/lib/users/store';

const SENTENCES = Number(process.env.SENTENCES ?? 10_000);
const PER_DOCUMENT = 10;

const ENTITIES: [string[], string][] = [
  [['P.', 'Simmons'], 'PER'],
  [['Louis', 'D.', 'Boccardi'], 'PER'],
  [['Mrs.', 'Doubtfire'], 'creative-work'],
  [['St.', 'Louis'], 'LOC'],
  [['U.S.'], 'LOC'],
  [['United', 'Arab', 'Emirates'], 'LOC'],
  [['Reuters'], 'ORG'],
  [['Bundesbank'], 'ORG'],
  [['German'], 'MISC'],
  [['Gen.', 'J.', 'R.', 'Smith', 'Jr.'], 'PER'],
];
const FILLER = ['said', 'on', 'Tuesday', 'the', 'team', 'beat', '6-3', ',', 'after', 'talks', 'in', "n't", '(', ')', '1996-08-22', 'percent', 'of', 'shares'];

/** Deterministic, so every run imports the same corpus. */
function random(seed: number): () => number {
  // mulberry32: integer arithmetic only (a float LCG loses bits and falls into a short cycle).
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = Math.imul(state ^ (state >>> 15), state | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 2 ** 32;
  };
}

function corpus(): { text: string; tokens: number; entities: number } {
  const next = random(2026);
  const lines: string[] = [];
  let tokens = 0;
  let entities = 0;
  for (let sentence = 0; sentence < SENTENCES; sentence++) {
    if (sentence % PER_DOCUMENT === 0) lines.push('-DOCSTART- -X- -X- O', '');
    const words = 6 + Math.floor(next() * 20);
    for (let word = 0; word < words; word++) {
      if (next() < 0.2) {
        const [entity, label] = ENTITIES[Math.floor(next() * ENTITIES.length)]!;
        entity.forEach((token, index) => lines.push(`${token}\t${index === 0 ? 'B' : 'I'}-${label}`));
        tokens += entity.length;
        entities++;
      } else {
        lines.push(`${FILLER[Math.floor(next() * FILLER.length)]!}\tO`);
        tokens++;
      }
    }
    lines.push('.\tO', '');
    tokens++;
  }
  return { text: `${lines.join('\n')}\n`, tokens, entities };
}

/** Tokens, sentences and entities of a CoNLL text, counted the way conlleval reads tags. */
function count(conll: string): { tokens: number; sentences: number; entities: number; documents: number } {
  let tokens = 0;
  let sentences = 0;
  let entities = 0;
  let documents = 0;
  let inSentence = false;
  for (const line of conll.split('\n')) {
    if (line.startsWith('-DOCSTART-')) documents++;
    else if (line === '') {
      if (inSentence) sentences++;
      inSentence = false;
    } else {
      tokens++;
      inSentence = true;
      if (line.split('\t')[1]!.startsWith('B-')) entities++;
    }
  }
  return { tokens, sentences, entities, documents };
}

const input = corpus();
const dataRoot = mkdtempSync(path.join(tmpdir(), 'glossa-bench-conll-'));
chmodSync(dataRoot, 0o755);
const database = await startEmbeddedDatabase({ dataRoot });
process.env.DATABASE_URL = database.url;
try {
  await migrate(database.url);
  const db = createPrismaClient(database.url);
  const owner = await createUser(db, { email: 'bench@example.org', name: 'Bench', password: 'bench password' });
  const project = await createProject(db, { name: 'conll round trip', presetId: 'news-stance-framing', ownerId: owner.id });
  const bytes = new TextEncoder().encode(input.text);
  const started = performance.now();
  const report = await importBatch(
    db,
    [
      {
        kind: 'file',
        source: {
          name: 'corpus.conll',
          stream: async function* () {
            for (let at = 0; at < bytes.length; at += 65_536) yield bytes.subarray(at, at + 65_536);
          },
        },
      },
    ],
    {
      projectId: project.id,
      actorId: owner.id,
      author: { kind: 'gold' },
      labelMap: { PER: 'PERSON', MISC: 'NORP', 'creative-work': 'WORK_OF_ART' },
    },
  );
  const imported = performance.now();
  if (report.files[0]!.duplicatesSkipped.length > 0) throw new Error(`${report.files[0]!.duplicatesSkipped.length} generated documents were duplicates`);
  const conll = async () =>
    new Response(
      (await exportProject(db, project.id, { format: 'conll', source: { kind: 'gold' }, baseUrl: 'http://localhost', labels: 'source' })).stream,
    ).text();
  const output = await conll();
  const exported = performance.now();
  await db.document.updateMany({ where: { projectId: project.id }, data: { tokenizer: null } });
  const retokenized = await conll();

  const row = (name: string, text: string) => {
    const c = count(text);
    return (
      `| ${name} | ${c.documents.toLocaleString('en')} | ${c.sentences.toLocaleString('en')} | ` +
      `${c.tokens.toLocaleString('en')} | ${c.entities.toLocaleString('en')} | ` +
      `${text === input.text ? 'yes' : 'no'} |`
    );
  };
  console.log(
    `import ${((imported - started) / 1000).toFixed(1)} s, export ` +
      `${((exported - imported) / 1000).toFixed(1)} s; ${(bytes.length / 1e6).toFixed(1)} MB of CoNLL`,
  );
  console.log('| | documents | sentences | tokens | entities | byte-identical |\n|---|---|---|---|---|---|');
  console.log(row('input', input.text));
  console.log(row('export (source tokens)', output));
  console.log(row('export (lib/tokenize, fitted)', retokenized));
  console.log(
    `node ${process.version}, load average ${loadavg()
      .map((l) => l.toFixed(2))
      .join(' ')}`,
  );
  if (output !== input.text) process.exitCode = 1;
  await db.$disconnect();
} finally {
  await database.stop();
  rmSync(dataRoot, { recursive: true, force: true });
}
