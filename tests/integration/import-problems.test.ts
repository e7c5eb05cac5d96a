import { strToU8, zipSync } from 'fflate';
import { beforeEach, describe, expect, it } from 'vitest';
import { getPrisma } from '@/lib/db/client';
import { importBatch } from '@/lib/import/service';
import { buildOpenApi } from '@/lib/api/openapi';
import { ENDPOINTS } from '@/lib/api/registry';
import { HttpError } from '@/lib/http/errors';
import type { RejectionDetails } from '@/lib/import/problems';
import { call } from '../support/api';
import { makeTeam, type TestUser } from '../support/fixtures';
import { rejectionAs } from '../support/rejection';

const db = getPrisma();
let owner: TestUser, projectId: string;

beforeEach(async () => ({ owner, projectId } = await makeTeam(db, {})));

function postJsonl(lines: string[], format: string) {
  return call(
    'POST',
    `/projects/{id}/documents?format=${format}`,
    { id: projectId },
    { token: owner.token, rawBody: `${lines.join('\n')}\n`, contentType: 'application/x-ndjson' },
  );
}

const good = (n: number) => JSON.stringify({ name: `doc ${n}`, text: `Document number ${n}.` });

describe('every problem of a line-oriented file', () => {
  it('reports all three bad lines of a JSONL file with their line numbers, and stores nothing', async () => {
    const lines = [good(1), '{"text": ', good(3), JSON.stringify({ name: 'no text' }), good(5), '[1, 2]', good(7)];
    const response = await postJsonl(lines, 'jsonl');
    expect(response.status).toBe(422);
    const details = response.body.error.details.problems as { file: string; line: number; reason: string }[];
    expect(response.body.error.details.problemsTotal).toBe(3);
    expect(details.map((d) => [d.file, d.line])).toEqual([
      ['request body', 2],
      ['request body', 4],
      ['request body', 6],
    ]);
    expect(details[0]!.reason).toContain('not valid JSON');
    expect(details[1]!.reason).toContain('text: expected a string');
    expect(details[2]!.reason).toContain('expected a JSON object per line');
    expect(response.body.error.message).toMatch(/^Nothing was imported: 3 problem\(s\), the first at request body:2: /);
    expect(await db.document.count({ where: { projectId } })).toBe(0);
  });

  it('goes on past a bad line of a Glossa JSONL file too', async () => {
    const glossa = (n: number) => JSON.stringify({ name: `doc ${n}`, text: `Document number ${n}.`, spans: [] });
    const response = await postJsonl(
      [glossa(1), 'not json', JSON.stringify({ name: 'x', text: 'Abc.', spans: [{ start: 0, end: 9, label: 'ORG' }] }), glossa(4)],
      'glossa',
    );
    expect(response.status).toBe(422);
    expect((response.body.error.details.problems as { line: number }[]).map((d) => d.line)).toEqual([2, 3]);
  });

  it('lists the first 100 problems of a file with more and counts the rest in the message', async () => {
    const lines = Array.from({ length: 260 }, (_, i) => (i % 2 === 0 ? good(i + 1) : 'oops'));
    const response = await postJsonl(lines, 'jsonl');
    expect(response.status).toBe(422);
    const details = response.body.error.details.problems as { line: number }[];
    expect(details).toHaveLength(100);
    expect(response.body.error.details.problemsTotal).toBe(130);
    expect(details[99]!.line).toBe(200);
    expect(response.body.error.message).toMatch(
      /^Nothing was imported: 130 problems \(the first 100 listed, 30 more not listed\), the first at request body:2: /,
    );
  });

  async function rejectedLines(name: string, content: string, parse = {}) {
    const source = {
      name,
      stream: async function* () {
        yield new TextEncoder().encode(content);
      },
    };
    const imported = importBatch(db, [{ kind: 'file', source }], { projectId, actorId: owner.id, author: { kind: 'user', userId: owner.id }, parse });
    return ((await rejectionAs(imported, HttpError)).details as RejectionDetails).problems.map((d) => [d.line, d.reason]);
  }

  it('goes on past a bad token line of a CoNLL file', async () => {
    expect(await rejectedLines('bad.conll', 'Imran B-PERSON\nKhan\nspoke O\nin O\nBannu X-GPE\n')).toEqual([
      [2, 'expected a token and a tag separated by whitespace (CoNLL: the token first, the BIO tag last)'],
      [5, 'tag "X-GPE" is not O, B-<type>, I-<type>, E-<type> or S-<type>'],
    ]);
  });

  it('goes on past a bad row of a CSV file', async () => {
    const csv = 'Tweet,Target,Stance\nOne,,AGAINST\nTwo,TTP,AGAINST\nThree,,FAVOR\n';
    const lines = await rejectedLines('bad.csv', csv, { textColumn: 'Tweet', questionColumn: 'Stance', question: 'OVERALL_STANCE', targetColumn: 'Target' });
    expect(lines.map(([line]) => line)).toEqual([2, 4]);
    expect(lines[0]![1]).toBe('column "Target" is blank, so the answer "AGAINST" has no stance target');
  });

  it('goes on past a bad token line of a CoNLL-U file', async () => {
    const row = (id: string, form: string, misc = '_') => [id, form, '_', '_', '_', '_', '_', '_', '_', misc].join('\t');
    const conllu = [row('1', 'Imran', 'NER=B-PERSON'), '2\tKhan', row('3', 'spoke'), row('x', 'in'), row('5', 'Bannu'), ''].join('\n');
    expect(await rejectedLines('bad.conllu', conllu)).toEqual([
      [2, 'expected 10 tab-separated columns (ID FORM LEMMA UPOS XPOS FEATS HEAD DEPREL DEPS MISC), found 2'],
      [4, 'ID "x" is not a word index (1), a multi-word range (1-2) or an empty node (1.1)'],
    ]);
  });
});

/** A multipart upload through the real route, as the web form and `curl -F` send it. */
async function postFiles(files: Record<string, string | Uint8Array>, query = '') {
  const form = new FormData();
  for (const [name, content] of Object.entries(files)) form.append('file', new File([content as BlobPart], name));
  const { POST } = await import('@/app/api/v1/projects/[id]/documents/route');
  const request = new Request(`http://localhost/api/v1/projects/${projectId}/documents${query}`, {
    method: 'POST',
    headers: { authorization: `Bearer ${owner.token}` },
    body: form,
  });
  const response = await POST(request, { params: Promise.resolve({ id: projectId }) });
  return { status: response.status, body: await response.json() };
}

/** [file, line or record, reason] of every listed problem, after checking the total counts them all and nothing was stored. */
async function problemsOf(response: { status: number; body: { error: { code: string; details: RejectionDetails } } }) {
  expect(response.status).toBe(422);
  expect(response.body.error.code).toBe('import_rejected');
  const { problems, problemsTotal } = response.body.error.details;
  expect(problemsTotal).toBe(problems.length);
  expect(await db.document.count({ where: { projectId } })).toBe(0);
  return problems.map((p) => [p.file, p.line ?? p.record, p.reason]);
}

/** The problems of an upload of `files` (name → content) that must be refused whole. */
const uploadProblems = async (files: Record<string, string | Uint8Array>, query = '') => problemsOf(await postFiles(files, query));

const SPEECH = 'Imran Khan spoke in Lahore.\nThe TTP claimed the attack in Bannu.';

describe('every problem of a brat .ann, a CSV and a JSON file', () => {
  it('lists every bad line of a brat .ann uploaded beside its .txt, not only the first', async () => {
    const ann = [
      'T1\tPERSON 0 10\tImran Khan',
      'T2\tGPE 20 26\tLahor',
      'T3 GPE 58 63 Bannu',
      // About the bad T2: passed over, its own line is the problem.
      'R1\tLOCATED_IN Arg1:T1 Arg2:T2\t',
      'R2\tLOCATED_IN Arg1:T1 Arg2:T9\t',
      'A1\tNegated',
      '',
    ].join('\n');
    expect(await uploadProblems({ 'speech.txt': SPEECH, 'speech.ann': ann })).toEqual([
      ['speech.ann', 2, 'T2: span [20,26) label "GPE": quote "Lahor" does not match the text "Lahore"'],
      ['speech.ann', 3, 'expected a brat annotation id followed by a tab ("T1<TAB>…"); was the file saved with spaces instead of tabs?'],
      ['speech.ann', 5, 'R2: T9 is not a T annotation of this file (brat: every argument must be a T line of the same .ann)'],
      ['speech.ann', 6, 'A1: expected a brat attribute "NAME ID" or "NAME ID VALUE" (separated by spaces)'],
    ]);
  });

  it('lists the bad lines of every document of a brat zip, and a .ann without its .txt', async () => {
    const zip = zipSync({
      'corpus/a.txt': strToU8(SPEECH),
      'corpus/a.ann': strToU8('T1\tPERSON 0 10\tImran Khan\nT1\tGPE 20 26\tLahore\n'),
      'corpus/b.txt': strToU8(SPEECH),
      'corpus/b.ann': strToU8('T1\tORG 32 35\tTTP\nN1\tReference T1 534366\tTTP\n'),
      'corpus/c.ann': strToU8('T1\tORG 0 1\tI\n'),
    });
    expect(await uploadProblems({ 'corpus.zip': zip })).toEqual([
      [
        'corpus.zip/corpus/c.ann',
        undefined,
        'has no .txt file beside it (brat keeps each document as x.txt + x.ann in the same folder): add the .txt or remove the .ann',
      ],
      ['corpus.zip/corpus/a.ann', 2, 'annotation id T1 is used twice; give every annotation of the file its own id'],
      ['corpus.zip/corpus/b.ann', 2, 'N1: expected a brat normalization "Reference ID RID:EID<TAB>text"'],
    ]);
  });

  it('lists every malformed CSV row, reads on past each, and says what a quote never closed swallowed', async () => {
    const csv = [
      'text,source',
      '"A good row",a',
      'Bad "quote" row,b',
      '"Closed"x,c',
      'one,two,three',
      '"A text over',
      'two lines",d',
      'short',
      '"never closed,e',
      'last,f',
      '',
    ].join('\n');
    expect(await uploadProblems({ 'rows.csv': csv })).toEqual([
      [
        'rows.csv',
        3,
        'field 1 holds a quote but does not begin with one; in CSV such a field is quoted whole with its quotes doubled ("say ""hi"""), or ' +
          'save tab-separated data as .tsv, which has no quoting',
      ],
      ['rows.csv', 4, 'field 1: text after its closing quote ("x,c"); in CSV a quote inside a quoted field is written twice ("say ""hi""")'],
      [
        'rows.csv',
        5,
        'the row has 3 field(s) but the header names 2 column(s); quote a field that holds a comma ("Karachi, Pakistan"); if the file is ' +
          'tab-separated, name it .tsv',
      ],
      [
        'rows.csv',
        8,
        'the row has 1 field(s) but the header names 2 column(s); quote a field that holds a comma ("Karachi, Pakistan"); if the file is ' +
          'tab-separated, name it .tsv',
      ],
      [
        'rows.csv',
        9,
        'the quoted field opened on line 9 is never closed, so lines 9–10 were read as one field: close the quote, or write a quote inside ' +
          'a quoted field twice ("")',
      ],
    ]);
  });

  it('names the tab-separated variant in a TSV row with too many fields', async () => {
    expect(await uploadProblems({ 'stance.tsv': 'Tweet\tStance\nok\tFAVOR\nhas\ta tab\tAGAINST\n' }, '?textColumn=Tweet')).toEqual([
      [
        'stance.tsv',
        3,
        'the row has 3 tab-separated field(s) but the header names 2 column(s); tab-separated values have no quoting, so a text must not ' +
          'hold a tab: remove it, or save the file as CSV with quoted fields',
      ],
    ]);
  });

  it('says a pretty-printed JSON file is not JSON Lines, once for the file rather than once per line', async () => {
    const pretty = JSON.stringify([{ text: 'One.' }, { text: 'Two.' }], null, 2);
    expect(await uploadProblems({ 'export.jsonl': pretty }, '?format=jsonl')).toEqual([
      [
        'export.jsonl',
        1,
        'this looks like pretty-printed JSON (one record over several lines); JSON Lines needs one record per line: export it as JSONL, or ' +
          'upload a JSON array as a .json file',
      ],
    ]);
  });

  const region = (start: number, end: number, text: string, label: string) => ({
    id: `r${start}`,
    type: 'labels',
    from_name: 'label',
    to_name: 'text',
    value: { start, end, text, labels: [label] },
  });
  const task = (id: number, ...result: unknown[]) => ({ id, data: { text: SPEECH }, annotations: [{ completed_by: 1, result }] });

  it('lists every bad task of a labelled Label Studio JSONL file', async () => {
    const lines = [
      JSON.stringify(task(1, region(0, 10, 'Imran Khan', 'PERSON'))),
      JSON.stringify(task(2, region(20, 99, 'Lahore', 'GPE'))),
      JSON.stringify(task(3, { id: 'b', type: 'rectanglelabels', from_name: 'box', to_name: 'image', value: {} })),
      '{"id": 4, "data": ',
      JSON.stringify(task(5, region(32, 35, 'TTP', 'ORG'))),
    ];
    expect(await uploadProblems({ 'tasks.jsonl': `${lines.join('\n')}\n` })).toEqual([
      ['tasks.jsonl', 2, 'annotations[0].result[0]: span [20,99) label "GPE" is not a non-empty range inside the text (64 code points)'],
      ['tasks.jsonl', 3, 'annotations[0].result[0]: result type "rectanglelabels" is not supported (labels, choices, relation)'],
      ['tasks.jsonl', 4, expect.stringMatching(/^not valid JSON \(/)],
    ]);
  });

  it('lists every bad task of a Label Studio JSON export by its record number', async () => {
    const tasks = [
      task(1, region(0, 10, 'Imran Khan', 'PERSON')),
      { id: 2, annotations: [] },
      task(3, region(20, 26, 'Lahore', 'GPE')),
      task(4, region(32, 35, 'TPP', 'ORG')),
    ];
    expect(await uploadProblems({ 'project.json': JSON.stringify(tasks) })).toEqual([
      ['project.json', 2, 'no "data" object (Label Studio JSON) and no text field (Label Studio JSON-MIN); export the project as JSON or JSON-MIN'],
      ['project.json', 4, 'annotations[0].result[0]: span [32,35) label "ORG": quote "TPP" does not match the text "TTP"'],
    ]);
  });

  it('lists every bad record of a doccano JSONL file and of a doccano 1.x JSON array, naming the variant', async () => {
    const jsonl = [
      JSON.stringify({ data: SPEECH, label: [[0, 10, 'PERSON']] }),
      JSON.stringify({ data: 5, label: [] }),
      JSON.stringify({ text: SPEECH, label: [[0, 99, 'PERSON']] }),
    ].join('\n');
    const array = JSON.stringify([{ id: 1, data: SPEECH, label: [[0, 10, 'PERSON']] }, 'not a record', { id: 3, data: SPEECH, label: [[4, 2, 'ORG']] }]);
    expect(await uploadProblems({ 'v1.jsonl': `${jsonl}\n`, 'v1.json': array })).toEqual([
      ['v1.jsonl', 2, 'data: expected a string (the doccano 1.x text field)'],
      ['v1.jsonl', 3, 'span [0,99) label "PERSON" is not a non-empty range inside the text (64 code points)'],
      ['v1.json', 2, 'expected a JSON object per array item (doccano 1.x JSON)'],
      ['v1.json', 3, 'span [4,2) label "ORG" is not a non-empty range inside the text (64 code points)'],
    ]);
  });

  it('lists the problems of every file of one upload, brat, CSV and JSONL together, and writes none of the good ones', async () => {
    const response = await postFiles({
      'fine.txt': 'A text with nothing wrong.',
      'speech.txt': SPEECH,
      'speech.ann': 'T1\tPERSON 0 10\tImran\n',
      'rows.csv': 'text\n"open\n',
      'plain.jsonl': '{"text": "ok"}\n{"name": "no text"}\n',
    });
    expect((await problemsOf(response)).map(([file, line]) => [file, line])).toEqual([
      ['speech.ann', 1],
      ['rows.csv', 2],
      ['plain.jsonl', 2],
    ]);
    expect(response.body.error.message).toMatch(/^Nothing was imported: 3 problem\(s\), the first at speech\.ann:1: /);
  });

  it('counts every problem of a CSV with more than the cap and lists the first 100', async () => {
    const rows = Array.from({ length: 150 }, (_, i) => `row ${i},x,extra`);
    const response = await postFiles({ 'many.csv': `text,source\n${rows.join('\n')}\n` });
    expect(response.status).toBe(422);
    expect(response.body.error.details.problemsTotal).toBe(150);
    expect(response.body.error.details.problems).toHaveLength(100);
    expect(response.body.error.details.problems[99].line).toBe(101);
    expect(response.body.error.message).toMatch(/^Nothing was imported: 150 problems \(the first 100 listed, 50 more not listed\), the first at many\.csv:2: /);
    expect(await db.document.count({ where: { projectId } })).toBe(0);
  });
});

describe('the rejection in the OpenAPI document', () => {
  it('publishes the 422 details of the import: the listed problems and problemsTotal', () => {
    const responses = (buildOpenApi(ENDPOINTS).paths['/projects/{id}/documents']!.post as { responses: Record<string, any> }).responses;
    const details = responses['422'].content['application/json'].schema.properties.error.properties.details;
    expect(Object.keys(details.properties)).toEqual(['problems', 'problemsTotal']);
    expect(details.required).toEqual(['problems', 'problemsTotal']);
    expect(Object.keys(details.properties.problems.items.properties)).toEqual(['file', 'line', 'record', 'reason']);
    expect(details.properties.problemsTotal.type).toBe('integer');
    // Other statuses keep the shared Error schema.
    expect(responses['413'].content['application/json'].schema).toEqual({ $ref: '#/components/schemas/Error' });
  });
});

describe('a .json file that is not one JSON document', () => {
  it('says when it is JSON Lines under the wrong extension, and otherwise which export a .json must be', async () => {
    const lines = `${JSON.stringify({ id: 1, data: { text: SPEECH } })}\n${JSON.stringify({ id: 2, data: { text: SPEECH } })}\n`;
    expect(await uploadProblems({ 'tasks.json': lines, 'broken.json': '[{"id": 1, "data": ' })).toEqual([
      [
        'tasks.json',
        undefined,
        'this looks like JSON Lines (one record per line), not one JSON document: name the file .jsonl (a .json export of Label Studio or ' +
          'doccano 1.x is a single array)',
      ],
      ['broken.json', undefined, expect.stringMatching(/^not valid JSON \(.+\); a \.json export of Label Studio or doccano 1\.x is a single JSON array$/)],
    ]);
  });
});
