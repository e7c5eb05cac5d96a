import { describe, expect, it } from 'vitest';
import { SAMPLE_DOCUMENTS, SAMPLE_SCHEMA } from '../support/formats-sample';
import { exportQuery } from '@/lib/export/query';
import { createCsvCells, isFormulaLike, STANCE_CSV_HEADER, stanceCsvRows } from '@/lib/formats/stance-csv';

/** An RFC 4180 reader: quoted fields may hold commas, doubled quotes and line breaks. */
function parseCsv(input: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  for (let at = 0; at < input.length; at++) {
    const char = input[at];
    if (quoted) {
      if (char === '"' && input[at + 1] === '"') field += input[++at];
      else if (char === '"') quoted = false;
      else field += char;
    } else if (char === '"') quoted = true;
    else if (char === ',' || (char === '\r' && input[at + 1] === '\n')) {
      row.push(field);
      field = '';
      if (char === '\r') {
        rows.push(row);
        row = [];
        at++;
      }
    } else field += char;
  }
  expect(field === '' && row.length === 0 && !quoted).toBe(true);
  return rows;
}

describe('stance csv', () => {
  const output = STANCE_CSV_HEADER + SAMPLE_DOCUMENTS.map((doc) => stanceCsvRows(doc, SAMPLE_SCHEMA)).join('');
  const [header, ...rows] = parseCsv(output);
  const doc = SAMPLE_DOCUMENTS[0]!;

  it('has the SemEval-2016 columns plus document and author, and CRLF line ends', () => {
    expect(header).toEqual(['ID', 'Target', 'Text', 'Stance', 'DocumentID', 'Author']);
    const outsideQuotes = output.replace(/"(?:[^"]|"")*"/g, '""');
    expect(outsideQuotes).not.toMatch(/[^\r]\n|\r[^\n]/);
    expect(outsideQuotes.endsWith('\r\n')).toBe(true);
  });

  it('writes a row per stance span: target name or target span quote, the span quote, the label', () => {
    expect(rows).toContainEqual(['s-stance', 'Afghan Taliban', '"Talks, not raids."', 'AGAINST', 'doc-1', 'user-1']);
    expect(rows).toContainEqual(['s-peace', 'پښتونخوا', 'سوله غواړي', 'FAVOR', 'doc-1', 'gold']);
  });

  it('writes document-level stance answers with the whole text, quoting commas, quotes and newlines', () => {
    expect(rows).toContainEqual(['doc-1/DOC_STANCE/afghan_taliban/gold', 'Afghan Taliban', doc.text, 'AGAINST', 'doc-1', 'gold']);
    expect(rows).toHaveLength(3);
    expect(output).toContain('s-stance,Afghan Taliban,"""Talks, not raids.""",AGAINST,doc-1,user-1\r\n');
    expect(output).toContain(`"${doc.text.replace(/"/g, '""')}"`);
  });

  it('takes the stance questions given instead of the per-target ones', () => {
    const withFrame = parseCsv(stanceCsvRows(doc, SAMPLE_SCHEMA, { questions: ['PRIMARY_FRAME'] }));
    expect(withFrame.map((row) => row[0])).toEqual(['s-stance', 's-peace', 'doc-1/PRIMARY_FRAME//user-1']);
    const quoted = stanceCsvRows(
      { ...doc, documentLabels: [{ question: 'DOC_STANCE', target: 'pakistan', values: ['FAVOR', 'NONE'], author: 'gold' }] },
      SAMPLE_SCHEMA,
    );
    expect(parseCsv(quoted).at(-1)?.slice(1, 2)).toEqual(['Pakistan, the state']);
    expect(parseCsv(quoted).at(-1)?.[3]).toBe('FAVOR|NONE');
  });
});

describe('formula injection (csvEscape)', () => {
  const doc = SAMPLE_DOCUMENTS[0]!;
  const stance = doc.spans.find((span) => span.layer === 'STANCE')!;
  const hostile = { ...doc, documentLabels: [], spans: [{ ...stance, id: 's-hostile', quote: '=HYPERLINK("http://evil.example","click")' }] };

  it.each(['=1+1', '+1', '-1', '@SUM(A1)', '\t=1', '\r=1'])('%j begins like a formula', (value) => {
    expect(isFormulaLike(value)).toBe(true);
  });
  it.each(['plain', ' =1', '1-1', "'=1", ''])('%j does not', (value) => {
    expect(isFormulaLike(value)).toBe(false);
  });

  it("puts a ' before formula-like cells by default, and counts them", () => {
    const cells = createCsvCells('spreadsheet');
    const [row] = parseCsv(stanceCsvRows(hostile, SAMPLE_SCHEMA, { cells }));
    expect(row![2]).toBe(`'=HYPERLINK("http://evil.example","click")`);
    expect(cells.formulaLike).toBe(1);
    // Without cells given, the function escapes too: raw output must be asked for.
    expect(parseCsv(stanceCsvRows(hostile, SAMPLE_SCHEMA))[0]![2]!.startsWith("'=")).toBe(true);
  });

  it('keeps the exact text with raw, still counting what a spreadsheet would run', () => {
    const cells = createCsvCells('raw');
    const [row] = parseCsv(stanceCsvRows(hostile, SAMPLE_SCHEMA, { cells }));
    expect(row![2]).toBe('=HYPERLINK("http://evil.example","click")');
    expect(cells.formulaLike).toBe(1);
  });

  it('the export query defaults to spreadsheet and refuses csvEscape for other formats', () => {
    expect(exportQuery.parse({ format: 'stance-csv' }).csvEscape).toBe('spreadsheet');
    expect(exportQuery.parse({ format: 'card', of: 'stance-csv', csvEscape: 'raw' }).csvEscape).toBe('raw');
    const wrong = exportQuery.safeParse({ format: 'jsonl', csvEscape: 'raw' });
    expect(wrong.error?.issues).toEqual([expect.objectContaining({ path: ['csvEscape'], message: 'applies to format=stance-csv (or a card of it) only' })]);
    expect(exportQuery.safeParse({ format: 'stance-csv', csvEscape: 'excel' }).error?.issues[0]?.message).toBe('must be one of: spreadsheet, raw');
  });
});
