import { describe, expect, it } from 'vitest';
import { createSemevalRows, SEMEVAL_HEADER } from '@/lib/formats/semeval';
import { SAMPLE_DOCUMENTS, SAMPLE_SCHEMA } from '../support/formats-sample';

/**
 * What SemEval-2016 Task 6's eval.pl does with a line (read from its source, not copied): lines
 * are split on LF, CRs removed, the exact header line passed over, each other line split on TAB
 * as Perl's split does (trailing empty fields dropped) and must give four fields, the last one
 * FAVOR, AGAINST, NONE or UNKNOWN.
 */
function scorerRows(file: string): string[][] {
  const lines = file.split('\n');
  // <IN> + chomp: a final LF ends the last line, it does not start an empty one.
  if (lines.at(-1) === '') lines.pop();
  return lines
    .map((line) => line.replace(/\r/g, ''))
    .filter((line) => line !== 'ID\tTarget\tTweet\tStance')
    .map((line) => {
      const fields = line.split('\t');
      while (fields.length > 0 && fields.at(-1) === '') fields.pop();
      expect(fields, line).toHaveLength(4);
      expect(['FAVOR', 'AGAINST', 'NONE', 'UNKNOWN'], line).toContain(fields[3]);
      return fields;
    });
}

describe('semeval (the official scorer layout)', () => {
  const doc = SAMPLE_DOCUMENTS[0]!;

  it('has exactly the header the scorer skips and four fields per row, the stance rows of stance-csv', () => {
    const rows = createSemevalRows(SAMPLE_SCHEMA);
    const file = SEMEVAL_HEADER + SAMPLE_DOCUMENTS.map((d) => rows.rows(d)).join('');
    expect(file.split('\n')[0]).toBe('ID\tTarget\tTweet\tStance');
    const doha = doc.text.replace(/[\t\r\n]/g, ' ');
    expect(scorerRows(file)).toEqual([
      ['s-stance', 'Afghan Taliban', '"Talks, not raids."', 'AGAINST'],
      ['s-peace', 'پښتونخوا', 'سوله غواړي', 'FAVOR'],
      ['doc-1/DOC_STANCE/afghan_taliban/gold', 'Afghan Taliban', doha, 'AGAINST'],
    ]);
    // The sample's text has line breaks: the document answer's Tweet is the one flattened cell.
    expect(doc.text).toMatch(/\n/);
    expect(rows.stats()).toEqual({ flattened: 1, skipped: {} });
  });

  it('replaces each tab and line break in the text by one space, so the Tweet keeps its length', () => {
    const stance = doc.spans.find((span) => span.id === 's-stance')!;
    const tabbed = { ...doc, documentLabels: [], spans: [{ ...stance, quote: 'talks\tnot\r\nraids' }] };
    const rows = createSemevalRows(SAMPLE_SCHEMA);
    expect(scorerRows(rows.rows(tabbed))).toEqual([['s-stance', 'Afghan Taliban', 'talks not  raids', 'AGAINST']]);
    expect(rows.stats().flattened).toBe(1);
  });

  it('writes stance keys in upper case and leaves out, counted by reason, what the scorer cannot take', () => {
    const stance = doc.spans.find((span) => span.id === 's-stance')!;
    const odd = {
      ...doc,
      spans: [
        { ...stance, id: 'lower', label: 'favor' },
        { ...stance, id: 'pro', label: 'PRO' },
        { ...stance, id: 'pro-2', label: 'PRO' },
      ],
      documentLabels: [
        { question: 'DOC_STANCE', target: 'pakistan', values: ['FAVOR', 'NONE'], author: 'gold' },
        { question: 'DOC_STANCE', target: 'afghan_taliban', values: [], author: 'user-1' },
        { question: 'DOC_STANCE', target: 'afghan_taliban', values: ['NONE'], author: 'gold' },
      ],
    };
    const rows = createSemevalRows(SAMPLE_SCHEMA);
    expect(scorerRows(rows.rows(odd)).map((row) => [row[0], row[3]])).toEqual([
      ['lower', 'FAVOR'],
      ['doc-1/DOC_STANCE/afghan_taliban/gold', 'NONE'],
    ]);
    expect(rows.stats().skipped).toEqual({
      'stance "PRO" (not FAVOR, AGAINST or NONE)': 2,
      'answers with 2 options (the scorer takes one stance per row)': 1,
      'answers with 0 options (the scorer takes one stance per row)': 1,
    });
  });
});
