import { describe, expect, it } from 'vitest';
import { distribution, perAnnotator } from '@/lib/dashboard/labels';
import { cumulate } from '@/lib/dashboard/timeline';

const label = (id: string, layer: 'ENTITY' | 'STANCE' | 'FRAME' | 'RELATION', retired = false) => ({
  id,
  layer,
  key: id,
  name: `Label ${id}`,
  color: '#123456',
  retired,
});

describe('dashboard figures', () => {
  it('merges submitted and adjudicated days in day order with running totals', () => {
    const days = cumulate(
      [
        { day: '2026-11-03', count: 2 },
        { day: '2026-11-01', count: 1 },
      ],
      [{ day: '2026-11-02', count: 1 }],
    );
    expect(days).toEqual([
      { day: '2026-11-01', submitted: 1, adjudicated: 0, cumulativeSubmitted: 1, cumulativeAdjudicated: 0 },
      { day: '2026-11-02', submitted: 0, adjudicated: 1, cumulativeSubmitted: 1, cumulativeAdjudicated: 1 },
      { day: '2026-11-03', submitted: 2, adjudicated: 0, cumulativeSubmitted: 3, cumulativeAdjudicated: 1 },
    ]);
  });

  it('groups span labels by layer, keeps a retired label only while spans carry it, and hides gold when asked', () => {
    const labels = [label('f', 'FRAME'), label('e', 'ENTITY'), label('old', 'ENTITY', true), label('gone', 'ENTITY', true), label('r', 'RELATION')];
    const counts = [
      { labelId: 'e', authorId: 'u1', count: 2 },
      { labelId: 'e', authorId: 'u2', count: 3 },
      { labelId: 'e', authorId: null, count: 1 },
      { labelId: 'old', authorId: 'u1', count: 4 },
    ];
    const withGold = distribution(labels, counts, true);
    expect(withGold.map((l) => [l.layer, l.labels.map((x) => [x.id, x.annotators, x.gold])])).toEqual([
      [
        'ENTITY',
        [
          ['e', 5, 1],
          ['old', 4, 0],
        ],
      ],
      ['FRAME', [['f', 0, 0]]],
    ]);
    expect(distribution(labels, counts, false)[0]!.labels.map((x) => x.gold)).toEqual([null, null]);
  });

  it('sums each annotator’s spans per label, leaves gold out and sorts by name', () => {
    const rows = perAnnotator(
      [
        { labelId: 'e', authorId: 'u2', count: 3 },
        { labelId: 'e', authorId: null, count: 9 },
        { labelId: 'f', authorId: 'u2', count: 1 },
        { labelId: 'e', authorId: 'u1', count: 2 },
      ],
      new Map([
        ['u1', 'Zoe'],
        ['u2', 'Adam'],
      ]),
    );
    expect(rows).toEqual([
      { userId: 'u2', name: 'Adam', total: 4, labels: { e: 3, f: 1 } },
      { userId: 'u1', name: 'Zoe', total: 2, labels: { e: 2 } },
    ]);
  });
});
