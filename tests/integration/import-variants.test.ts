import { readFileSync } from 'node:fs';
import { beforeEach, describe, expect, it } from 'vitest';
import { getPrisma } from '@/lib/db/client';
import { detectFormat } from '@/lib/import/parsers';
import { importBatch, type ImportOptions } from '@/lib/import/service';
import { sourceOf } from '../fixtures/import/source';
import { makeTeam, type TestUser } from '../support/fixtures';

/** Files other tools write, imported into a news-stance-framing project (issue #16 items 6–9). */

const db = getPrisma();
let owner: TestUser, projectId: string;

beforeEach(async () => ({ owner, projectId } = await makeTeam(db, {})));

const run = (name: string, content: string | Uint8Array, options: Partial<ImportOptions> = {}) =>
  importBatch(db, [{ kind: 'file', source: sourceOf(name, content, 4096) }], { projectId, actorId: owner.id, author: { kind: 'gold' }, ...options });
const jsonl = (...records: unknown[]) => `${records.map((record) => JSON.stringify(record)).join('\n')}\n`;

async function answers() {
  const rows = await db.documentLabel.findMany({
    where: { document: { projectId } },
    select: { values: true, label: { select: { key: true } }, target: { select: { key: true } }, document: { select: { name: true } } },
    orderBy: { document: { position: 'asc' } },
  });
  return rows.map((row) => ({ document: row.document.name, question: row.label.key, target: row.target?.key, values: row.values }));
}

describe('importing format variants', () => {
  it('stores the spans of Label Studio 0.x completions and names the variant in the report', async () => {
    const tasks = [
      {
        id: 3,
        data: { text: 'The TTP claimed the attack in Bannu.' },
        completions: [
          { result: [{ id: 'x', type: 'labels', from_name: 'label', to_name: 'text', value: { start: 4, end: 7, text: 'TTP', labels: ['ORG'] } }] },
        ],
      },
    ];
    const report = await run('old.json', JSON.stringify(tasks));
    expect(report.files[0]).toMatchObject({
      format: 'label-studio',
      documents: 1,
      spans: 1,
      variants: ['label-studio 0.x (completions)'],
      encoding: 'utf-8',
      notes: {},
    });
    expect(await db.annotation.findMany({ where: { document: { projectId } }, select: { quote: true, label: { select: { key: true } } } })).toEqual([
      { quote: 'TTP', label: { key: 'ORG' } },
    ]);
  });

  it('maps doccano 1.x numeric label ids through the label map and counts them in the report', async () => {
    const line = {
      id: 1,
      text: 'Imran Khan spoke in Lahore.',
      annotations: [
        { label: 3, start_offset: 0, end_offset: 10, user: 1 },
        { label: 5, start_offset: 20, end_offset: 26, user: 1 },
      ],
    };
    const report = await run('v1.jsonl', jsonl(line), { labelMap: { '3': 'PERSON', '5': 'GPE' } });
    expect(report.files[0]).toMatchObject({
      format: 'doccano',
      spans: 2,
      variants: ['doccano 1.x ("text", "annotations")'],
      notes: { 'doccano label ids mapped by the label map': 1 },
    });
    const stored = await db.annotation.findMany({
      where: { document: { projectId } },
      select: { quote: true, label: { select: { key: true } } },
      orderBy: { start: 'asc' },
    });
    expect(stored).toEqual([
      { quote: 'Imran Khan', label: { key: 'PERSON' } },
      { quote: 'Lahore', label: { key: 'GPE' } },
    ]);
  });

  it('reads a doccano 1.x JSON export (an array of "data" + "label" triples) as doccano, not as Label Studio', async () => {
    // The shape doccano 1.x's "JSON" export downloads: tests/fixtures/import/doccano-1x.json.
    const file = readFileSync(new URL('../fixtures/import/doccano-1x.json', import.meta.url));
    expect(detectFormat('doccano-1x.json', file)).toBe('doccano');
    const report = await run('doccano-1x.json', file);
    expect(report.files[0]).toMatchObject({ format: 'doccano', documents: 3, spans: 4, variants: ['doccano 1.x JSON ("data", "label")'] });
    const stored = await db.annotation.findMany({
      where: { document: { projectId } },
      select: { quote: true, label: { select: { key: true } }, document: { select: { name: true, metadata: true } } },
      orderBy: [{ document: { position: 'asc' } }, { start: 'asc' }],
    });
    expect(stored.map((a) => [a.document.name, a.quote, a.label.key])).toEqual([
      ['doccano-1x#1', 'Imran Khan', 'PERSON'],
      ['doccano-1x#1', 'Lahore', 'GPE'],
      ['doccano-1x#2', 'TTP', 'ORG'],
      ['doccano-1x#2', 'Bannu', 'GPE'],
    ]);
    expect(stored[0]!.document.metadata).toEqual({ id: 1, Comments: [] });
    // Label Studio's own JSON export still goes to its parser.
    expect(detectFormat('tasks.json', new TextEncoder().encode('[{"id": 1, "data": {"text": "x"}, "annotations": []}]'))).toBe('label-studio');
    expect(
      detectFormat('min.json', new TextEncoder().encode('[{"text": "x", "id": 1, "annotator": 1, "annotation_id": 2, "label": [{"start": 0, "end": 1}]}]')),
    ).toBe('label-studio');
  });

  it('rejects the batch when a doccano 1.x label id is not mapped, naming the id', async () => {
    const line = { text: 'Imran Khan spoke.', annotations: [{ label: 3, start_offset: 0, end_offset: 10 }] };
    await expect(run('v1.jsonl', jsonl(line))).rejects.toMatchObject({
      status: 422,
      details: { problems: [{ file: 'v1.jsonl', line: 1, reason: expect.stringMatching(/^annotations\[0\]: label 3 is a doccano 1\.x label id/) }] },
    });
    expect(await db.document.count({ where: { projectId } })).toBe(0);
  });

  it('matches answer values to options case-insensitively and through the label map', async () => {
    const lines = jsonl({ data: 'Wheat prices doubled.', label: ['economic'] }, { data: 'The court ruled.', label: ['legal'] });
    const report = await run('classes.jsonl', lines, { labelMap: { label: 'PRIMARY_FRAME', legal: 'legality' } });
    expect(report.files[0]).toMatchObject({ documents: 2, documentLabels: 2 });
    expect(await answers()).toEqual([
      { document: 'classes#1', question: 'PRIMARY_FRAME', target: undefined, values: ['ECONOMIC'] },
      { document: 'classes#2', question: 'PRIMARY_FRAME', target: undefined, values: ['LEGALITY'] },
    ]);
  });

  it('still rejects a value no option matches, naming it', async () => {
    await expect(run('bad.jsonl', jsonl({ data: 'Text.', label: ['sporty'] }), { labelMap: { label: 'PRIMARY_FRAME' } })).rejects.toMatchObject({
      status: 422,
      details: { problems: [{ reason: 'answer to label: "sporty" is not an option of PRIMARY_FRAME.' }] },
    });
  });
});

/** The bytes of `text` in Windows-1252 (the characters used here: ASCII, é, ’, €). */
function cp1252(text: string): Uint8Array {
  const special: Record<string, number> = { '’': 0x92, '€': 0x80 };
  return Uint8Array.from(Array.from(text), (char) => special[char] ?? char.charCodeAt(0));
}

describe('SemEval-2016 Task 6 files', () => {
  const SEMEVAL = [
    'ID\tTarget\tTweet\tStance',
    '101\tTTP\tThe TTP’s "peace" offer is a trap. Café talk won’t fix it. #SemST\tAGAINST',
    '102\tAfghan Taliban\tTrade worth 5€ billion with the Taliban would help everyone #SemST\tfavor',
    '103\tAfghan Taliban\tJust landed in Kabul. #SemST\t',
  ].join('\r\n');

  it('reads a Windows-1252 .tsv with its Stance column as OVERALL_STANCE per Target, stating the encoding', async () => {
    const report = await run('semeval.tsv', cp1252(SEMEVAL), {
      parse: { encoding: 'windows-1252', textColumn: 'Tweet', nameColumn: 'ID', questionColumn: 'Stance', question: 'OVERALL_STANCE', targetColumn: 'Target' },
    });
    expect(report.files[0]).toMatchObject({
      format: 'csv',
      documents: 3,
      documentLabels: 2,
      encoding: 'windows-1252',
      variants: ['tab-separated values'],
      formatSkipped: { 'blank Stance cells': 1 },
    });
    const texts = await db.document.findMany({ where: { projectId }, select: { name: true, text: true, metadata: true }, orderBy: { position: 'asc' } });
    expect(texts[0]).toEqual({ name: '101', text: 'The TTP’s "peace" offer is a trap. Café talk won’t fix it. #SemST', metadata: {} });
    expect(texts[1]!.text).toBe('Trade worth 5€ billion with the Taliban would help everyone #SemST');
    expect(await answers()).toEqual([
      { document: '101', question: 'OVERALL_STANCE', target: 'TTP', values: ['AGAINST'] },
      { document: '102', question: 'OVERALL_STANCE', target: 'AFGHAN_TALIBAN', values: ['FAVOR'] },
    ]);
  });

  it('refuses the same file read as UTF-8, naming the byte and the fix', async () => {
    await expect(run('semeval.tsv', cp1252(SEMEVAL), { parse: { textColumn: 'Tweet' } })).rejects.toMatchObject({
      status: 422,
      details: { problems: [{ file: 'semeval.tsv', line: 2, reason: 'the file is not valid UTF-8 at byte 39 (save it as UTF-8 and upload it again)' }] },
    });
  });

  it('refuses an encoding for a format that states its own, before parsing it', async () => {
    await expect(run('report.docx', 'PK not parsed', { parse: { encoding: 'windows-1252' } })).rejects.toMatchObject({
      status: 422,
      details: {
        problems: [
          {
            file: 'report.docx',
            reason: 'the encoding option (windows-1252) is not applied to docx input (the file states its own encoding); leave it out for this upload',
          },
        ],
      },
    });
  });

  it('reads UTF-16 with a byte order mark without being told, and says so', async () => {
    const utf16 = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from('text,name\r\nمذاکرات کابل میں 👍,urdu\r\n', 'utf16le')]);
    const report = await run('excel.csv', utf16);
    expect(report.files[0]).toMatchObject({ documents: 1, encoding: 'utf-16 (utf-16le BOM)' });
    expect(await db.document.findMany({ where: { projectId }, select: { name: true, text: true } })).toEqual([{ name: 'urdu', text: 'مذاکرات کابل میں 👍' }]);
  });
});
