import { describe, expect, it } from 'vitest';
import type { Span } from '@/lib/editor/model';
import { neighbourSpan, paletteOf } from '@/lib/editor/palette';
import type { SchemaLabel } from '@/lib/editor/schema';
import { schemaLabel } from '../support/schema-labels';

const label = schemaLabel;

const labels = [
  label('FRAME', 'ECONOMIC', 'Economic', { hotkey: '1' }),
  label('ENTITY', 'PERSON', 'Person', { hotkey: 'p' }),
  label('ENTITY', 'QUANTITY', 'Quantity'),
  label('ENTITY', 'FAC', 'Facility', { retired: true }),
  label('STANCE', 'AGAINST', 'Against', { hotkey: 'a' }),
  label('ENTITY', 'ORG', 'Organization', { hotkey: 'o', position: -1 }),
  label('FRAME', 'CULTURAL_IDENTITY', 'Cultural identity', { hotkey: 'q' }),
  label('RELATION', 'MEMBER_OF', 'Member of'),
];
const keys = (list: readonly SchemaLabel[]) => list.map((l) => l.key);

describe('paletteOf', () => {
  it('lists every active span label grouped by layer in layer order, each group in schema order, with no best match unfiltered', () => {
    const palette = paletteOf(labels, '  ');
    expect(palette.groups.map((g) => [g.layer, keys(g.labels)])).toEqual([
      ['ENTITY', ['ORG', 'PERSON', 'QUANTITY']],
      ['STANCE', ['AGAINST']],
      ['FRAME', ['ECONOMIC', 'CULTURAL_IDENTITY']],
    ]);
    expect(palette.best).toBeNull();
  });

  it('narrows to the matches, drops layers left empty, and ranks the best match across layers', () => {
    // "cul" starts the frame's name; nothing in the entity layer matches at all.
    const palette = paletteOf(labels, 'Cul');
    expect(palette.groups.map((g) => [g.layer, keys(g.labels)])).toEqual([['FRAME', ['CULTURAL_IDENTITY']]]);
    expect(palette.best?.key).toBe('CULTURAL_IDENTITY');
  });

  it('prefers a name starting with the query over one containing it, whatever the layer order', () => {
    // "ti": "Quantity" only contains it, "Timing" starts with it; the groups keep layer order all the same.
    const palette = paletteOf([label('ENTITY', 'ENTITY_X', 'Quantity'), label('FRAME', 'TIMING', 'Timing')], 'ti');
    expect(keys(palette.groups.flatMap((g) => g.labels))).toEqual(['ENTITY_X', 'TIMING']);
    expect(palette.best?.key).toBe('TIMING');
  });

  it('finds nothing for a query no label matches, and never offers retired labels or relation types', () => {
    expect(paletteOf(labels, 'zzz')).toEqual({ groups: [], best: null });
    expect(paletteOf(labels, 'facility').best).toBeNull();
    expect(paletteOf(labels, 'member').best).toBeNull();
  });
});

function span(key: string, start: number, end: number): Span {
  return { key, labelId: 'id-PERSON', start, end, quote: '', target: null, attributes: {} };
}

describe('neighbourSpan', () => {
  // "outer" encloses "inner"; "later" comes after both; listed out of order on purpose.
  const spans = [span('later', 30, 35), span('inner', 12, 15), span('outer', 10, 20), span('first', 0, 4)];
  const step = (activeKey: string | null, caret: number, direction: 1 | -1) => neighbourSpan(spans, { activeKey, caret }, direction)?.key;

  it('steps from the selected span in document order, an enclosing span before the spans inside it', () => {
    expect(step('first', 0, 1)).toBe('outer');
    expect(step('outer', 0, 1)).toBe('inner');
    expect(step('inner', 0, 1)).toBe('later');
    expect(step('later', 0, -1)).toBe('inner');
    expect(step('outer', 0, -1)).toBe('first');
  });

  it('stops at either end instead of wrapping around', () => {
    expect(step('later', 0, 1)).toBeUndefined();
    expect(step('first', 0, -1)).toBeUndefined();
  });

  it('starts from the caret when no span is selected: the next span starting at or after it, or the last one before it', () => {
    expect(step(null, 5, 1)).toBe('outer');
    expect(step(null, 10, 1)).toBe('outer');
    expect(step(null, 11, 1)).toBe('inner');
    expect(step(null, 11, -1)).toBe('outer');
    expect(step(null, 40, 1)).toBeUndefined();
    expect(step(null, 0, -1)).toBeUndefined();
  });

  it('treats a selected key that no longer exists as no selection', () => {
    expect(step('deleted', 25, 1)).toBe('later');
  });
});
