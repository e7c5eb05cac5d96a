import { describe, expect, it } from 'vitest';
import { catalogOf } from '@/lib/editor/catalog';
import type { Relation, Span } from '@/lib/editor/model';
import { relationRows, typeCounts } from '@/lib/editor/relation-rows';
import type { SchemaLabel } from '@/lib/editor/schema';

const relationType = (id: string, name: string): SchemaLabel => ({
  ...{ id, key: id, name, layer: 'RELATION', description: '', color: '#123456', hotkey: null, position: 0, retired: false },
  ...{ sourceTypes: [], targetTypes: [], options: [], multiple: false, perTarget: false },
});
const catalog = catalogOf([relationType('ALLY', 'Ally of'), relationType('OPP', 'Opposes')], []);
const span = (key: string, start: number): Span => ({
  key,
  labelId: 'PER',
  start,
  end: start + 3,
  quote: key,
  target: null,
  attributes: {},
  unsure: false,
  note: null,
});
const spans = new Map([span('a', 0), span('b', 10), span('c', 20), span('d', 30)].map((s) => [s.key, s]));
const relation = (key: string, labelId: string, sourceKey: string, targetKey: string): Relation => ({ key, labelId, sourceKey, targetKey });

describe('relationRows', () => {
  const relations = new Map(
    [relation('r1', 'OPP', 'd', 'c'), relation('r2', 'ALLY', 'a', 'c'), relation('r3', 'ALLY', 'b', 'a'), relation('r4', 'GONE', 'x', 'b')].map((r) => [
      r.key,
      r,
    ]),
  );
  const rows = relationRows(catalog, spans, relations);

  it('sorts by the earlier end, then the later, so a relation reads where it starts in the text', () => {
    // r2 a(0)–c(20), r3 a(0)–b(10): both start at 0, the shorter first; r4 has one end left (b at 10).
    expect(rows.map((row) => row.relation.key)).toEqual(['r3', 'r2', 'r4', 'r1']);
  });

  it('resolves both ends and the type, marks a target before its source as backward, and keeps a lost end as null', () => {
    const byKey = new Map(rows.map((row) => [row.relation.key, row]));
    expect(byKey.get('r1')).toMatchObject({ source: { key: 'd' }, target: { key: 'c' }, backward: true, type: { name: 'Opposes' } });
    expect(byKey.get('r2')!.backward).toBe(false);
    expect(byKey.get('r4')).toMatchObject({ source: null, target: { key: 'b' }, backward: false, type: undefined });
  });

  it('counts relations per type, most frequent first', () => {
    expect(typeCounts(rows)).toEqual([
      { labelId: 'ALLY', name: 'Ally of', count: 2 },
      { labelId: 'OPP', name: 'Opposes', count: 1 },
      { labelId: 'GONE', name: 'Unknown type', count: 1 },
    ]);
  });
});
