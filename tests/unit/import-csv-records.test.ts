import { describe, expect, it } from 'vitest';
import { importLimits } from '@/lib/import/limits';
import { csvRecords } from '@/lib/import/parsers/csv-records';
import { rawTextLines } from '@/lib/import/parsers/input';
import { sourceOf } from '../fixtures/import/source';

async function records(content: string, tabs = false) {
  const out = [];
  for await (const record of csvRecords(rawTextLines(sourceOf('x.csv', content)), tabs, 'x.csv', importLimits())) out.push(record);
  return out;
}

describe('CSV records', () => {
  it('splits RFC 4180 records: quoted commas, doubled quotes, line breaks and CRLF kept inside quotes, empty and trailing fields', async () => {
    expect(await records('a,"b, c",""\r\n"say ""hi""",x,\r\n\r\n"two\r\nlines",,z')).toEqual([
      { line: 1, fields: ['a', 'b, c', ''] },
      { line: 2, fields: ['say "hi"', 'x', ''] },
      { line: 4, fields: ['two\r\nlines', '', 'z'] },
    ]);
  });

  it('reads tab-separated values without quoting', async () => {
    expect(await records('a\t"b\n"c\t"d"\n', true)).toEqual([
      { line: 1, fields: ['a', '"b'] },
      { line: 2, fields: ['"c', '"d"'] },
    ]);
  });

  it('reports a malformed record and starts the next one on the next line', async () => {
    const read = await records('ok,1\n"bad"x,2\nab"c,3\nok,4\n');
    expect(read.map((record) => ('problem' in record ? [record.line, 'problem'] : [record.line, record.fields[1]]))).toEqual([
      [1, '1'],
      [2, 'problem'],
      [3, 'problem'],
      [4, '4'],
    ]);
  });
});
