import { strFromU8, unzipSync } from 'fflate';
import { beforeAll, describe, expect, it } from 'vitest';
import { getPrisma } from '@/lib/db/client';
import { exportProject, type ExportRequest } from '@/lib/export/run';
import { importBatch } from '@/lib/import/service';
import { sourceOf } from '../fixtures/import/source';
import { makeProject, makeUser, type TestUser } from '../support/fixtures';

/**
 * A span's "unsure" flag and note (issue #17) in exports: span attributes `unsure` and `note` in the
 * formats that carry attributes, read back into the flag and note by the import; counted as
 * dropped by the formats that cannot hold them.
 */
const db = getPrisma();
const TEXT = 'Alice met Bob in Paris';
const MULTI_LINE = 'Two readings:\nthe city or the club';
let owner: TestUser;
let projectId: string;

const at = (quote: string) => ({ start: TEXT.indexOf(quote), end: TEXT.indexOf(quote) + quote.length, quote });

beforeAll(async () => {
  owner = await makeUser(db, 'owner');
  projectId = (await makeProject(db, { OWNER: owner }, 'Remarks')).id;
  const labels = Object.fromEntries((await db.label.findMany({ where: { projectId, layer: 'ENTITY' } })).map((l) => [l.key, l.id]));
  const { id: documentId } = await db.document.create({ data: { projectId, name: 'd1', text: TEXT, sha256: 'd1', position: 0 } });
  const span = (label: string, quote: string, remarks: { unsure?: boolean; note?: string; attributes?: object }) =>
    db.annotation.create({ data: { documentId, authorId: null, labelId: labels[label]!, ...at(quote), ...remarks } });
  await span('PERSON', 'Alice', { unsure: true, note: 'first name only', attributes: { confidence: 0.5 } });
  await span('PERSON', 'Bob', { attributes: { wikidata: 'Q1' } });
  await span('GPE', 'Paris', { note: MULTI_LINE });
});

async function exported(request: Partial<ExportRequest> & Pick<ExportRequest, 'format'>): Promise<Uint8Array> {
  const { stream } = await exportProject(db, projectId, { source: { kind: 'gold' }, baseUrl: 'http://localhost', ...request });
  return new Uint8Array(await new Response(stream).arrayBuffer());
}

/** Imports `file` into a new project as gold and answers its spans' flags, notes and attributes by quote. */
async function reimported(name: string, file: Uint8Array) {
  const { id: copy } = await makeProject(db, { OWNER: owner }, `Copy of ${name}`);
  const report = await importBatch(db, [{ kind: 'file', source: sourceOf(name, file, 1 << 20) }], {
    projectId: copy,
    actorId: owner.id,
    author: { kind: 'gold' },
  });
  expect(report.documents).toHaveLength(1);
  const spans = await db.annotation.findMany({ where: { document: { projectId: copy } }, select: { quote: true, unsure: true, note: true, attributes: true } });
  return spans.sort((a, b) => a.quote.localeCompare(b.quote));
}

const EXPECTED = [
  { quote: 'Alice', unsure: true, note: 'first name only', attributes: { confidence: 0.5 } },
  { quote: 'Bob', unsure: false, note: null, attributes: { wikidata: 'Q1' } },
  { quote: 'Paris', unsure: false, note: MULTI_LINE, attributes: {} },
];

describe('unsure flags and notes in exports', () => {
  it('jsonl writes them as span attributes, and its import reads them back into the flag and note', async () => {
    const file = await exported({ format: 'jsonl' });
    const spans = JSON.parse(strFromU8(file).trim()).spans as { quote: string; attributes: object }[];
    expect(spans.find((s) => s.quote === 'Alice')!.attributes).toEqual({ confidence: 0.5, unsure: true, note: 'first name only' });
    expect(spans.find((s) => s.quote === 'Bob')!.attributes).toEqual({ wikidata: 'Q1' });
    expect(await reimported('gold.jsonl', file)).toEqual(EXPECTED);
  });

  it('brat writes the flag as a binary attribute and a one-line note as AnnotatorNotes text; its import reads both back', async () => {
    const file = await exported({ format: 'brat' });
    const files = unzipSync(file);
    const ann = strFromU8(files['d1.ann']!);
    const id = (quote: string) => new RegExp(`^(T\\d+)\\t\\S+ [\\d ]+\\t${quote}$`, 'm').exec(ann)![1];
    expect(ann).toMatch(new RegExp(`^A\\d+\\tunsure ${id('Alice')}$`, 'm'));
    expect(ann).toMatch(new RegExp(`^#\\d+\\tAnnotatorNotes ${id('Alice')}\\tfirst name only$`, 'm'));
    // A note with a line break cannot be a brat line: it goes into the JSON note with the other attributes.
    expect(ann).toContain(`AnnotatorNotes ${id('Paris')}\t${JSON.stringify({ note: MULTI_LINE })}`);
    expect(strFromU8(files['annotation.conf']!)).toMatch(/^unsure\tArg:<ANY>$/m);
    expect(await reimported('d1.zip', file)).toEqual(EXPECTED);
  });

  it('webanno-tsv writes them as features, and its import reads them back', async () => {
    const file = unzipSync(await exported({ format: 'webanno-tsv' }))['d1.tsv']!;
    expect(strFromU8(file)).toContain('first name only');
    expect(strFromU8(file)).toContain('Two readings:\\nthe city or the club');
    // TSV features are text, so the number comes back as one; the flag and note come back as they were.
    const [alice, ...rest] = EXPECTED;
    expect(await reimported('d1.tsv', file)).toEqual([{ ...alice, attributes: { confidence: '0.5' } }, ...rest]);
  });

  it('formats without span attributes count the flags and notes they leave out in the card', async () => {
    for (const format of ['conll', 'stance-csv'] as const) {
      const card = JSON.parse(strFromU8(await exported({ format: 'card-json', cardOf: format })));
      expect(card.formatNotes, format).toMatchObject({ unsureFlagsDropped: 1, notesDropped: 2 });
    }
    const jsonl = JSON.parse(strFromU8(await exported({ format: 'card-json', cardOf: 'jsonl' })));
    expect(jsonl.formatNotes).not.toHaveProperty('notesDropped');
  });
});
