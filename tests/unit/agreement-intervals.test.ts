import { describe, expect, it } from 'vitest';
import { AgreementInputError, krippendorffAlpha, krippendorffAlphaInterval, type AlphaValue } from '@/lib/agreement';
import { generator } from '@/lib/agreement/interval';
import { normalQuantile } from '@/lib/agreement/normal';
import { undefinedReason } from '../support/agreement';
import { reliabilitySample } from '../support/reliability-sample';

// Krippendorff (2011), four observers, twelve units (eleven pairable): α_nominal = .743.
const fourObservers = [
  [1, 2, 3, 3, 2, 1, 4, 1, 2, null, null, null],
  [1, 2, 3, 3, 2, 2, 4, 1, 2, 5, null, 3],
  [null, 3, 3, 3, 2, 3, 4, 2, 2, 5, 1, null],
  [1, 2, 3, 3, 2, 4, 4, 1, 2, 5, 1, null],
];
const columns = (data: (AlphaValue | null)[][], units: number[]) => data.map((row) => units.map((u) => row[u]!));

describe('krippendorffAlphaInterval: jackknife', () => {
  it('gives Hughes’ jackknife standard error and the normal interval, hand-computed for Krippendorff (2011)', () => {
    // Leave-one-unit-out α over the eleven pairable units (computed independently in Python from
    // the paper's formulas): .72039, .79, .71311, .71311, .72, .85743, .70085, .78615, .72, .71026,
    // .72894; se = sqrt(10/11 Σ (α_(i) − ᾱ)²) = .146327; .743421 ± 1.959964 · se, upper cut at 1.
    const interval = krippendorffAlphaInterval(fourObservers, 'nominal', { method: 'jackknife' });
    expect(interval.alpha).toBeCloseTo(0.743421, 6);
    expect(interval.standardError).toBeCloseTo(0.146327, 6);
    expect(interval.lower).toBeCloseTo(0.456626, 5);
    expect(interval.upper).toBe(1);
    expect(interval).toMatchObject({ method: 'jackknife', confidence: 0.95, units: 11 });
  });

  it('agrees with α recomputed from the data without each unit', () => {
    const pairable = [0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10];
    const leaveOneOut = pairable.map((left) =>
      krippendorffAlpha(
        columns(
          fourObservers,
          pairable.filter((u) => u !== left),
        ),
        'ordinal',
      ),
    );
    const mean = leaveOneOut.reduce((a, b) => a + b, 0) / 11;
    const se = Math.sqrt((10 / 11) * leaveOneOut.reduce((s, v) => s + (v - mean) ** 2, 0));
    const interval = krippendorffAlphaInterval(fourObservers, 'ordinal', { method: 'jackknife', confidence: 0.9 });
    expect(interval.standardError).toBeCloseTo(se, 10);
    expect(interval.lower).toBeCloseTo(krippendorffAlpha(fourObservers, 'ordinal') - normalQuantile(0.95) * se, 10);
  });
});

describe('krippendorffAlphaInterval: unit bootstrap', () => {
  it('is reproducible for a seed and differs between seeds', () => {
    const a = krippendorffAlphaInterval(fourObservers, 'interval', { method: 'bootstrap', seed: 7 });
    expect(krippendorffAlphaInterval(fourObservers, 'interval', { method: 'bootstrap', seed: 7 })).toEqual(a);
    expect(krippendorffAlphaInterval(fourObservers, 'interval', { method: 'bootstrap', seed: 8 }).lower).not.toBe(a.lower);
    expect(a).toMatchObject({ method: 'bootstrap', replicates: 1000, units: 11, confidence: 0.95 });
    expect(a.alpha).toBeCloseTo(0.849107, 6);
    expect(a.lower).toBeLessThan(a.alpha);
    expect(a.upper).toBeGreaterThan(a.lower);
  });

  it('makes each replicate the α of the resampled units, summed from per-unit coincidences', () => {
    // One replicate: the interval collapses to its value, which must equal α of the data whose
    // columns are the drawn units (the same generator, the same draws).
    const pairable = [0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10];
    for (const seed of [1, 2, 3, 4, 5]) {
      const random = generator(seed);
      const drawn = pairable.map(() => pairable[Math.floor(random() * pairable.length)]!);
      const expected = krippendorffAlpha(columns(fourObservers, drawn), 'ordinal');
      const interval = krippendorffAlphaInterval(fourObservers, 'ordinal', { method: 'bootstrap', replicates: 1, seed });
      expect(interval.lower).toBeCloseTo(expected, 10);
      expect(interval.upper).toBeCloseTo(expected, 10);
    }
  });

  it('reports the share of replicates below each threshold, as KALPHA does', () => {
    const interval = krippendorffAlphaInterval(fourObservers, 'nominal', { method: 'bootstrap', replicates: 2000, thresholds: [0.5, 0.667, 0.8, 1.01] });
    const [p50, p667, p80, all] = interval.below!.map((b) => b.probability);
    expect(interval.below!.map((b) => b.threshold)).toEqual([0.5, 0.667, 0.8, 1.01]);
    expect(p50).toBeLessThan(p667!);
    expect(p667).toBeLessThan(p80!);
    expect(all).toBe(1);
    // The lower 2.5 % point lies below .667 exactly when more than 2.5 % of the replicates do.
    expect(interval.lower < 0.667).toBe(p667! > 0.025);
  });

  it('counts replicates that leave α undefined instead of hiding them', () => {
    // Two units of variation among many unanimous ones: some resamples hold one category only.
    const data = [
      ['a', 'b', 'a', 'a', 'a', 'a'],
      ['a', 'b', 'a', 'a', 'a', 'b'],
    ];
    const interval = krippendorffAlphaInterval(data, 'nominal', { method: 'bootstrap', replicates: 500 });
    expect(interval.undefinedReplicates).toBeGreaterThan(0);
    expect(interval.undefinedReplicates).toBeLessThan(500);
  });
});

describe('krippendorffAlphaInterval: bad input', () => {
  it('says why there is no interval instead of returning NaN', () => {
    expect(
      undefinedReason(() =>
        krippendorffAlphaInterval(
          [
            ['a', 'b', 'c'],
            ['b', null, null],
          ],
          'nominal',
          { method: 'bootstrap' },
        ),
      ),
    ).toBe('too-few-units');
    expect(
      undefinedReason(() =>
        krippendorffAlphaInterval(
          [
            ['a', 'a'],
            ['a', 'a'],
          ],
          'nominal',
          { method: 'jackknife' },
        ),
      ),
    ).toBe('no-variation');
    expect(undefinedReason(() => krippendorffAlphaInterval([['a', 'b', 'a']], 'nominal', { method: 'bootstrap' }))).toBe('no-pairable-units');
    // Leaving out the only disagreeing unit leaves one category: the jackknife cannot be formed.
    expect(
      undefinedReason(() =>
        krippendorffAlphaInterval(
          [
            ['a', 'a', 'b'],
            ['a', 'a', 'b'],
          ],
          'nominal',
          { method: 'jackknife' },
        ),
      ),
    ).toBe('no-variation');
  });

  it('rejects options out of range, naming the option', () => {
    const run = (options: object) => () => krippendorffAlphaInterval(fourObservers, 'nominal', { method: 'bootstrap', ...options });
    expect(run({ method: 'delta' })).toThrow(/Unknown interval method "delta"/);
    expect(run({ confidence: 95 })).toThrow(/confidence level must be between 0 and 1.*95/);
    expect(run({ replicates: 0 })).toThrow(/replicates must be a whole number from 1 to 5000, got 0/);
    expect(run({ replicates: 2.5 })).toThrow(AgreementInputError);
    expect(run({ seed: Number.NaN })).toThrow(/seed must be a whole number/);
    expect(run({ thresholds: [Number.POSITIVE_INFINITY] })).toThrow(/Thresholds must be finite/);
  });
});

/** Coverage: samples from a process whose population α is ρ² (tests/support/reliability-sample.ts). */
describe('interval coverage by simulation', () => {
  const process = { units: 80, coders: 3, p: [0.5, 0.3, 0.2], rho: 0.9 };
  const population = process.rho ** 2;

  it.each(['bootstrap', 'jackknife'] as const)(
    'puts the population α inside 92–98 per cent of the 95 per cent %s intervals',
    (method) => {
      const random = generator(20261204);
      const draws = 1000;
      let covered = 0;
      for (let d = 0; d < draws; d++) {
        const { lower, upper } = krippendorffAlphaInterval(reliabilitySample(random, process), 'nominal', { method, replicates: 500, seed: d + 1 });
        if (lower <= population && population <= upper) covered += 1;
      }
      const coverage = covered / draws;
      expect(coverage).toBeGreaterThanOrEqual(0.92);
      expect(coverage).toBeLessThanOrEqual(0.98);
      // About 1 s on an idle machine; the timeout leaves room for a machine shared with builds.
    },
    60_000,
  );
});
