import { beforeEach, describe, expect, it } from 'vitest';
import { getPrisma } from '@/lib/db/client';
import { importBatch } from '@/lib/import/service';
import { HttpError } from '@/lib/http/errors';
import { call } from '../support/api';
import { makeProject, makeUser, type TestUser } from '../support/fixtures';

const db = getPrisma();
let owner: TestUser;
let projectId: string;

beforeEach(async () => {
  owner = await makeUser(db, 'owner');
  projectId = (await makeProject(db, { OWNER: owner })).id;
});

function postJsonl(lines: string[], format: string) {
  return call('POST', `/projects/{id}/documents?format=${format}`, { id: projectId }, { token: owner.token, rawBody: `${lines.join('\n')}\n`, contentType: 'application/x-ndjson' });
}

const good = (n: number) => JSON.stringify({ name: `doc ${n}`, text: `Document number ${n}.` });

describe('every problem of a line-oriented file', () => {
  it('reports all three bad lines of a JSONL file with their line numbers, and stores nothing', async () => {
    const lines = [good(1), '{"text": ', good(3), JSON.stringify({ name: 'no text' }), good(5), '[1, 2]', good(7)];
    const response = await postJsonl(lines, 'jsonl');
    expect(response.status).toBe(422);
    const details = response.body.error.details as { file: string; line: number; reason: string }[];
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
    const response = await postJsonl([glossa(1), 'not json', JSON.stringify({ name: 'x', text: 'Abc.', spans: [{ start: 0, end: 9, label: 'ORG' }] }), glossa(4)], 'glossa');
    expect(response.status).toBe(422);
    expect((response.body.error.details as { line: number }[]).map((d) => d.line)).toEqual([2, 3]);
  });

  it('lists the first 100 problems of a file with more and counts the rest in the message', async () => {
    const lines = Array.from({ length: 260 }, (_, i) => (i % 2 === 0 ? good(i + 1) : 'oops'));
    const response = await postJsonl(lines, 'jsonl');
    expect(response.status).toBe(422);
    const details = response.body.error.details as { line: number }[];
    expect(details).toHaveLength(100);
    expect(details[99]!.line).toBe(200);
    expect(response.body.error.message).toMatch(/^Nothing was imported: 130 problems \(the first 100 listed, 30 more not listed\), the first at request body:2: /);
  });

  async function rejectedLines(name: string, content: string, parse = {}) {
    const source = { name, stream: async function* () { yield new TextEncoder().encode(content); } };
    const error = await importBatch(db, [{ kind: 'file', source }], { projectId, actorId: owner.id, author: { kind: 'user', userId: owner.id }, parse }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(HttpError);
    return ((error as HttpError).details as { line: number; reason: string }[]).map((d) => [d.line, d.reason]);
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
