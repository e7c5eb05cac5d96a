import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { assertExportable } from '@/lib/export/integrity';
import type { LabelIndex } from '@/lib/export/label-index';
import { unpackSpans } from '@/lib/export/packed-spans';
import type { ExportDocument } from '@/lib/formats/model';

const index: LabelIndex = {
  label: (id) => ({ key: id.toUpperCase(), layer: 'RELATION' }),
  spanLabel: (id) => ({ key: id.toUpperCase(), layer: id === 'against' ? 'STANCE' : 'ENTITY' }),
  target: (id) => `TARGET_${id}`,
};
const authorOf = (id: string) => id || 'gold';

/** One span as PostgreSQL packs it (see PACKED_SPANS). */
function packed(fields: {
  id: string;
  author?: string;
  start: number;
  end: number;
  label: string;
  target?: string;
  targetSpan?: string;
  origin?: string;
  sourceIds?: string;
  attributes?: string;
  quote: string;
}): string {
  const { id, author = '', start, end, label, target = '', targetSpan = '', origin = 'MANUAL', sourceIds = '', attributes = '{}', quote } = fields;
  return `${[id, author, start, end, label, target, targetSpan, origin, sourceIds, attributes, quote].join('\u001f')}\u001e`;
}

type Span = ExportDocument['spans'][number];
/** One span as unpackSpans returns it: a manual gold span with no attributes unless the fields say otherwise. */
const unpacked = (fields: Pick<Span, 'id' | 'start' | 'end' | 'label' | 'layer' | 'quote'> & Partial<Span>): Span => ({
  author: 'gold',
  attributes: {},
  origin: 'MANUAL',
  sourceIds: [],
  ...fields,
});

describe('packed spans', () => {
  it('reads quotes by code point length, whatever they contain, and sorts by start, longest first, id', () => {
    const tricky = 'a\u001fb\u001ec 👩‍👩‍👧';
    const spans = unpackSpans(
      packed({ id: 's3', start: 10, end: 12, label: 'gpe', origin: 'SUGGESTED', sourceIds: 'suggestion:x run:y recommender:z', quote: 'ok' }) +
        packed({ id: 's2', author: 'user-1', start: 0, end: Array.from(tricky).length, label: 'org', attributes: '{"note": "x"}', quote: tricky }) +
        packed({ id: 's1', start: 0, end: 2, label: 'against', target: 't1', quote: 'a\u001f' }) +
        packed({ id: 's0', start: 0, end: 2, label: 'against', targetSpan: 's2', quote: 'a\u001f' }),
      index,
      authorOf,
    );
    expect(spans).toEqual([
      unpacked({
        id: 's2',
        start: 0,
        end: Array.from(tricky).length,
        label: 'ORG',
        layer: 'ENTITY',
        quote: tricky,
        author: 'user-1',
        attributes: { note: 'x' },
      }),
      unpacked({ id: 's0', start: 0, end: 2, label: 'AGAINST', layer: 'STANCE', quote: 'a\u001f', target: { kind: 'span', spanId: 's2' } }),
      unpacked({ id: 's1', start: 0, end: 2, label: 'AGAINST', layer: 'STANCE', quote: 'a\u001f', target: { kind: 'target', key: 'TARGET_t1' } }),
      unpacked({
        id: 's3',
        start: 10,
        end: 12,
        label: 'GPE',
        layer: 'ENTITY',
        quote: 'ok',
        origin: 'SUGGESTED',
        sourceIds: ['suggestion:x', 'run:y', 'recommender:z'],
      }),
    ]);
  });

  it('refuses a stored quote whose length disagrees with its offsets', () => {
    expect(() => unpackSpans(packed({ id: 's1', start: 0, end: 3, label: 'org', quote: 'ab' }), index, authorOf)).toThrow(
      /s1: its stored quote is not 3 code points long/,
    );
    expect(() => unpackSpans(packed({ id: 's1', start: 0, end: 1, label: 'org', quote: 'ab' }), index, authorOf)).toThrow(/not 1 code points/);
    expect(() => unpackSpans('s1\u001f\u001fx', index, authorOf)).toThrow(/Malformed/);
  });
});

describe('assertExportable', () => {
  const text = '👍🏽 Talks in Doha.';
  const doc = (spans: Partial<ExportDocument['spans'][number]>[], relations: ExportDocument['relations'] = []): ExportDocument => ({
    id: 'd1',
    name: 'd1',
    text,
    metadata: {},
    spans: spans.map((span, i) => ({ id: `s${i}`, start: 12, end: 16, label: 'GPE', layer: 'ENTITY', quote: 'Doha', author: 'gold', attributes: {}, ...span })),
    relations,
    documentLabels: [],
  });

  it('accepts quotes that match the text at code point offsets after astral characters', () => {
    expect(() => assertExportable(doc([{}, { start: 0, end: 2, quote: '👍🏽' }]))).not.toThrow();
  });

  it('refuses mismatched quotes, offsets outside the text and links to spans outside the export', () => {
    expect(() => assertExportable(doc([{ quote: 'Dohx' }]))).toThrow(/span s0 has a quote that differs/);
    expect(() => assertExportable(doc([{ start: 11, end: 15 }]))).toThrow(/quote that differs/);
    expect(() => assertExportable(doc([{ end: 99 }]))).toThrow(/outside the text \(17 code points\)/);
    expect(() => assertExportable(doc([{ layer: 'STANCE', target: { kind: 'span', spanId: 'gone' } }]))).toThrow(/targets span gone/);
    expect(() => assertExportable(doc([{}], [{ id: 'r1', label: 'ATTACKED', source: 's0', target: 'gone', author: 'gold', attributes: {} }]))).toThrow(
      /relation r1 links span gone/,
    );
  });

  it('throws exactly when a span leaves the text or its quote is not the text at its code points, in any span order', () => {
    const piece = fc.constantFrom('a', 'ب', 'é', 'e\u0301', '👍🏽', '🇵🇰', '\ud800', ' ', '\n');
    const world = fc.array(piece, { maxLength: 30 }).chain((pieces) => {
      const points = Array.from(pieces.join(''));
      const span = fc.tuple(fc.nat(points.length + 2), fc.integer({ min: 1, max: 6 }), fc.boolean()).map(([start, length, spoil]) => {
        const quote = points.slice(start, start + length).join('');
        return { start, end: start + length, quote: spoil && quote.length > 0 ? `${quote.slice(0, -1)}x` : quote };
      });
      return fc.tuple(fc.constant(points), fc.array(span, { maxLength: 6 }));
    });
    fc.assert(
      fc.property(world, ([points, spans]) => {
        const document: ExportDocument = { ...doc([]), text: points.join(''), spans: doc(spans).spans };
        const valid = spans.every(({ start, end, quote }) => end <= points.length && points.slice(start, end).join('') === quote);
        if (valid) expect(() => assertExportable(document)).not.toThrow();
        else expect(() => assertExportable(document)).toThrow(/outside the text|quote that differs/);
      }),
    );
  });
});
