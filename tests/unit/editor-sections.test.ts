import { describe, expect, it } from 'vitest';
import { catalogOf } from '@/lib/editor/catalog';
import type { Span } from '@/lib/editor/model';
import type { SchemaLabel } from '@/lib/editor/schema';
import { spanSections } from '@/lib/editor/sections';
import { editorLabel } from '../support/editor-labels';

const label = (layer: SchemaLabel['layer'], key: string, position: number) => editorLabel(layer, key, { position });
const labels = [label('ENTITY', 'PERSON', 0), label('ENTITY', 'ORG', 1), label('STANCE', 'AGAINST', 2), label('FRAME', 'ECONOMIC', 3)];
describe('side panel sections', () => {
  const catalog = catalogOf(labels, [{ id: 't1', key: 'AFGHAN_TALIBAN', name: 'Afghan Taliban', aliases: [], retired: false }]);
  const make = (key: string, labelKey: string, start: number, target: Span['target'] = null): Span => ({
    key,
    labelId: `id-${labelKey}`,
    start,
    end: start + 3,
    quote: key,
    target,
    attributes: {},
  });
  const spans = new Map(
    [
      make('e2', 'ORG', 10),
      make('e1', 'PERSON', 2),
      make('s1', 'AGAINST', 5, { kind: 'target', id: 't1' }),
      make('s2', 'AGAINST', 1, { kind: 'span', key: 'e1' }),
      make('f1', 'ECONOMIC', 0),
    ].map((s) => [s.key, s]),
  );

  it('lists spans per layer in text order and groups stance spans by target', () => {
    const sections = spanSections(spans, catalog, { layer: 'ALL', labelId: 'ALL' });
    expect(sections.map((s) => [s.layer, s.count])).toEqual([
      ['ENTITY', 2],
      ['STANCE', 2],
      ['FRAME', 1],
    ]);
    expect(sections[0]!.groups[0]!.spans.map((s) => s.key)).toEqual(['e1', 'e2']);
    expect(sections[1]!.groups.map((g) => [g.heading, g.spans.map((s) => s.key)])).toEqual([
      ['Afghan Taliban', ['s1']],
      ['“e1”', ['s2']],
    ]);
  });

  it('filters by layer and by label', () => {
    expect(spanSections(spans, catalog, { layer: 'FRAME', labelId: 'ALL' }).map((s) => s.layer)).toEqual(['FRAME']);
    const orgs = spanSections(spans, catalog, { layer: 'ALL', labelId: 'id-ORG' });
    expect(orgs.flatMap((s) => s.groups.flatMap((g) => g.spans.map((x) => x.key)))).toEqual(['e2']);
  });
});
