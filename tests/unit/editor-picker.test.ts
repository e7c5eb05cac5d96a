import { describe, expect, it } from 'vitest';
import { choose, valuesFor, withValues } from '@/lib/editor/answers';
import { filterByQuery, labelTexts, pickerLabels } from '@/lib/editor/picker';
import { activeLabels, relationTypesFor, spanLabelForHotkey, type SchemaLabel } from '@/lib/editor/schema';
import { editorLabel } from '../support/editor-labels';

let position = 0;
function label(layer: SchemaLabel['layer'], key: string, name: string, extra: Partial<SchemaLabel> = {}): SchemaLabel {
  return editorLabel(layer, key, { name, position: position++, ...extra });
}

const labels = [
  label('ENTITY', 'PERSON', 'Person', { hotkey: 'p' }),
  label('ENTITY', 'ORG', 'Organization', { hotkey: 'o' }),
  label('ENTITY', 'GPE', 'Geo-political entity', { hotkey: 'g' }),
  label('ENTITY', 'WORK_OF_ART', 'Work of art'),
  label('ENTITY', 'FAC', 'Facility', { retired: true, hotkey: 'f' }),
  label('STANCE', 'AGAINST', 'Against', { hotkey: 'a' }),
  label('FRAME', 'ECONOMIC', 'Economic', { hotkey: '1' }),
  label('RELATION', 'MEMBER_OF', 'Member of', { sourceTypes: ['PERSON', 'ORG'], targetTypes: ['ORG'] }),
  label('RELATION', 'LOCATED_IN', 'Located in', { targetTypes: ['GPE'] }),
  label('RELATION', 'RELATED', 'Related'),
  label('RELATION', 'OLD', 'Old', { retired: true }),
];

const keys = (found: SchemaLabel[]) => found.map((l) => l.key);

describe('label picker filtering', () => {
  const entities = activeLabels(labels, 'ENTITY');

  it('offers the active labels of a layer in schema order, never retired ones', () => {
    expect(keys(entities)).toEqual(['PERSON', 'ORG', 'GPE', 'WORK_OF_ART']);
  });

  it('keeps everything for an empty query', () => {
    expect(keys(filterByQuery(entities, '  ', labelTexts))).toEqual(keys(entities));
  });

  it('ranks names starting with the query before words starting with it before substrings', () => {
    expect(keys(filterByQuery(entities, 'o', labelTexts))).toEqual(['ORG', 'WORK_OF_ART', 'PERSON', 'GPE']);
    expect(keys(filterByQuery(entities, 'pol', labelTexts))).toEqual(['GPE']);
  });

  it('matches keys, keys as words, case- and accent-insensitively', () => {
    expect(keys(filterByQuery(entities, 'work of', labelTexts))).toEqual(['WORK_OF_ART']);
    expect(keys(filterByQuery(entities, 'GEO', labelTexts))).toEqual(['GPE']);
    expect(filterByQuery(['Pakistán'], 'pakistan', (t) => [t])).toEqual(['Pakistán']);
  });

  it('filters targets by their aliases too', () => {
    const targets = [
      { name: 'Afghan Taliban', aliases: ['Islamic Emirate of Afghanistan', 'IEA'] },
      { name: 'Tehreek-e-Taliban Pakistan', aliases: ['TTP', 'Pakistani Taliban'] },
    ];
    const texts = (t: (typeof targets)[number]) => [t.name, ...t.aliases];
    expect(filterByQuery(targets, 'ttp', texts).map((t) => t.name)).toEqual(['Tehreek-e-Taliban Pakistan']);
    expect(filterByQuery(targets, 'emirate', texts).map((t) => t.name)).toEqual(['Afghan Taliban']);
    expect(filterByQuery(targets, 'taliban', texts).map((t) => t.name)).toEqual(['Afghan Taliban', 'Tehreek-e-Taliban Pakistan']);
  });

  it('finds the span label of a hotkey across layers, ignoring retired labels', () => {
    expect(spanLabelForHotkey(labels, 'a')?.key).toBe('AGAINST');
    expect(spanLabelForHotkey(labels, '1')?.key).toBe('ECONOMIC');
    expect(spanLabelForHotkey(labels, 'f')).toBeUndefined();
    expect(spanLabelForHotkey(labels, 'z')).toBeUndefined();
  });
});

describe('the picker list', () => {
  it("is the layer's active labels with no query, and searches every span layer with one", () => {
    expect(keys(pickerLabels(labels, 'ENTITY', ''))).toEqual(['PERSON', 'ORG', 'GPE', 'WORK_OF_ART']);
    expect(keys(pickerLabels(labels, 'ENTITY', '  '))).toEqual(['PERSON', 'ORG', 'GPE', 'WORK_OF_ART']);
    // "a" matches Against (a stance) first, though the Entity tab is open; relations are never offered.
    expect(keys(pickerLabels(labels, 'ENTITY', 'ag'))).toEqual(['AGAINST']);
    expect(keys(pickerLabels(labels, 'FRAME', 'of'))).toEqual(['WORK_OF_ART']);
  });
});

describe('relation types between two spans', () => {
  it('offers the types whose source and target types include both labels (empty = any)', () => {
    expect(keys(relationTypesFor(labels, 'PERSON', 'ORG'))).toEqual(['MEMBER_OF', 'RELATED']);
    expect(keys(relationTypesFor(labels, 'ORG', 'GPE'))).toEqual(['LOCATED_IN', 'RELATED']);
    expect(keys(relationTypesFor(labels, 'GPE', 'PERSON'))).toEqual(['RELATED']);
  });
});

describe('document answers', () => {
  const answers = [{ labelId: 'Q', targetId: 't1', values: ['FAVOR'] }];

  it('replaces one question’s values and removes an emptied answer', () => {
    expect(valuesFor(answers, 'Q', 't1')).toEqual(['FAVOR']);
    expect(valuesFor(answers, 'Q', 't2')).toEqual([]);
    expect(withValues(answers, 'Q', 't2', ['NONE'])).toHaveLength(2);
    expect(withValues(answers, 'Q', 't1', ['AGAINST'])).toEqual([{ labelId: 'Q', targetId: 't1', values: ['AGAINST'] }]);
    expect(withValues(answers, 'Q', 't1', [])).toEqual([]);
  });

  it('toggles checkboxes and replaces radio choices', () => {
    expect(choose(['A'], 'B', true)).toEqual(['A', 'B']);
    expect(choose(['A', 'B'], 'A', true)).toEqual(['B']);
    expect(choose(['A'], 'B', false)).toEqual(['B']);
  });
});
