import { describe, expect, it } from 'vitest';
import { catalogOf } from '@/lib/editor/catalog';
import { layoutSpans } from '@/lib/editor/layout';
import type { Span } from '@/lib/editor/model';
import type { SchemaLabel } from '@/lib/editor/schema';
import { LAYER_LOOKS, spanLook, spanTag } from '@/lib/editor/tags';
import { buildSegmentTable } from '@/lib/offsets';
import { SPAN_LAYERS } from '@/lib/schema/types';
import { schemaLabel } from '../support/schema-label';

const label = (layer: SchemaLabel['layer'], key: string, name: string, color: string) => schemaLabel(layer, key, { id: `id-${key}`, name, color });
const catalog = catalogOf(
  [
    label('ENTITY', 'ORG', 'Organization', '#4363d8'),
    label('STANCE', 'AGAINST', 'Against', '#c62828'),
    label('FRAME', 'CAPACITY_AND_RESOURCES', 'Capacity and resources', '#d95f02'),
  ],
  [{ id: 't1', key: 'AFGHAN_TALIBAN', name: 'Afghan Taliban', aliases: [], retired: false }],
);
const span = (key: string, labelId: string, start: number, end: number, quote: string, target: Span['target'] = null): Span => ({
  key,
  labelId,
  start,
  end,
  quote,
  target,
  attributes: {},
  unsure: false,
  note: null,
});
const org = span('org', 'id-ORG', 0, 3, 'TTP');
const spans = new Map([[org.key, org]]);

describe('span tags', () => {
  it('are the label key, and for stance the key with its target’s name', () => {
    expect(spanTag(catalog, spans, org)).toBe('ORG');
    expect(spanTag(catalog, spans, span('s', 'id-AGAINST', 0, 9, 'x', { kind: 'target', id: 't1' }))).toBe('AGAINST → Afghan Taliban');
  });

  it('quote the entity span a stance is towards, and say what is missing instead of guessing', () => {
    expect(spanTag(catalog, spans, span('s', 'id-AGAINST', 0, 9, 'x', { kind: 'span', key: 'org' }))).toBe('AGAINST → “TTP”');
    expect(spanTag(catalog, spans, span('s', 'id-AGAINST', 0, 9, 'x', { kind: 'span', key: 'deleted' }))).toBe('AGAINST → ?');
    expect(spanTag(catalog, spans, span('s', 'id-AGAINST', 0, 9, 'x', { kind: 'target', id: 'gone' }))).toBe('AGAINST → ?');
    expect(spanTag(catalog, spans, span('u', 'unknown', 0, 1, 'x'))).toBe('?');
  });

  it('cut long keys and target names so a tag never fills a line', () => {
    expect(spanTag(catalog, spans, span('f', 'id-CAPACITY_AND_RESOURCES', 0, 1, 'x'))).toBe('CAPACITY_AND_RE…');
    const long = span('l', 'id-ORG', 0, 40, 'The Tehreek-e-Taliban Pakistan and its allies');
    const stance = span('s', 'id-AGAINST', 0, 9, 'x', { kind: 'span', key: 'l' });
    expect(spanTag(catalog, new Map([[long.key, long]]), stance)).toBe('AGAINST → “The Tehreek-e-Taliban P…”');
  });
});

describe('span looks', () => {
  it('carry the layer, which picks the line style, so labels of one colour in different layers still differ', () => {
    expect(spanLook(catalog, spans, org)).toEqual({ color: '#4363d8', title: 'Organization (ORG)', tag: 'ORG', layer: 'ENTITY' });
    expect(spanLook(catalog, spans, span('f', 'id-CAPACITY_AND_RESOURCES', 0, 1, 'x')).layer).toBe('FRAME');
    expect(spanLook(catalog, spans, span('u', 'unknown', 0, 1, 'x'))).toEqual({ color: '#888888', title: 'Unknown label', tag: '?', layer: null });
  });

  it('reach the drawn marks, and a stance tag follows a change of the span it quotes', () => {
    const text = 'TTP attacked again.';
    const table = buildSegmentTable(text);
    const stance = span('s', 'id-AGAINST', 4, 12, 'attacked', { kind: 'span', key: 'org' });
    const first = layoutSpans([org, stance], table, (s) => spanLook(catalog, spans, s));
    expect(first.marks.map((m) => [m.key, m.tag, m.layer])).toEqual([
      ['org', 'ORG', 'ENTITY'],
      ['s', 'AGAINST → “TTP”', 'STANCE'],
    ]);
    const moved = { ...org, end: 12, quote: 'TTP attacked' };
    const next = layoutSpans([moved, stance], table, (s) => spanLook(catalog, new Map([[moved.key, moved]]), s), first);
    expect(next.marks.find((m) => m.key === 's')!.tag).toBe('AGAINST → “TTP attacked”');
  });

  it('name every span layer in the legend', () => {
    expect(Object.keys(LAYER_LOOKS).sort()).toEqual([...SPAN_LAYERS].sort());
  });
});
