import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { AgreementInputError, cohenKappa, fleissKappa, krippendorffAlpha } from '@/lib/agreement';
import { undefinedReason } from '../support/agreement';

describe('cohenKappa', () => {
  it('reproduces the Wikipedia "Cohen\'s kappa" 50-proposal example (κ = 0.4)', () => {
    // Wikipedia, "Cohen's kappa", worked example: A and B both say yes 20 times, only A yes 5,
    // only B yes 10, both no 15; p_o = 0.7, p_e = 0.5, κ = 0.4.
    expect(
      cohenKappa([
        [20, 5],
        [10, 15],
      ]),
    ).toBeCloseTo(0.4, 3);
  });

  // SAS/STAT User's Guide, PROC FREQ "Getting Started: Agreement Study" (skin condition rated by
  // two dermatologists): simple kappa 0.3449 and weighted kappa 0.5082, SAS's default
  // Cicchetti–Allison weights being the linear weights 1 − |i−j|/(k−1). Recomputed with numpy
  // from the formulas: 0.344875, 0.508160.
  const skinCondition = [
    [10, 4, 1, 0],
    [5, 10, 12, 2],
    [2, 4, 12, 5],
    [0, 2, 6, 13],
  ];
  // Stata Base Reference Manual, [R] kappa, `webuse rate2`: two radiologists classify 85
  // xeromammograms (Boyd et al. 1982, discussed in Altman 1991, pp. 403–405); `kap rada radb`
  // gives κ = 0.4728 and `kap rada radb, wgt(w)` (linear weights) 0.5684. numpy: 0.472789, 0.568399.
  const radiologists = [
    [21, 12, 0, 0],
    [4, 17, 1, 0],
    [3, 9, 15, 2],
    [0, 0, 0, 1],
  ];

  it('reproduces the SAS PROC FREQ skin-condition example (κ = 0.345, linear κ_w = 0.508)', () => {
    expect(cohenKappa(skinCondition)).toBeCloseTo(0.3449, 3);
    expect(cohenKappa(skinCondition, 'linear')).toBeCloseTo(0.5082, 3);
  });

  it('reproduces the Stata rate2 radiologist example (κ = 0.473, linear κ_w = 0.568)', () => {
    expect(cohenKappa(radiologists)).toBeCloseTo(0.4728, 3);
    expect(cohenKappa(radiologists, 'linear')).toBeCloseTo(0.5684, 3);
  });

  it('gives quadratic κ_w equal to the numpy values for both tables', () => {
    // Regression values from an independent numpy computation of 1 − Σw·p_obs / Σw·p_exp with
    // w = ((i−j)/(k−1))²; not printed in either manual.
    expect(cohenKappa(radiologists, 'quadratic')).toBeCloseTo(0.671371, 5);
    expect(cohenKappa(skinCondition, 'quadratic')).toBeCloseTo(0.660723, 5);
  });

  it("makes quadratic κ_w equal Lin's concordance correlation of the category indices", () => {
    // With X, Y the row/column indices: Σ p_ij (i−j)² = s_x² + s_y² − 2 s_xy + (x̄−ȳ)², and
    // under independence the same without −2 s_xy, so κ_quadratic = 2 s_xy / (s_x² + s_y² + (x̄−ȳ)²)
    // exactly (population moments). This pins the quadratic weights independently of any example.
    const table = fc
      .integer({ min: 2, max: 5 })
      .chain((k) => fc.array(fc.array(fc.integer({ min: 0, max: 20 }), { minLength: k, maxLength: k }), { minLength: k, maxLength: k }));
    fc.assert(
      fc.property(table, (t) => {
        let n = 0,
          mx = 0,
          my = 0;
        t.forEach((row, i) =>
          row.forEach((c, j) => {
            n += c;
            mx += c * i;
            my += c * j;
          }),
        );
        if (n === 0) return;
        mx /= n;
        my /= n;
        let sxx = 0,
          syy = 0,
          sxy = 0;
        t.forEach((row, i) =>
          row.forEach((c, j) => {
            sxx += (c * (i - mx) ** 2) / n;
            syy += (c * (j - my) ** 2) / n;
            sxy += (c * (i - mx) * (j - my)) / n;
          }),
        );
        const denominator = sxx + syy + (mx - my) ** 2;
        if (denominator === 0) return;
        expect(cohenKappa(t, 'quadratic')).toBeCloseTo((2 * sxy) / denominator, 9);
      }),
    );
  });

  it('is 1 for perfect agreement and unchanged by scaling counts to proportions', () => {
    expect(
      cohenKappa([
        [3, 0, 0],
        [0, 4, 0],
        [0, 0, 5],
      ]),
    ).toBe(1);
    expect(
      cohenKappa([
        [0.4, 0.1],
        [0.2, 0.3],
      ]),
    ).toBeCloseTo(
      cohenKappa([
        [40, 10],
        [20, 30],
      ]),
      12,
    );
  });

  it('reports undefined kappa instead of NaN', () => {
    expect(undefinedReason(() => cohenKappa([]))).toBe('empty');
    expect(
      undefinedReason(() =>
        cohenKappa([
          [0, 0],
          [0, 0],
        ]),
      ),
    ).toBe('empty');
    expect(
      undefinedReason(() =>
        cohenKappa([
          [7, 0],
          [0, 0],
        ]),
      ),
    ).toBe('no-variation');
    expect(undefinedReason(() => cohenKappa([[7]], 'linear'))).toBe('no-variation');
  });

  it('rejects malformed tables', () => {
    expect(() =>
      cohenKappa([
        [1, 2, 3],
        [4, 5, 6],
      ]),
    ).toThrow(/square/);
    expect(() => cohenKappa([[1, 2], [3]])).toThrow(AgreementInputError);
    expect(() =>
      cohenKappa([
        [1, -2],
        [3, 4],
      ]),
    ).toThrow(/≥ 0/);
    expect(() =>
      cohenKappa([
        [1, Number.NaN],
        [3, 4],
      ]),
    ).toThrow(AgreementInputError);
    expect(() =>
      cohenKappa(
        [
          [1, 2],
          [3, 4],
        ],
        'cubic' as never,
      ),
    ).toThrow(/Unknown kappa weights/);
  });
});

describe('fleissKappa', () => {
  it('reproduces the Wikipedia "Fleiss\' kappa" example (10 subjects, 5 categories, 14 raters: κ = 0.210)', () => {
    // Wikipedia, "Fleiss' kappa", worked example: P̄ = 0.378, P̄_e = 0.213, κ = 0.210.
    // numpy: P̄ = 0.378022, P̄_e = 0.212755, κ = 0.209931.
    const counts = [
      [0, 0, 0, 0, 14],
      [0, 2, 6, 4, 2],
      [0, 0, 3, 5, 6],
      [0, 3, 9, 2, 0],
      [2, 2, 8, 1, 1],
      [7, 7, 0, 0, 0],
      [3, 2, 6, 3, 0],
      [2, 5, 3, 2, 2],
      [6, 5, 2, 1, 0],
      [0, 2, 2, 3, 7],
    ];
    expect(fleissKappa(counts)).toBeCloseTo(0.21, 3);
  });

  it('reproduces Fleiss (1971) Table 1: 30 patients, 6 psychiatrists, 5 diagnoses (κ = .430)', () => {
    // Fleiss, J. L. (1971). Measuring nominal scale agreement among many raters. Psychological
    // Bulletin 76(5), 378–382, Table 1, as distributed with the R package irr (`diagnoses`, one
    // column per rater; counted here per patient) and irrCAC (`distrib.6raters`, patients 1–15).
    // Columns: depression, personality disorder, schizophrenia, neurosis, other.
    const table1 = [
      [0, 0, 0, 6, 0],
      [0, 3, 0, 0, 3],
      [0, 1, 4, 0, 1],
      [0, 0, 0, 0, 6],
      [0, 3, 0, 3, 0],
      [2, 0, 4, 0, 0],
      [0, 0, 4, 0, 2],
      [2, 0, 3, 1, 0],
      [2, 0, 0, 4, 0],
      [0, 0, 0, 0, 6],
      [1, 0, 0, 5, 0],
      [1, 1, 0, 4, 0],
      [0, 3, 3, 0, 0],
      [1, 0, 0, 5, 0],
      [0, 2, 0, 3, 1],
      [0, 0, 5, 0, 1],
      [3, 0, 0, 1, 2],
      [5, 1, 0, 0, 0],
      [0, 2, 0, 4, 0],
      [1, 0, 2, 0, 3],
      [0, 0, 0, 0, 6],
      [0, 1, 0, 5, 0],
      [0, 2, 0, 1, 3],
      [2, 0, 0, 4, 0],
      [1, 0, 0, 4, 1],
      [0, 5, 0, 1, 0],
      [4, 0, 0, 0, 2],
      [0, 2, 0, 4, 0],
      [1, 0, 5, 0, 0],
      [0, 0, 0, 0, 6],
    ];
    // The paper's intermediate figures: the category proportions p_j = .144, .144, .167, .306, .239,
    // P̄ = .556 and P̄_e = .220.
    const proportions = [0, 1, 2, 3, 4].map((j) => table1.reduce((sum, row) => sum + row[j]!, 0) / 180);
    expect(proportions.map((p) => Number(p.toFixed(3)))).toEqual([0.144, 0.144, 0.167, 0.306, 0.239]);
    const meanAgreement = table1.reduce((sum, row) => sum + row.reduce((s, n) => s + n * (n - 1), 0) / 30, 0) / 30;
    expect(meanAgreement).toBeCloseTo(0.556, 3);
    expect(proportions.reduce((s, p) => s + p * p, 0)).toBeCloseTo(0.22, 3);
    expect(fleissKappa(table1)).toBeCloseTo(0.43, 3);
  });

  it('is 1 when every subject gets a unanimous rating and categories vary', () => {
    expect(
      fleissKappa([
        [3, 0],
        [0, 3],
        [3, 0],
      ]),
    ).toBe(1);
  });

  it('reports undefined kappa instead of NaN', () => {
    expect(undefinedReason(() => fleissKappa([]))).toBe('empty');
    expect(
      undefinedReason(() =>
        fleissKappa([
          [4, 0],
          [4, 0],
        ]),
      ),
    ).toBe('no-variation');
  });

  it('rejects malformed counts', () => {
    expect(() =>
      fleissKappa([
        [2, 1],
        [1, 1],
      ]),
    ).toThrow(/same number of raters: subject 0 has 3, subject 1 has 2/);
    expect(() =>
      fleissKappa([
        [1, 0],
        [0, 1],
      ]),
    ).toThrow(/at least 2 raters/);
    expect(() => fleissKappa([[1.5, 0.5]])).toThrow(/whole number/);
    expect(() => fleissKappa([[2, -1, 1]])).toThrow(AgreementInputError);
    expect(() => fleissKappa([[2, 1], [3]])).toThrow(/same length/);
    expect(() => fleissKappa([[], []])).toThrow(/at least one category/);
  });
});

describe('krippendorffAlpha', () => {
  // Krippendorff, K. (2011). Computing Krippendorff's Alpha-Reliability. Annenberg School for
  // Communication, Departmental Papers 43: four observers, twelve units, missing values (".").
  // The paper gives α_nominal = 0.743, α_ordinal = 0.815, α_interval = 0.849 and α_ratio = 0.797.
  // Independent numpy computation from the paper's formulas: 0.743421, 0.815388, 0.849107, 0.797403.
  const fourObservers = [
    [1, 2, 3, 3, 2, 1, 4, 1, 2, null, null, null],
    [1, 2, 3, 3, 2, 2, 4, 1, 2, 5, null, 3],
    [null, 3, 3, 3, 2, 3, 4, 2, 2, 5, 1, null],
    [1, 2, 3, 3, 2, 4, 4, 1, 2, 5, 1, null],
  ];

  it.each([
    ['nominal', 0.743],
    ['ordinal', 0.815],
    ['interval', 0.849],
    ['ratio', 0.797],
  ] as const)('reproduces Krippendorff (2011) four-observer example, %s α = %s', (level, expected) => {
    expect(krippendorffAlpha(fourObservers, level)).toBeCloseTo(expected, 3);
  });

  it('reproduces Krippendorff (2011) two-observer binary example (α = 0.095)', () => {
    // Same paper, binary data, two observers, ten units, no missing values:
    // α = 1 − (n−1)·o_01 / (n_0·n_1) = 1 − 19·4/(14·6) = 0.0952.
    const data = [
      [0, 1, 0, 0, 0, 0, 0, 0, 1, 0],
      [1, 1, 1, 0, 0, 1, 0, 0, 0, 0],
    ];
    expect(krippendorffAlpha(data, 'nominal')).toBeCloseTo(0.095, 3);
  });

  it('treats string labels nominally and keeps 1 and "1" apart', () => {
    expect(
      krippendorffAlpha(
        [
          ['a', 'b', 'a'],
          ['a', 'b', 'a'],
        ],
        'nominal',
      ),
    ).toBe(1);
    expect(
      krippendorffAlpha(
        [
          [1, '1', 1, '1'],
          ['1', 1, '1', 1],
        ],
        'nominal',
      ),
    ).toBeLessThan(0);
  });

  it('is invariant to coder order and to dropping unpairable units', () => {
    const reversed = [...fourObservers].reverse();
    expect(krippendorffAlpha(reversed, 'ordinal')).toBeCloseTo(krippendorffAlpha(fourObservers, 'ordinal'), 12);
    const withoutUnit12 = fourObservers.map((row) => row.slice(0, 11));
    expect(krippendorffAlpha(withoutUnit12, 'interval')).toBeCloseTo(krippendorffAlpha(fourObservers, 'interval'), 12);
  });

  it('reports undefined alpha instead of NaN', () => {
    expect(undefinedReason(() => krippendorffAlpha([], 'nominal'))).toBe('empty');
    expect(undefinedReason(() => krippendorffAlpha([[], []], 'nominal'))).toBe('empty');
    expect(undefinedReason(() => krippendorffAlpha([[1, 2, 3]], 'nominal'))).toBe('no-pairable-units');
    expect(
      undefinedReason(() =>
        krippendorffAlpha(
          [
            [1, null],
            [null, 2],
          ],
          'interval',
        ),
      ),
    ).toBe('no-pairable-units');
    expect(
      undefinedReason(() =>
        krippendorffAlpha(
          [
            [2, 2, null],
            [2, 2, 5],
          ],
          'ratio',
        ),
      ),
    ).toBe('no-variation');
  });

  it('rejects malformed data', () => {
    expect(() => krippendorffAlpha([[1, 2], [1]], 'nominal')).toThrow(/same units/);
    expect(() =>
      krippendorffAlpha(
        [
          ['low', 'high'],
          ['low', 'low'],
        ],
        'ordinal',
      ),
    ).toThrow(/numeric values/);
    expect(() =>
      krippendorffAlpha(
        [
          [-1, 2],
          [1, 2],
        ],
        'ratio',
      ),
    ).toThrow(/cannot be negative/);
    expect(() =>
      krippendorffAlpha(
        [
          [Number.POSITIVE_INFINITY, 2],
          [1, 2],
        ],
        'interval',
      ),
    ).toThrow(/finite/);
    expect(() =>
      krippendorffAlpha(
        [
          [true as never, 2],
          [1, 2],
        ],
        'nominal',
      ),
    ).toThrow(AgreementInputError);
    expect(() =>
      krippendorffAlpha(
        [
          [1, 2],
          [1, 2],
        ],
        'circular' as never,
      ),
    ).toThrow(/Unknown level/);
  });
});
