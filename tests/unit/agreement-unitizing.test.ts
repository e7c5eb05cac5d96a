import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  AgreementInputError,
  AgreementUndefinedError,
  binaryUnitizingAlpha,
  krippendorffAlpha,
  unitizingAlpha,
  valuedUnitizingAlpha,
  type UnitSegment,
} from '@/lib/agreement';
import { undefinedReason } from '../support/agreement';

const seg = (start: number, end: number, value: string): UnitSegment => ({ start, end, value });

describe('unitizingAlpha (Krippendorff 1995/2004 α_u)', () => {
  // Krippendorff (2004), Content Analysis, 2nd ed., §12.4, worked example on p. 254: two observers
  // unitize the continuum [150, 450) into categories c and k (shifted here to start at 0). The book
  // gives, for c: D_o = .0144, D_e = .0532, cα_u = .7286; for k: D_o = 0, D_e = .0490, kα_u = 1.
  // Data and values as transcribed in DKPro Statistics' Krippendorff2004Test, which also asserts
  // the overall α_u = .8591 ± .0005 (1 − .0144/(.0532 + .0490) from the rounded D's; unrounded
  // 0.85867). An independent Python computation gives c: 0.014444, 0.053222, 0.728599; k: 0.048979.
  const shift = (s: number, e: number, v: string) => seg(s - 150, e - 150, v);
  const book2004 = [
    [shift(225, 295, 'c'), shift(370, 400, 'c'), shift(180, 240, 'k'), shift(300, 350, 'k')],
    [shift(220, 300, 'c'), shift(355, 375, 'c'), shift(400, 420, 'c'), shift(180, 240, 'k'), shift(300, 350, 'k')],
  ];

  it('reproduces the per-category values of the Krippendorff (2004) example', () => {
    const result = unitizingAlpha(300, book2004);
    expect(result.byLabel.c?.observedDisagreement).toBeCloseTo(0.0144, 4);
    expect(result.byLabel.c?.expectedDisagreement).toBeCloseTo(0.0532, 4);
    expect(result.byLabel.c?.alpha).toBeCloseTo(0.7286, 3);
    expect(result.byLabel.k?.observedDisagreement).toBe(0);
    expect(result.byLabel.k?.expectedDisagreement).toBeCloseTo(0.049, 4);
    expect(result.byLabel.k?.alpha).toBe(1);
    expect(unitizingAlpha(300, book2004, { label: 'c' }).alpha).toBeCloseTo(0.7286, 3);
  });

  it('reproduces the overall α_u of the Krippendorff (2004) example (.859)', () => {
    const result = unitizingAlpha(300, book2004);
    expect(result.alpha).toBeCloseTo(0.859, 3);
    expect(result.overlapHandling).toBe('merge-same-value-overlaps');
    expect(result.mergedSegments).toBe(0);
  });

  it('reproduces the observed disagreements of the Krippendorff (1995) example', () => {
    // Krippendorff (1995), "On the reliability of unitizing continuous data", Sociological
    // Methodology 25, p. 57: four pairs of observers unitize a 24-point continuum, one category per
    // pair (transcribed as (start, length) in DKPro Statistics' Krippendorff1995Test). Only D_o is
    // checked: DKPro documents an error in the paper's expected disagreements. Pair B shows why
    // touching segments must stay separate units: Jill splits John's first unit into seven.
    const units = (list: [number, number][], value: string) => list.map(([s, l]) => seg(s, s + l, value));
    const pairs: Record<string, [UnitSegment[], UnitSegment[]]> = {
      A: [
        units(
          [
            [2, 8],
            [14, 6],
          ],
          'A',
        ),
        units(
          [
            [4, 4],
            [15, 2],
          ],
          'A',
        ),
      ],
      B: [
        units([[0, 18]], 'B'),
        units(
          [
            [0, 2],
            [2, 1],
            [3, 1],
            [4, 1],
            [5, 1],
            [6, 3],
            [9, 1],
          ],
          'B',
        ),
      ],
      C: [
        units(
          [
            [2, 6],
            [10, 2],
            [14, 4],
            [20, 2],
          ],
          'C',
        ),
        units(
          [
            [0, 2],
            [4, 4],
            [10, 4],
            [16, 2],
            [20, 2],
          ],
          'C',
        ),
      ],
      D: [
        units(
          [
            [0, 2],
            [2, 8],
            [10, 4],
            [14, 6],
            [20, 4],
          ],
          'D',
        ),
        units(
          [
            [0, 4],
            [4, 4],
            [8, 7],
            [15, 2],
            [17, 7],
          ],
          'D',
        ),
      ],
    };
    const expected = { A: 0.03125, B: 2.26736, C: 0.02777, D: 0.38715 };
    for (const [label, [first, second]] of Object.entries(pairs)) {
      const result = unitizingAlpha(24, [first, second]);
      expect(result.byLabel[label]?.observedDisagreement).toBeCloseTo(expected[label as keyof typeof expected], 4);
    }
  });

  it('matches a hand-computed two-coder example', () => {
    // L = 10. Coder 1: unit [2,6) (gaps of 2 and 4); coder 2: unit [3,6) (gaps of 3 and 4).
    // D_o: only the two overlapping units differ, δ² = (2−3)² + (6−6)² = 1, so D_o = 2·1/(2·1·10²) = 0.01.
    // D_e: N = 2 units. Unit l = 4: (1/3)(2·64 − 3·16 + 4) = 28, plus 4²·[(4−4+1)+(4−4+1)] = 32 → 60.
    //      Unit l = 3: (1/3)(54 − 27 + 3) = 10, plus 3²·[(4−3+1)+(3−3+1)+(4−3+1)] = 45 → 55.
    //      Denominator mL(mL−1) − Σ l(l−1) = 20·19 − (12 + 6) = 362, so D_e = (2/10)·115/362 = 23/362.
    // α_u = 1 − 0.01·362/23 = 0.842609.
    const result = unitizingAlpha(10, [[seg(2, 6, 'x')], [seg(3, 6, 'x')]]);
    expect(result.observedDisagreement).toBeCloseTo(0.01, 12);
    expect(result.expectedDisagreement).toBeCloseTo(23 / 362, 12);
    expect(result.alpha).toBeCloseTo(1 - 3.62 / 23, 12);
  });

  const unitization = (length: number) =>
    fc
      .array(fc.record({ start: fc.integer({ min: 0, max: length - 1 }), size: fc.integer({ min: 1, max: 6 }), value: fc.constantFrom('x', 'y') }), {
        maxLength: 5,
      })
      .map((list) => list.map(({ start, size, value }) => seg(start, Math.min(length, start + size), value)));

  it('is symmetric in the coders and 1 for identical unitizations', () => {
    fc.assert(
      fc.property(fc.array(unitization(30), { minLength: 2, maxLength: 4 }), (coders) => {
        let forward: number;
        try {
          forward = unitizingAlpha(30, coders).alpha;
        } catch (error) {
          if (error instanceof AgreementUndefinedError) return;
          throw error;
        }
        expect(unitizingAlpha(30, [...coders].reverse()).alpha).toBeCloseTo(forward, 9);
        const marked = coders.find((segments) => segments.length > 0) ?? [];
        expect(unitizingAlpha(30, [marked, marked]).alpha).toBe(1);
      }),
    );
  });

  it('merges overlapping segments of one coder and label, but keeps touching ones apart', () => {
    const other = [seg(0, 6, 'x')];
    const stacked = unitizingAlpha(20, [[seg(0, 4, 'x'), seg(2, 6, 'x'), seg(1, 3, 'x')], other]);
    expect(stacked.mergedSegments).toBe(2);
    expect(stacked.alpha).toBe(1);
    const touching = unitizingAlpha(20, [[seg(0, 3, 'x'), seg(3, 6, 'x')], other]);
    expect(touching.mergedSegments).toBe(0);
    expect(touching.alpha).toBeLessThan(1);
  });

  it('unitizes each label separately, so stacked different labels are fine', () => {
    const result = unitizingAlpha(20, [
      [seg(0, 10, 'x'), seg(5, 15, 'y')],
      [seg(0, 10, 'x'), seg(5, 15, 'y')],
    ]);
    expect(result.alpha).toBe(1);
    expect(Object.keys(result.byLabel)).toEqual(['x', 'y']);
  });

  it('reports undefined α_u instead of NaN', () => {
    expect(undefinedReason(() => unitizingAlpha(10, [[], []]))).toBe('empty');
    expect(undefinedReason(() => unitizingAlpha(10, [[seg(0, 2, 'x')], []], { label: 'y' }))).toBe('empty');
    // Every character is its own one-character unit for both coders: no gap, no room for chance.
    const cells = [seg(0, 1, 'x'), seg(1, 2, 'x'), seg(2, 3, 'x')];
    expect(undefinedReason(() => unitizingAlpha(3, [cells, cells]))).toBe('no-variation');
  });

  it('reports a degenerate label as null with a reason next to defined ones', () => {
    const cells = [seg(0, 1, 'x'), seg(1, 2, 'x'), seg(2, 3, 'x')];
    const result = unitizingAlpha(3, [
      [...cells, seg(0, 2, 'y')],
      [...cells, seg(1, 3, 'y')],
    ]);
    expect(result.byLabel.x).toEqual({ observedDisagreement: 0, expectedDisagreement: 0, alpha: null, reason: 'no-variation' });
    expect(result.byLabel.y?.alpha).toBeTypeOf('number');
    expect(Number.isFinite(result.alpha)).toBe(true);
  });

  it('rejects malformed input', () => {
    expect(() => unitizingAlpha(0, [[], []])).toThrow(/positive integer/);
    expect(() => unitizingAlpha(2.5, [[], []])).toThrow(AgreementInputError);
    expect(() => unitizingAlpha(10, [[seg(0, 2, 'x')]])).toThrow(/at least 2 coders/);
    expect(() => unitizingAlpha(10, [[seg(0, 12, 'x')], []])).toThrow(/beyond the continuum length/);
    expect(() => unitizingAlpha(10, [[seg(4, 4, 'x')], []])).toThrow(/empty or reversed/);
    expect(() => unitizingAlpha(10, [[seg(-1, 4, 'x')], []])).toThrow(/integer offsets ≥ 0/);
    expect(() => unitizingAlpha(10, [[seg(1, 4, '')], []])).toThrow(/non-empty string label/);
  });
});

describe('valuedUnitizingAlpha / binaryUnitizingAlpha (Krippendorff et al. 2016 uα, |uα)', () => {
  // With every unit one character long, the 2016 coincidences are the ordinary coincidence matrix
  // of the characters, and the self-pairing correction (length² per unit, length per gap) removes
  // exactly one pairing per character, so uα must equal nominal α of the per-character data with
  // gaps as one more category. Published values therefore carry over: Krippendorff (2011)
  // two-observer binary example, α = 0.095 (value 1 = a one-character unit, 0 = gap).
  it('reduces to Krippendorff (2011) binary α = 0.095 for one-character units', () => {
    const rows = [
      [0, 1, 0, 0, 0, 0, 0, 0, 1, 0],
      [1, 1, 1, 0, 0, 1, 0, 0, 0, 0],
    ];
    const coders = rows.map((row) => row.flatMap((v, i) => (v === 1 ? [seg(i, i + 1, 'hit')] : [])));
    expect(valuedUnitizingAlpha(10, coders).alpha).toBeCloseTo(0.095, 3);
    expect(binaryUnitizingAlpha(10, coders).alpha).toBeCloseTo(0.095, 3);
  });

  const cellMatrix = fc.record({ coders: fc.integer({ min: 2, max: 4 }), units: fc.integer({ min: 2, max: 12 }) }).chain(({ coders, units }) =>
    fc.array(fc.array(fc.constantFrom<string | null>('A', 'B', null), { minLength: units, maxLength: units }), {
      minLength: coders,
      maxLength: coders,
    }),
  );
  const toSegments = (row: (string | null)[]) => row.flatMap((v, i) => (v === null ? [] : [seg(i, i + 1, v)]));

  function expectSameOrBothUndefined(actual: () => number, expected: () => number) {
    let want: number | undefined;
    try {
      want = expected();
    } catch (error) {
      if (!(error instanceof AgreementUndefinedError)) throw error;
    }
    if (want === undefined) expect(actual).toThrow(AgreementUndefinedError);
    else expect(actual()).toBeCloseTo(want, 9);
  }

  it('equals nominal α on per-character data, for any number of coders', () => {
    fc.assert(
      fc.property(cellMatrix, (matrix) => {
        const length = matrix[0]?.length ?? 0;
        const coders = matrix.map(toSegments);
        expectSameOrBothUndefined(
          () => valuedUnitizingAlpha(length, coders).alpha,
          () =>
            krippendorffAlpha(
              matrix.map((row) => row.map((v) => v ?? 'gap')),
              'nominal',
            ),
        );
        expectSameOrBothUndefined(
          () => binaryUnitizingAlpha(length, coders).alpha,
          () =>
            krippendorffAlpha(
              matrix.map((row) => row.map((v) => (v === null ? 'gap' : 'unit'))),
              'nominal',
            ),
        );
        expectSameOrBothUndefined(
          () => binaryUnitizingAlpha(length, coders, { label: 'A' }).alpha,
          () =>
            krippendorffAlpha(
              matrix.map((row) => row.map((v) => (v === 'A' ? 'A' : 'gap'))),
              'nominal',
            ),
        );
      }),
    );
  });

  it('matches a hand-computed example with longer units', () => {
    // L = 10, coder 1: x [0,4); coder 2: x [0,5). Sections: 1 = x4, gap6; 2 = x5, gap5.
    // l_xx = 4·2 = 8 (both ordered pairs, m−1 = 1), l_x,gap = l_gap,x = 1, l_gap,gap = 10; l.. = 20.
    // Self-pairing: x units 4² + 5² = 41, gaps 6 + 5 = 11, total 52; l_x. = 9, l_gap. = 11.
    // e_xx = 20(81 − 41)/(400 − 52) = 800/348, e_gap,gap = 20(121 − 11)/348 = 2200/348.
    // D_o = (20 − 18)/20 = 0.1, D_e = (20 − 3000/348)/20, uα = 1 − 0.1/D_e = 1 − 2·348/(6960 − 3000).
    const result = valuedUnitizingAlpha(10, [[seg(0, 4, 'x')], [seg(0, 5, 'x')]]);
    expect(result.observedDisagreement).toBeCloseTo(0.1, 12);
    expect(result.alpha).toBeCloseTo(1 - 696 / 3960, 12);
  });

  it('is symmetric in the coders', () => {
    const coders = [[seg(0, 4, 'x'), seg(6, 9, 'y')], [seg(1, 5, 'x'), seg(6, 10, 'x')], [seg(0, 3, 'y')]];
    const forward = valuedUnitizingAlpha(12, coders).alpha;
    expect(valuedUnitizingAlpha(12, [...coders].reverse()).alpha).toBeCloseTo(forward, 12);
    expect(valuedUnitizingAlpha(12, [coders[0] ?? [], coders[0] ?? []]).alpha).toBe(1);
  });

  it('rejects overlapping different labels for uα but measures them per label', () => {
    const stacked = [
      [seg(0, 10, 'x'), seg(5, 15, 'y')],
      [seg(0, 10, 'x'), seg(6, 15, 'y')],
    ];
    expect(() => valuedUnitizingAlpha(20, stacked)).toThrow(/binaryUnitizingAlpha with \{ label \}/);
    expect(binaryUnitizingAlpha(20, stacked, { label: 'x' }).alpha).toBe(1);
    expect(binaryUnitizingAlpha(20, stacked, { label: 'y' }).alpha).toBeLessThan(1);
    const anyLabel = binaryUnitizingAlpha(20, stacked);
    expect(anyLabel.mergedSegments).toBe(2);
    expect(anyLabel.alpha).toBe(1);
  });

  it('reports undefined uα instead of NaN', () => {
    expect(undefinedReason(() => valuedUnitizingAlpha(10, [[], []]))).toBe('empty');
    expect(undefinedReason(() => binaryUnitizingAlpha(10, [[seg(0, 3, 'x')], []], { label: 'y' }))).toBe('empty');
    expect(undefinedReason(() => valuedUnitizingAlpha(10, [[seg(0, 10, 'x')], [seg(0, 10, 'x')]]))).toBe('no-variation');
  });

  it('rejects malformed input', () => {
    expect(() => valuedUnitizingAlpha(10, [[seg(0, 11, 'x')], []])).toThrow(AgreementInputError);
    expect(() => binaryUnitizingAlpha(10, [[]])).toThrow(/at least 2 coders/);
  });
});
