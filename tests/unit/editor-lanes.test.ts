import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { assignLanes, updateLanes, type Interval, type KeyedInterval, type PlacedInterval } from '@/lib/editor/lanes';
import { layoutSpans } from '@/lib/editor/layout';
import { nextInCycle, spansAtCaret } from '@/lib/editor/hit';
import type { Span } from '@/lib/editor/model';
import { buildSegmentTable } from '@/lib/offsets';

const overlaps = (a: Interval, b: Interval) => a.start < b.end && b.start < a.end;

function span(key: string, start: number, end: number): Span {
  return { key, labelId: 'L', start, end, quote: '', target: null, attributes: {}, unsure: false, note: null };
}

describe('assignLanes', () => {
  it('puts a nested span below the one enclosing it', () => {
    // ORG "Hafiz Gul Bahadur group" [4, 27) encloses PERSON "Hafiz Gul Bahadur" [4, 21).
    const { lanes, count } = assignLanes([
      { start: 4, end: 21 },
      { start: 4, end: 27 },
    ]);
    expect(lanes).toEqual([1, 0]);
    expect(count).toBe(2);
  });

  it('reuses the lowest free lane for spans that do not overlap', () => {
    const { lanes, count } = assignLanes([
      { start: 0, end: 10 },
      { start: 2, end: 4 },
      { start: 6, end: 8 },
      { start: 10, end: 12 },
    ]);
    expect(lanes).toEqual([0, 1, 1, 0]);
    expect(count).toBe(2);
  });

  it('touching spans share a lane (ends are exclusive)', () => {
    expect(
      assignLanes([
        { start: 0, end: 3 },
        { start: 3, end: 5 },
      ]).lanes,
    ).toEqual([0, 0]);
  });

  it('is empty for no spans', () => {
    expect(assignLanes([])).toEqual({ lanes: [], count: 0 });
  });

  it('never gives overlapping intervals the same lane, and uses no more lanes than the deepest overlap needs', () => {
    const interval = fc.tuple(fc.nat(200), fc.integer({ min: 1, max: 40 })).map(([start, length]) => ({ start, end: start + length }));
    fc.assert(
      fc.property(fc.array(interval, { maxLength: 60 }), (intervals) => {
        const { lanes, count } = assignLanes(intervals);
        intervals.forEach((a, i) =>
          intervals.forEach((b, j) => {
            if (i < j && overlaps(a, b)) expect(lanes[i]).not.toBe(lanes[j]);
          }),
        );
        // Greedy colouring uses at most (max number of intervals overlapping any one interval) lanes.
        const degree = Math.max(0, ...intervals.map((a) => intervals.filter((b) => overlaps(a, b)).length));
        expect(count).toBeLessThanOrEqual(degree);
      }),
      { numRuns: 500 },
    );
  });

  it('does not depend on input order', () => {
    const intervals = [
      { start: 5, end: 9 },
      { start: 0, end: 9 },
      { start: 5, end: 9 },
      { start: 1, end: 3 },
    ];
    const forward = assignLanes(intervals).lanes;
    const reversed = assignLanes([...intervals].reverse()).lanes.reverse();
    expect(reversed.sort()).toEqual([...forward].sort());
  });
});

describe('updateLanes', () => {
  const placedOf = (intervals: readonly KeyedInterval[], lanes: readonly number[]) =>
    new Map<string, PlacedInterval>(intervals.map((interval, i) => [interval.key, { start: interval.start, end: interval.end, lane: lanes[i]! }]));
  const interval = fc
    .record({ start: fc.integer({ min: 0, max: 200 }), length: fc.integer({ min: 1, max: 40 }) })
    .map(({ start, length }) => ({ start, end: start + length }));

  it('gives what assignLanes gives, after any mix of added, moved, removed and re-inserted intervals', () => {
    fc.assert(
      fc.property(
        fc.array(interval, { minLength: 0, maxLength: 60 }),
        fc.array(fc.record({ kind: fc.constantFrom('add', 'move', 'remove', 'reinsert'), at: fc.nat(), to: interval }), { maxLength: 4 }),
        (initial, changes) => {
          let intervals: KeyedInterval[] = initial.map((range, i) => ({ key: `k${i}`, ...range }));
          let placed = placedOf(intervals, assignLanes(intervals).lanes);
          changes.forEach((change, step) => {
            const at = intervals.length === 0 ? 0 : change.at % intervals.length;
            const next = [...intervals];
            if (change.kind === 'add' || intervals.length === 0) next.push({ key: `n${step}`, ...change.to });
            else if (change.kind === 'move') next[at] = { key: next[at]!.key, ...change.to };
            else if (change.kind === 'remove') next.splice(at, 1);
            // Undo of a delete puts the same interval back at the end of the list.
            else next.push(...next.splice(at, 1));
            intervals = next;
            const updated = updateLanes(intervals, placed);
            expect(updated).toEqual(assignLanes(intervals));
            placed = placedOf(intervals, updated.lanes);
          });
        },
      ),
      { numRuns: 300 },
    );
  });

  it('leaves every interval outside the changed group in its lane without recolouring it', () => {
    const intervals: KeyedInterval[] = [
      { key: 'a', start: 0, end: 10 },
      { key: 'b', start: 2, end: 5 },
      { key: 'c', start: 20, end: 30 },
      { key: 'd', start: 22, end: 25 },
    ];
    // A stale lane for "d", which a full recolouring would correct: it is kept, so only a and b and the new span were coloured.
    const placed = placedOf(intervals, [0, 1, 0, 7]);
    const added = [...intervals, { key: 'e', start: 4, end: 12 }];
    expect(updateLanes(added, placed)).toEqual({ lanes: [0, 2, 0, 7, 1], count: 8 });
  });
});

describe('layoutSpans', () => {
  const text = 'Hafiz Gul Bahadur group\n\nامن ہمارا حق ہے 👩‍👩‍👧 end';
  const table = buildSegmentTable(text);
  const look = () => ({ color: '#123456', title: 'T', tag: 'T', layer: 'ENTITY' as const });

  it('maps code points to editor positions, across the paragraph gap and astral characters', () => {
    const emoji = [...text].indexOf('👩');
    const { marks } = layoutSpans([span('a', 0, 5), span('b', emoji, emoji + 5)], table, look);
    expect(marks[0]).toMatchObject({ key: 'a', from: 1, to: 6 });
    // The second paragraph's text starts at UTF-16 index 25 and at editor position 26 (after the
    // first paragraph's 23 characters and two tokens, and its own opening token): a shift of 1.
    const utf16 = text.indexOf('👩');
    expect(marks[1]).toMatchObject({ key: 'b', from: utf16 + 1, to: utf16 + 1 + '👩‍👩‍👧'.length });
  });

  // Its time is measured by npm run bench:editor-layout, not asserted here.
  it('lays out 5,000 overlapping spans in several lanes', () => {
    const long = 'word '.repeat(20_000);
    const bigTable = buildSegmentTable(long);
    const spans = Array.from({ length: 5000 }, (_, i) => span(`s${i}`, (i * 17) % 99_000, ((i * 17) % 99_000) + 5 + (i % 40)));
    const { marks, laneCount } = layoutSpans(spans, bigTable, look);
    expect(marks).toHaveLength(5000);
    expect(laneCount).toBeGreaterThan(1);
  });
});

describe('span hit testing', () => {
  const org = span('org', 4, 27);
  const person = span('person', 4, 21);
  const later = span('later', 30, 35);

  it('finds the spans under a caret, innermost first', () => {
    expect(spansAtCaret([org, person, later], 10).map((s) => s.key)).toEqual(['person', 'org']);
    // Just after "Bahadur": only the ORG continues, so it is the one under the caret.
    expect(spansAtCaret([org, person, later], 21).map((s) => s.key)).toEqual(['org']);
    expect(spansAtCaret([org, person, later], 35).map((s) => s.key)).toEqual(['later']);
    expect(spansAtCaret([org, person, later], 28)).toEqual([]);
  });

  it('cycles through nested spans on repeated clicks', () => {
    expect(nextInCycle([org, person], null)?.key).toBe('person');
    expect(nextInCycle([org, person], 'person')?.key).toBe('org');
    expect(nextInCycle([org, person], 'org')?.key).toBe('person');
    expect(nextInCycle([], null)).toBeUndefined();
  });
});
