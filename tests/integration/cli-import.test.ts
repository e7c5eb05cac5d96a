import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { getPrisma } from '@/lib/db/client';
import { glossa } from '../support/cli';
import { makeTeam, type TestUser } from '../support/fixtures';

/** `glossa import` with the options of issue #16 item 12, run as the real command against the test database. */

const db = getPrisma();
let annotator: TestUser, projectId: string;
let folder: string;

beforeEach(async () => {
  ({ annotator, projectId } = await makeTeam(db, { annotator: 'ANNOTATOR' }));
  folder = mkdtempSync(path.join(tmpdir(), 'glossa-cli-import-'));
});

afterEach(() => rmSync(folder, { recursive: true, force: true }));

const glossaImport = (...args: string[]) => glossa(['import', '--project', projectId, ...args]);

function file(name: string, content: string | Uint8Array): string {
  const at = path.join(folder, name);
  writeFileSync(at, content);
  return at;
}

describe('glossa import', () => {
  it('takes --encoding, the question columns, --author and --label-map (a file), and prints every count of the report', async () => {
    // SemEval-2016 Task 6 shape in Windows-1252: "é" is the byte 0xE9.
    const semeval = file(
      'semeval.tsv',
      Buffer.from('ID\tTarget\tTweet\tStance\n1\tTTP\tCaf\xe9 talks with the TTP #SemST\tagainst\n2\tTTP\tNothing here #SemST\t\n', 'latin1'),
    );
    const map = file('map.json', JSON.stringify({ against: 'AGAINST' }));
    const result = await glossaImport(
      '--file',
      semeval,
      '--encoding',
      'windows-1252',
      '--text-column',
      'Tweet',
      '--name-column',
      'ID',
      '--question-column',
      'Stance',
      '--question',
      'OVERALL_STANCE',
      '--target-column',
      'Target',
      '--label-map',
      map,
      '--author',
      annotator.email,
    );
    expect(result.code, result.stderr).toBe(0);
    expect(result.stdout.split('\n')).toEqual([
      'semeval.tsv (csv, tab-separated values, windows-1252): 2 document(s), 0 span(s), 0 relation(s), 1 document answer(s)',
      '  not kept from the format: blank Stance cells × 1',
      `Imported 2 document(s) into project ${projectId}.`,
      '',
    ]);
    const answers = await db.documentLabel.findMany({
      where: { document: { projectId } },
      select: { authorId: true, values: true, document: { select: { text: true } } },
    });
    expect(answers).toEqual([{ authorId: annotator.id, values: ['AGAINST'], document: { text: 'Café talks with the TTP #SemST' } }]);
  }, 120_000);

  it('prints the variant, the label map note and skipped duplicates of a doccano 1.x file; refuses a bad option by its flag', async () => {
    const line = JSON.stringify({ id: 1, data: 'Imran Khan spoke.', annotations: [{ label: 3, start_offset: 0, end_offset: 10, user: 1 }] });
    const doccano = file('v1.jsonl', `${line}\n${line}\n`);
    const result = await glossaImport('--file', doccano, '--label-map', '{"3": "PERSON"}', '--gold');
    expect(result.code, result.stderr).toBe(0);
    const stored = await db.document.findFirstOrThrow({ where: { projectId }, select: { id: true } });
    expect(result.stdout.split('\n').slice(0, 3)).toEqual([
      'v1.jsonl (doccano, doccano 1.x ("data", "annotations"), utf-8): 1 document(s), 1 span(s), 0 relation(s), 0 document answer(s)',
      `  1 duplicate(s) skipped with 1 span(s), 0 relation(s), 0 answer(s): "v1#2" (same text as document ${stored.id})`,
      '  notes (documents read): doccano label ids mapped by the label map × 2',
    ]);
    const merged = await glossaImport(
      '--file',
      file('again.jsonl', `${line}\n`),
      '--label-map',
      '{"3": "PERSON"}',
      '--author',
      annotator.email,
      '--merge-duplicates',
    );
    expect(merged.code, merged.stderr).toBe(0);
    expect(merged.stdout).toContain(`  1 duplicate(s) merged: "again#1" onto ${stored.id} (+1 span(s), +0 relation(s), +0 answer(s))`);
    expect(merged.stdout).toContain(`Imported 0 document(s) into project ${projectId}, merged annotations onto 1 existing document(s).`);
    expect(await db.annotation.count({ where: { documentId: stored.id, authorId: annotator.id } })).toBe(1);
    const both = await glossaImport('--file', doccano, '--allow-duplicates', '--merge-duplicates');
    expect(both.stderr).toContain('--allow-duplicates (import as new documents) and --merge-duplicates (merge onto the existing ones) exclude each other');
    const refused = await glossaImport('--file', doccano, '--encoding', 'ebcdic');
    expect(refused.code).not.toBe(0);
    expect(refused.stderr).toContain('--encoding: Invalid option: expected one of "utf-8"|"utf-16"|"windows-1252"|"latin-1"');
  }, 120_000);

  it('prints every listed problem of a rejected import, brat pairs included, and how many more were found', async () => {
    const txt = file('speech.txt', 'Imran Khan spoke in Lahore.');
    const ann = file('speech.ann', 'T1\tPERSON 0 10\tImran\nT2 GPE 20 26 Lahore\n');
    const rows = Array.from({ length: 101 }, (_, i) => `row ${i},extra`);
    const csv = file('rows.csv', `text\n${rows.join('\n')}\n`);
    const result = await glossaImport('--file', txt, '--file', ann, '--file', csv);
    expect(result.code).not.toBe(0);
    const lines = result.stderr.trim().split('\n');
    expect(lines.slice(0, 4)).toEqual([
      'Nothing was imported: 103 problem(s), the first 100 listed:',
      '  speech.ann:1: T1: span [0,10) label "PERSON": quote "Imran" does not match the text "Imran Khan"',
      '  speech.ann:2: expected a brat annotation id followed by a tab ("T1<TAB>…"); was the file saved with spaces instead of tabs?',
      '  rows.csv:2: the row has 2 field(s) but the header names 1 column(s); quote a field that holds a comma ("Karachi, Pakistan"); if ' +
        'the file is tab-separated, name it .tsv',
    ]);
    // After the listed problems (and before the usage line every refused command ends with): the count of the rest.
    const more = lines.indexOf('  … and 3 more problem(s), not listed');
    expect(more).toBe(101);
    expect(lines[more - 1]).toMatch(/^ {2}rows\.csv:99: /);
    expect(await db.document.count({ where: { projectId } })).toBe(0);
  }, 120_000);
});
