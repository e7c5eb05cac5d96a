import { describe, expect, it } from 'vitest';
import type { ReportRelation } from '@/lib/review/input';
import { relationMatches } from '@/lib/review/relation-measures';
import { agreementReport } from '@/lib/review/report';
import { reportInput } from '../support/report-input';

/** Relation agreement: endpoints matched as spans are, the type must agree. */
const TEXT = 'Pakistan accused the Afghan Taliban of sheltering the TTP.';
const PAK = { start: 0, end: 8, label: 'GPE' };
const TALIBAN = { start: 21, end: 35, label: 'ORG' };
const TALIBAN_WIDE = { start: 17, end: 35, label: 'ORG' };
const TTP = { start: 54, end: 57, label: 'ORG' };
const rel = (author: string, label: string, source: ReportRelation['source'], target: ReportRelation['target']): ReportRelation => ({
  author,
  label,
  source,
  target,
});

const input = (relations: ReportRelation[]) =>
  reportInput(['a', 'b'], [{ id: 'd1', name: 'd1', text: TEXT, annotators: ['a', 'b'], answers: [], spans: [], relations }], {
    relationTypes: ['ACCUSES', 'ALLY_OF'],
  });

describe('relation agreement', () => {
  it('matches a relation only when both endpoints match and the type agrees, one to one', () => {
    const a = [rel('a', 'ACCUSES', PAK, TALIBAN), rel('a', 'ACCUSES', PAK, TALIBAN)];
    expect(relationMatches(a, [rel('b', 'ACCUSES', PAK, TALIBAN)], 'exact')).toBe(1);
    expect(relationMatches(a, [rel('b', 'ACCUSES', PAK, TALIBAN_WIDE)], 'exact')).toBe(0);
    expect(relationMatches(a, [rel('b', 'ACCUSES', PAK, TALIBAN_WIDE)], 'overlap')).toBe(1);
    expect(relationMatches(a, [rel('b', 'ALLY_OF', PAK, TALIBAN)], 'overlap')).toBe(0);
    expect(relationMatches(a, [rel('b', 'ACCUSES', TALIBAN, PAK)], 'overlap')).toBe(0);
  });

  it('gives F1 per pair and per type, hand-computed', () => {
    // A: ACCUSES Pak→Taliban, ALLY_OF Taliban→TTP. B: ACCUSES Pak→Taliban (wider), ALLY_OF Taliban→TTP.
    // Exact: ALLY_OF matches (tp 1), ACCUSES does not (fp 1, fn 1) → F1 = 2/4 = .5; overlap: both → 1.
    const { relations } = agreementReport(
      input([rel('a', 'ACCUSES', PAK, TALIBAN), rel('a', 'ALLY_OF', TALIBAN, TTP), rel('b', 'ACCUSES', PAK, TALIBAN_WIDE), rel('b', 'ALLY_OF', TALIBAN, TTP)]),
    );
    const [pair] = relations!.pairs;
    expect(pair).toMatchObject({ a: 'a', b: 'b', documents: 1, f1Exact: { value: 0.5 }, f1Overlap: { value: 1 } });
    expect(pair!.types.ACCUSES).toEqual({ f1Exact: { value: 0 }, f1Overlap: { value: 1 } });
    expect(pair!.types.ALLY_OF).toEqual({ f1Exact: { value: 1 }, f1Overlap: { value: 1 } });
  });

  it('gives α on the relation type over endpoint pairs related by both', () => {
    // Two endpoint pairs related by both: types agree on one (ACCUSES) and differ on the other
    // (ALLY_OF vs ACCUSES). Coincidences: ACCUSES–ACCUSES 2, ALLY_OF–ACCUSES 1 each way; n = 4,
    // n_ACC = 3, n_ALLY = 1 → α = 1 − (n − 1)·o_{ALLY,ACC} / (n_ACC·n_ALLY) = 1 − 3·1/3 = 0.
    const { relations } = agreementReport(
      input([
        rel('a', 'ACCUSES', PAK, TALIBAN),
        rel('b', 'ACCUSES', PAK, TALIBAN),
        rel('a', 'ALLY_OF', TALIBAN, TTP),
        rel('b', 'ACCUSES', TALIBAN, TTP),
        rel('a', 'ACCUSES', PAK, TTP),
      ]),
    );
    expect(relations!.typeAlpha).toEqual({ value: 0, units: 2 });
  });

  it('is null for a project without relation types or relations', () => {
    expect(agreementReport({ ...input([]), relationTypes: [] }).relations).toBeNull();
  });
});
