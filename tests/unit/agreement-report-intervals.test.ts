import { describe, expect, it } from 'vitest';
import type { ReportDocument, ReportSpan } from '@/lib/review/input';
import type { ReportInterval } from '@/lib/review/intervals';
import { agreementReport } from '@/lib/review/report';
import { reportInput } from '../support/report-input';

/**
 * The report's intervals resample documents (span layers) and (document, target) pairs (stance):
 * the jackknife must equal the report recomputed with each document left out.
 */
const TEXT = 'Pakistan and the Afghan Taliban met in Doha. Talks ended without agreement in Bannu.';
const span = (author: string, start: number, end: number, label: string, layer: ReportSpan['layer'] = 'ENTITY', target?: string): ReportSpan => ({
  author,
  start,
  end,
  label,
  layer,
  target,
});

function document(i: number): ReportDocument {
  return {
    id: `d${i}`,
    name: `D${i}`,
    text: TEXT,
    annotators: ['a', 'b', 'c'],
    answers: [],
    spans: [
      span('a', 0, 8, 'GPE'),
      span('b', 0, 8, i % 3 === 0 ? 'ORG' : 'GPE'),
      span('c', 0, 8, 'GPE'),
      span('a', 17, 31, 'ORG'),
      ...(i % 2 ? [span('b', 17, 31, 'ORG')] : []),
      span('c', i % 4 === 0 ? 24 : 17, 31, 'ORG'),
      span('a', 0, 8, i % 2 ? 'AGAINST' : 'FAVOR', 'STANCE', 'TALIBAN'),
      span('b', 0, 8, 'AGAINST', 'STANCE', 'TALIBAN'),
      span('c', 0, 8, i % 5 === 0 ? 'FAVOR' : 'AGAINST', 'STANCE', 'TALIBAN'),
    ],
  };
}

const input = (documents: ReportDocument[]) => reportInput(['a', 'b', 'c'], documents, { targets: ['TALIBAN'] });

const documents = Array.from({ length: 9 }, (_, i) => document(i));
const interval = (figure: { interval?: unknown }) => figure.interval as ReportInterval;

/** Hughes' jackknife standard error of the values the report gives without each document. */
function jackknifeError(leaveOneOut: number[]): number {
  const n = leaveOneOut.length;
  const mean = leaveOneOut.reduce((a, b) => a + b, 0) / n;
  return Math.sqrt(((n - 1) / n) * leaveOneOut.reduce((s, v) => s + (v - mean) ** 2, 0));
}

describe('report intervals', () => {
  const report = agreementReport(input(documents), { intervals: { method: 'jackknife' } });
  const without = documents.map((_, left) => agreementReport(input(documents.filter((__, i) => i !== left))));

  it('resample documents for token α, per label, Fleiss’ κ and each pair’s Cohen’s κ', () => {
    const entity = report.layers.ENTITY!;
    const cases = [
      [entity.tokenAlpha, without.map((r) => r.layers.ENTITY!.tokenAlpha.value!)],
      [entity.labels.ORG!.tokenAlpha, without.map((r) => r.layers.ENTITY!.labels.ORG!.tokenAlpha.value!)],
      [entity.fleissKappa, without.map((r) => r.layers.ENTITY!.fleissKappa.value!)],
      [entity.pairs[0]!.cohenKappa, without.map((r) => r.layers.ENTITY!.pairs[0]!.cohenKappa.value!)],
      [entity.labels.GPE!.pairs[1]!.cohenKappa, without.map((r) => r.layers.ENTITY!.labels.GPE!.pairs[1]!.cohenKappa.value!)],
    ] as const;
    for (const [figure, leaveOneOut] of cases) {
      const { standardError, units, lower, upper } = interval(figure);
      expect(units).toBe(9);
      // The report rounds each leave-one-out value to 4 places.
      expect(Math.abs(standardError! - jackknifeError(leaveOneOut))).toBeLessThan(2e-4);
      expect(lower).toBeCloseTo(figure.value! - 1.96 * standardError!, 3);
      expect(upper).toBeCloseTo(Math.min(1, figure.value! + 1.96 * standardError!), 3);
    }
  });

  it('resample (document, target) pairs for stance α', () => {
    const stance = report.stance.TALIBAN!;
    expect(interval(stance).units).toBe(9);
    expect(Math.abs(interval(stance).standardError! - jackknifeError(without.map((r) => r.stance.TALIBAN!.value!)))).toBeLessThan(2e-4);
  });

  it('give the bootstrap’s replicates and the probability that α is below .667 and .800', () => {
    const boot = agreementReport(input(documents), { intervals: { method: 'bootstrap', replicates: 300, seed: 3 } });
    const alpha = interval(boot.layers.ENTITY!.tokenAlpha);
    expect(alpha).toMatchObject({ method: 'bootstrap', replicates: 300, units: 9, confidence: 0.95 });
    expect(alpha.below!.map((b) => b.threshold)).toEqual([0.667, 0.8]);
    expect(alpha.below![0]!.probability).toBeLessThanOrEqual(alpha.below![1]!.probability);
    expect(agreementReport(input(documents), { intervals: { method: 'bootstrap', replicates: 300, seed: 3 } })).toEqual(boot);
  });

  it('are left out when not asked for, and say why when they cannot be formed', () => {
    const { scope, ...figures } = agreementReport(input(documents));
    expect(scope.intervals).toBeNull();
    expect(JSON.stringify(figures)).not.toContain('"interval"');
    const single = agreementReport(input(documents.slice(0, 1)), { intervals: { method: 'bootstrap' } });
    // D0 by hand over its 16 tokens (punctuation included): "Pakistan" GPE/ORG/GPE, "Afghan" ORG/−/−,
    // "Taliban" ORG/−/ORG, 13 tokens −/−/−. Of n = 48 values: − 42, ORG 4, GPE 2; disagreeing
    // coincidences 2 per mixed token → 6; α = 1 − 47·6 / (48² − 42² − 4² − 2²) = 238/520.
    expect(single.layers.ENTITY!.tokenAlpha.value).toBeCloseTo(238 / 520, 4);
    expect(single.layers.ENTITY!.tokenAlpha.interval).toEqual({ reason: 'fewer than two units to resample' });
    expect(single.stance.TALIBAN!.interval).toEqual({ reason: 'fewer than two units to resample' });
  });
});
