import { describe, expect, it } from 'vitest';
import { paletteOf } from '@/lib/editor/palette';
import type { SchemaLabel } from '@/lib/editor/schema';
import { schemaLabel } from '../support/schema-label';

let position = 0;
/** Labels in the order made: each gets the next position, unless `extra` says otherwise. */
const label = (layer: SchemaLabel['layer'], key: string, name: string, extra: Partial<SchemaLabel> = {}) =>
  schemaLabel(layer, key, { name, position: ++position, ...extra });

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
