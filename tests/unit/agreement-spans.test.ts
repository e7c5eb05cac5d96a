import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  AgreementInputError,
  AgreementUndefinedError,
  cohenKappa,
  confusionMatrix,
  krippendorffAlpha,
  OUTSIDE,
  spanF1,
  tokenLabelSequence,
  type Span,
} from '@/lib/agreement';

const span = (start: number, end: number, label: string): Span => ({ start, end, label });

describe('spanF1', () => {
  it('counts exact matches on offsets and label', () => {
    const a = [span(0, 5, 'PER'), span(10, 15, 'ORG'), span(20, 25, 'LOC')];
    const b = [span(0, 5, 'PER'), span(10, 14, 'ORG'), span(20, 25, 'ORG')];
    expect(spanF1(a, b, 'exact')).toEqual({ precision: 1 / 3, recall: 1 / 3, f1: 1 / 3, tp: 1, fp: 2, fn: 2 });
    expect(spanF1(a, b, 'overlap').tp).toBe(2);
  });

  it('matches one-to-one, so duplicates and split spans do not inflate tp', () => {
    expect(spanF1([span(0, 5, 'X'), span(0, 5, 'X')], [span(0, 5, 'X')], 'exact')).toMatchObject({ tp: 1, fp: 0, fn: 1 });
    const split = spanF1([span(0, 10, 'X')], [span(0, 4, 'X'), span(5, 10, 'X')], 'overlap');
    expect(split).toEqual({ precision: 0.5, recall: 1, f1: 2 / 3, tp: 1, fp: 1, fn: 0 });
  });

  it('takes the largest overlap first, even when another assignment would match more spans', () => {
    // a0∩b0 = 8 characters wins; b1 then only overlaps the already used a0, and a1 only b0.
    // A maximum matching (a0–b1, a1–b0) would find 2; the documented greedy rule finds 1.
    const a = [span(0, 10, 'X'), span(9, 12, 'X')];
    const b = [span(2, 11, 'X'), span(0, 3, 'X')];
    expect(spanF1(a, b, 'overlap').tp).toBe(1);
  });

  it('breaks equal overlaps by boundary distance', () => {
    // b0 and b1 both share 4 characters with a0; b0's boundaries are closer to a0's
    // (|0−0| + |4−6| = 2 against |2−0| + |7−6| = 3), so a0 takes b0 and a1 can still take b1.
    const a = [span(0, 6, 'X'), span(6, 9, 'X')];
    const b = [span(0, 4, 'X'), span(2, 7, 'X')];
    expect(spanF1(a, b, 'overlap').tp).toBe(2);
  });

  it('never matches different labels', () => {
    expect(spanF1([span(0, 5, 'X')], [span(0, 5, 'Y')], 'overlap')).toMatchObject({ tp: 0, f1: 0 });
  });

  const spans = fc.array(
    fc
      .record({ start: fc.integer({ min: 0, max: 20 }), size: fc.integer({ min: 1, max: 6 }), label: fc.constantFrom('X', 'Y') })
      .map(({ start, size, label }) => span(start, start + size, label)),
    { maxLength: 6 },
  );

  it('is symmetric: swapping the coders swaps precision and recall and keeps F1', () => {
    fc.assert(
      fc.property(spans, spans, fc.constantFrom('exact' as const, 'overlap' as const), (a, b, mode) => {
        if (a.length + b.length === 0) return;
        const forward = spanF1(a, b, mode);
        const backward = spanF1(b, a, mode);
        expect(backward.tp).toBe(forward.tp);
        expect(backward.f1).toBe(forward.f1);
        expect(backward.precision).toBe(forward.recall);
        expect(backward.fp).toBe(forward.fn);
      }),
    );
  });

  it('defines empty sides explicitly', () => {
    expect(() => spanF1([], [], 'exact')).toThrow(AgreementUndefinedError);
    expect(spanF1([], [span(0, 1, 'X')], 'exact')).toEqual({ precision: 0, recall: null, f1: 0, tp: 0, fp: 1, fn: 0 });
  });

  it('rejects malformed spans and modes', () => {
    expect(() => spanF1([span(5, 5, 'X')], [], 'exact')).toThrow(/empty or reversed/);
    expect(() => spanF1([span(0, 5, '')], [], 'exact')).toThrow(/non-empty string label/);
    expect(() => spanF1([span(0, 1.5, 'X')], [], 'exact')).toThrow(AgreementInputError);
    expect(() => spanF1([span(0, 1, 'X')], [], 'fuzzy' as never)).toThrow(/Unknown span match mode/);
  });
});

describe('tokenLabelSequence and confusionMatrix', () => {
  //         0         1         2
  //         0123456789012345678901234567890
  const text = 'Barack Obama visited Paris today';
  const tokens = [...text.matchAll(/\S+/g)].map((m) => ({ start: m.index, end: m.index + m[0].length }));

  it('labels tokens touched by a span, per label or as the set of covering labels', () => {
    const spans = [span(0, 12, 'PER'), span(7, 12, 'NAME'), span(21, 26, 'LOC'), span(21, 26, 'LOC')];
    expect(tokenLabelSequence(tokens, spans)).toEqual(['PER', 'NAME+PER', OUTSIDE, 'LOC', OUTSIDE]);
    expect(tokenLabelSequence(tokens, spans, 'PER')).toEqual(['PER', 'PER', OUTSIDE, OUTSIDE, OUTSIDE]);
    expect(tokenLabelSequence(tokens, spans, 'ORG')).toEqual([OUTSIDE, OUTSIDE, OUTSIDE, OUTSIDE, OUTSIDE]);
  });

  it('labels a token any span cuts through, but not one a span only touches', () => {
    expect(tokenLabelSequence(tokens, [span(2, 4, 'X'), span(6, 7, 'Y'), span(25, 28, 'Z')])).toEqual(['X', OUTSIDE, OUTSIDE, 'Z', 'Z']);
  });

  it('feeds kappa and alpha', () => {
    const a = tokenLabelSequence(tokens, [span(0, 12, 'PER'), span(21, 26, 'LOC')]);
    const b = tokenLabelSequence(tokens, [span(7, 12, 'PER'), span(21, 32, 'LOC')]);
    const table = confusionMatrix(a, b, [OUTSIDE, 'PER', 'LOC']);
    expect(table).toEqual([
      [1, 0, 1],
      [1, 1, 0],
      [0, 0, 1],
    ]);
    // p_o = 3/5; margins (2, 2, 1) and (2, 1, 2) give p_e = (4 + 2 + 2)/25.
    expect(cohenKappa(table)).toBeCloseTo((3 / 5 - 8 / 25) / (1 - 8 / 25), 12);
    expect(krippendorffAlpha([a, b], 'nominal')).toBeLessThan(1);
  });

  it('rejects malformed tokens and ambiguous labels', () => {
    expect(() =>
      tokenLabelSequence(
        [
          { start: 5, end: 9 },
          { start: 0, end: 4 },
        ],
        [],
      ),
    ).toThrow(/sorted and non-overlapping/);
    expect(() => tokenLabelSequence([{ start: 0, end: 0 }], [])).toThrow(/empty or reversed/);
    expect(() => tokenLabelSequence(tokens, [span(0, 3, 'B+C')])).toThrow(/contains "\+"/);
    expect(tokenLabelSequence(tokens, [span(0, 3, 'B+C')], 'B+C')[0]).toBe('B+C');
  });

  it('rejects sequences that do not fit the categories', () => {
    expect(() => confusionMatrix(['a'], ['a', 'b'], ['a', 'b'])).toThrow(/same length/);
    expect(() => confusionMatrix(['a', 'c'], ['a', 'b'], ['a', 'b'])).toThrow(/"c" at position 1/);
    expect(() => confusionMatrix(['a'], ['a'], ['a', 'a'])).toThrow(/listed twice/);
  });
});
