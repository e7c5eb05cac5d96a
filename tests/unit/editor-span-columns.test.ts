import { describe, expect, it } from 'vitest';
import { decodeSpanColumns, encodeSpanColumns } from '@/lib/editor/span-columns';
import type { ServerAnnotation } from '@/lib/editor/server';
import { OffsetIndex } from '@/lib/offsets';

const text = 'امن 👩‍👩‍👧 The Hafiz Gul Bahadur group';

describe('span columns', () => {
  it('round-trips spans, cutting quotes from the text in code points, keeping targets, attributes, unsure flags and notes', () => {
    const index = new OffsetIndex(text);
    const hafiz = [...text].indexOf('H');
    const spans: ServerAnnotation[] = [
      { id: 'a1', labelId: 'GPE', start: 0, end: 3, quote: 'امن', attributes: {}, unsure: false, note: null, target: null, version: 1 },
      {
        id: 'a2',
        labelId: 'ORG',
        start: hafiz,
        end: hafiz + 23,
        quote: 'Hafiz Gul Bahadur group',
        attributes: { note: 'unsure' },
        unsure: false,
        note: null,
        target: null,
        version: 4,
      },
      {
        id: 'a3',
        labelId: 'PRO',
        start: hafiz,
        end: hafiz + 17,
        quote: 'Hafiz Gul Bahadur',
        attributes: {},
        unsure: false,
        note: null,
        target: { kind: 'span', id: 'a2' },
        version: 2,
      },
      { id: 'a4', labelId: 'GPE', start: 4, end: 9, quote: '👩‍👩‍👧', attributes: {}, unsure: true, note: 'a family?', target: null, version: 1 },
    ];
    const columns = encodeSpanColumns(spans.map(({ quote: _quote, ...span }) => span));
    expect(columns.labelIds).toEqual(['GPE', 'ORG', 'PRO']);
    expect(columns.labels).toEqual([0, 1, 2, 0]);
    expect(Object.keys(columns.extras)).toEqual(['1', '2', '3']);
    expect(JSON.stringify(columns)).not.toContain('Hafiz');
    expect(decodeSpanColumns(columns, index)).toEqual(spans);
  });
});
