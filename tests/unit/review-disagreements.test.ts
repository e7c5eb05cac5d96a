import { describe, expect, it } from 'vitest';
import { disagreementUnits, nextDisagreement, type UnitItem } from '@/lib/review/disagreements';
import { boundaryPlan } from '@/lib/review/gold-boundaries';

const span = (key: string, start: number, end: number, more: Partial<UnitItem> = {}): UnitItem => ({
  key,
  layer: 'ENTITY',
  extent: { start, end },
  about: '',
  split: false,
  gold: false,
  goldOnly: false,
  ...more,
});

// Text order within a layer, then relations, then gold-only spans: the order buildRows lists rows in.
const ITEMS: UnitItem[] = [
  span('ana', 0, 3),
  span('bilal-person', 8, 13, { split: true }),
  span('bilal-org', 8, 20, { split: true, gold: true }),
  span('bannu', 30, 35, { split: true }),
  span('doha', 40, 44, { split: true }),
  span('stance', 8, 13, { layer: 'STANCE', split: true }),
  { ...span('rel-a', 0, 0, { layer: 'RELATION', split: true }), extent: null, about: 'ana→bilal' },
  { ...span('rel-b', 0, 0, { layer: 'RELATION' }), extent: null, about: 'ana→bilal' },
  span('gold-doha', 41, 44, { gold: true, goldOnly: true }),
];

describe('disagreement units', () => {
  const units = disagreementUnits(ITEMS);

  it('groups overlapping spans of a layer and relations about the same pair; a curator’s gold span resolves what it overlaps', () => {
    expect(units).toEqual([
      { keys: ['ana'], disputed: false, resolved: false },
      { keys: ['bilal-person', 'bilal-org'], disputed: true, resolved: true },
      { keys: ['bannu'], disputed: true, resolved: false },
      { keys: ['doha'], disputed: true, resolved: true },
      { keys: ['stance'], disputed: true, resolved: false },
      { keys: ['rel-a', 'rel-b'], disputed: true, resolved: false },
      { keys: ['gold-doha'], disputed: false, resolved: true },
    ]);
  });

  it('steps through disputed units, stopping at either end', () => {
    expect(nextDisagreement(units, 'ana', 1)).toBe('bilal-person');
    expect(nextDisagreement(units, 'bilal-org', 1)).toBe('bannu');
    expect(nextDisagreement(units, 'bannu', -1)).toBe('bilal-person');
    expect(nextDisagreement(units, 'bilal-person', -1)).toBeNull();
    expect(nextDisagreement(units, 'rel-b', 1)).toBeNull();
    expect(nextDisagreement(units, null, 1)).toBe('bilal-person');
    expect(nextDisagreement(units, null, -1)).toBe('rel-a');
  });

  it('finds the next unresolved one, wrapping around to the start', () => {
    expect(nextDisagreement(units, 'ana', 1, true)).toBe('bannu');
    expect(nextDisagreement(units, 'bannu', 1, true)).toBe('stance');
    expect(nextDisagreement(units, 'rel-a', 1, true)).toBe('bannu');
    const settled = disagreementUnits(ITEMS.map((item) => ({ ...item, gold: true })));
    expect(nextDisagreement(settled, 'ana', 1, true)).toBeNull();
  });
});

describe('moving a gold span to a selection', () => {
  const text = 'Ana met Bilal Khan in Bannu.';
  const gold = { start: 8, end: 13, version: 4 };

  it('snaps the selection to words and sends only the offsets that change, with the version seen', () => {
    expect(boundaryPlan(text, gold, { start: 9, end: 16 }, true)).toEqual({ ok: true, range: { start: 8, end: 18 }, change: { version: 4, end: 18 } });
    expect(boundaryPlan(text, gold, { start: 21, end: 27 }, true)).toEqual({
      ok: true,
      range: { start: 22, end: 27 },
      change: { version: 4, start: 22, end: 27 },
    });
    expect(boundaryPlan(text, gold, { start: 9, end: 16 }, false)).toEqual({
      ok: true,
      range: { start: 9, end: 16 },
      change: { version: 4, start: 9, end: 16 },
    });
  });

  it('refuses a selection of blanks and one that changes nothing, saying why', () => {
    expect(boundaryPlan(text, gold, { start: 3, end: 4 }, true)).toEqual({
      ok: false,
      reason: 'The selection holds no text to annotate; select at least one word.',
    });
    expect(boundaryPlan(text, gold, { start: 10, end: 11 }, true)).toEqual({ ok: false, reason: 'The gold span already has exactly these boundaries.' });
  });
});
