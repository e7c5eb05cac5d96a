import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { compareWithGold, targetKeyOf, type CompareSpan } from '@/lib/editor/compare';

function s(key: string, start: number, end: number, labelId = 'PER', extra: Partial<CompareSpan> = {}): CompareSpan {
  return { key, layer: 'ENTITY', labelId, start, end, quote: '', target: null, ...extra };
}

const kinds = (mine: CompareSpan[], gold: CompareSpan[]) =>
  compareWithGold(mine, gold).differences.map((d) => [d.kind, d.mine?.key ?? null, d.gold?.key ?? null]);

describe('compareWithGold', () => {
  it('classifies match, label, boundary, missed and extra', () => {
    const mine = [s('m1', 0, 5), s('m2', 10, 15, 'ORG'), s('m3', 20, 26), s('m4', 40, 45)];
    const gold = [s('g1', 0, 5), s('g2', 10, 15, 'LOC'), s('g3', 21, 26), s('g4', 30, 35)];
    expect(kinds(mine, gold)).toEqual([
      ['match', 'm1', 'g1'],
      ['label', 'm2', 'g2'],
      ['boundary', 'm3', 'g3'],
      ['missed', null, 'g4'],
      ['extra', 'm4', null],
    ]);
    const { summary } = compareWithGold(mine, gold);
    expect(summary.counts).toEqual({ match: 1, label: 1, boundary: 1, missed: 1, extra: 1 });
    expect(summary.precision).toBe(0.25);
    expect(summary.recall).toBe(0.25);
    expect(summary.f1).toBe(0.25);
  });

  it('treats a different stance target on the same offsets as a label difference', () => {
    const mine = [s('m', 0, 4, 'FAVOR', { layer: 'STANCE', target: targetKeyOf({ kind: 'target', id: 't1' }) })];
    const gold = [s('g', 0, 4, 'FAVOR', { layer: 'STANCE', target: targetKeyOf({ kind: 'target', id: 't2' }) })];
    expect(kinds(mine, gold)).toEqual([['label', 'm', 'g']]);
    const spanTarget = targetKeyOf({ kind: 'span', range: { start: 3, end: 9 } });
    const same = compareWithGold([{ ...mine[0]!, target: spanTarget }], [{ ...gold[0]!, target: spanTarget }]);
    expect(same.summary.counts.match).toBe(1);
  });

  it('marks an overlapping pair that differs in label and offsets as a label difference with offsetsDiffer', () => {
    const result = compareWithGold([s('m', 0, 6, 'ORG')], [s('g', 2, 6, 'PER')]);
    expect(result.differences).toHaveLength(1);
    expect(result.differences[0]).toMatchObject({ kind: 'label', offsetsDiffer: true });
  });

  it('never pairs spans of different layers', () => {
    expect(kinds([s('m', 0, 5, 'X', { layer: 'FRAME' })], [s('g', 0, 5, 'X')])).toEqual([
      ['missed', null, 'g'],
      ['extra', 'm', null],
    ]);
  });

  it('pairs one to one, by largest overlap, preferring identical offsets', () => {
    // One gold span, two caller spans overlapping it: the larger overlap wins, the other is extra.
    expect(kinds([s('a', 0, 3), s('b', 0, 8)], [s('g', 0, 10)])).toEqual([
      ['extra', 'a', null],
      ['boundary', 'b', 'g'],
    ]);
    // Identical offsets beat an equal overlap with a different label.
    expect(kinds([s('m', 0, 5)], [s('g1', 0, 10, 'ORG'), s('g2', 0, 5)])).toEqual([
      ['match', 'm', 'g2'],
      ['missed', null, 'g1'],
    ]);
  });

  it('handles empty sides', () => {
    expect(compareWithGold([], []).summary).toMatchObject({ precision: null, recall: null, f1: null });
    expect(compareWithGold([s('m', 0, 1)], []).summary).toMatchObject({ precision: 0, recall: null, f1: null });
    expect(compareWithGold([s('m', 0, 1)], [s('g', 5, 6)]).summary).toMatchObject({ precision: 0, recall: 0, f1: 0 });
  });

  it('is deterministic, one to one and accounts for every span', () => {
    const arb = fc.array(
      fc.record({ start: fc.nat(30), length: fc.integer({ min: 1, max: 8 }), label: fc.constantFrom('A', 'B'), layer: fc.constantFrom('ENTITY', 'STANCE') }),
      { maxLength: 10 },
    );
    const build = (prefix: string, items: { start: number; length: number; label: string; layer: string }[]) =>
      items.map((item, i) => s(`${prefix}${i}`, item.start, item.start + item.length, item.label, { layer: item.layer }));
    fc.assert(
      fc.property(arb, arb, (a, b) => {
        const mine = build('m', a);
        const gold = build('g', b);
        const result = compareWithGold(mine, gold);
        const reversed = compareWithGold([...mine].reverse(), [...gold].reverse());
        expect(reversed.differences).toEqual(result.differences);
        const mineKeys = result.differences.flatMap((d) => (d.mine ? [d.mine.key] : []));
        const goldKeys = result.differences.flatMap((d) => (d.gold ? [d.gold.key] : []));
        expect(new Set(mineKeys).size).toBe(mine.length);
        expect(mineKeys).toHaveLength(mine.length);
        expect(new Set(goldKeys).size).toBe(gold.length);
        expect(goldKeys).toHaveLength(gold.length);
        const { counts } = result.summary;
        expect(counts.match + counts.label + counts.boundary + counts.missed).toBe(gold.length);
        expect(counts.match + counts.label + counts.boundary + counts.extra).toBe(mine.length);
        for (const d of result.differences) {
          if (d.mine && d.gold) {
            expect(d.mine.layer).toBe(d.gold.layer);
            expect(Math.min(d.mine.end, d.gold.end)).toBeGreaterThan(Math.max(d.mine.start, d.gold.start));
          }
        }
      }),
    );
  });
});
