import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  AgreementUndefinedError,
  alphaFromCoincidences,
  CoincidenceCounter,
  cohenKappa,
  confusionMatrix,
  fleissKappa,
  krippendorffAlpha,
  OUTSIDE,
  spanF1,
  unitizingAlpha,
  type TokenOffsets,
  type UnitSegment,
} from '@/lib/agreement';
import { indexDocument } from '@/lib/review/documents';
import { figure, round, undefinedFigure, type Figure } from '@/lib/review/figure';
import type { ReportDocument, ReportSpan } from '@/lib/review/input';
import { agreementReport } from '@/lib/review/report';
import { continuumAlpha, documentDisagreement, pairSpans } from '@/lib/review/span-measures';
import { layerTokens, pairLabelKappa, pairTable, pairTokens, tokenAlpha, tokenCoincidences, tokenFleiss } from '@/lib/review/token-measures';
import { storedTokens } from '@/lib/tokenize';
import { reportInput } from '../support/report-input';

/**
 * The report computes token figures on integer codes, counting coincidences and contingency
 * tables once per layer. These properties hold it to the string path of lib/agreement's public
 * API (one category string per token, reliability data rows, tables) on random documents.
 */
const ANNOTATORS = ['x', 'y', 'z'];
const LABELS = ['A', 'B', 'C'];
const PROPERTY_TIMEOUT = 30_000;

const documents = fc
  .array(
    fc.record({
      gaps: fc.array(fc.record({ gap: fc.nat(2), size: fc.integer({ min: 1, max: 4 }) }), { minLength: 1, maxLength: 12 }),
      annotators: fc.subarray(ANNOTATORS, { minLength: 2 }),
      spans: fc.array(
        fc.record({
          author: fc.constantFrom(...ANNOTATORS),
          start: fc.nat(40),
          size: fc.integer({ min: 1, max: 8 }),
          label: fc.constantFrom(...LABELS),
          layer: fc.constantFrom('ENTITY' as const, 'FRAME' as const),
        }),
        { maxLength: 14 },
      ),
    }),
    { minLength: 1, maxLength: 4 },
  )
  .map((specs) =>
    specs.map(({ gaps, annotators, spans }, i): ReportDocument & { tokens: TokenOffsets[] } => {
      const tokens: TokenOffsets[] = [];
      let offset = 0;
      for (const { gap, size } of gaps) {
        tokens.push({ start: offset + gap, end: offset + gap + size });
        offset += gap + size;
      }
      const length = offset + 10;
      return {
        id: `d${i}`,
        name: `d${i}`,
        text: 'x'.repeat(length + 40),
        tokenOffsets: tokens.flatMap((t) => [t.start, t.end]),
        tokens,
        annotators,
        spans: spans.map(({ size, ...s }) => ({ ...s, end: s.start + size })),
        answers: [],
      };
    }),
  );

type TestDocument = ReportDocument & { tokens: TokenOffsets[] };

/** The token categories by their definition, token by token, independent of lib/agreement's binary search and codes. */
function categories(tokens: TokenOffsets[], spans: ReportSpan[], label?: string): string[] {
  return tokens.map((token) => {
    const covering = spans.filter((s) => s.start < token.end && token.start < s.end && (label === undefined || s.label === label)).map((s) => s.label);
    return [...new Set(covering)].sort().join('+');
  });
}

/**
 * Sums taken in a different order may differ in the last bits; after rounding to 4 decimals that
 * can tip an exact tie (…5) either way, or give −0 against 0, so figures may differ by one unit
 * in the last decimal and no more.
 */
function expectSameFigure(actual: Figure, expected: Figure) {
  expect(actual.reason).toBe(expected.reason);
  if (expected.value === null) expect(actual.value).toBeNull();
  else expect(Math.abs(actual.value! - expected.value)).toBeLessThanOrEqual(1e-4 + 1e-12);
}

/** A coefficient, unrounded, or why it is undefined. */
function outcome(compute: () => number): { value: number } | { reason: string } {
  try {
    return { value: compute() };
  } catch (error) {
    if (error instanceof AgreementUndefinedError) return { reason: error.reason };
    throw error;
  }
}

const spansOf = (document: ReportDocument, author: string, label?: string): ReportSpan[] =>
  document.spans.filter((s) => s.author === author && s.layer === 'ENTITY' && (label === undefined || s.label === label));

/** α the string way: one row per annotator, one category string per token, null where an annotator does not count. */
function stringAlpha(docs: TestDocument[], label?: string) {
  const rows = ANNOTATORS.map((author) =>
    docs.flatMap((d) => (d.annotators.includes(author) ? categories(d.tokens, spansOf(d, author), label) : d.tokens.map(() => null))),
  );
  return figure(() => krippendorffAlpha(rows, 'nominal'));
}

function stringPair(docs: TestDocument[], a: string, b: string, label?: string) {
  const shared = docs.filter((d) => d.annotators.includes(a) && d.annotators.includes(b));
  const sa = shared.flatMap((d) => categories(d.tokens, spansOf(d, a), label));
  const sb = shared.flatMap((d) => categories(d.tokens, spansOf(d, b), label));
  const used = [...new Set([...sa, ...sb])].sort((x, y) => (x === OUTSIDE ? -1 : y === OUTSIDE ? 1 : x.localeCompare(y)));
  const matrix = confusionMatrix(sa, sb, used);
  return {
    categories: used,
    matrix,
    tokens: sa.length,
    kappa: sa.length === 0 ? undefinedFigure('the two annotators share no document') : figure(() => cohenKappa(matrix)),
  };
}

/** `check` holds for 150 random sets of documents, each given with its indexed form. */
function itHoldsForDocuments(title: string, check: (docs: TestDocument[], indexed: ReturnType<typeof indexDocument>[]) => void) {
  it(
    title,
    () =>
      fc.assert(
        fc.property(documents, (docs) => check(docs, docs.map(indexDocument))),
        { numRuns: 150 },
      ),
    PROPERTY_TIMEOUT,
  );
}

describe('integer-coded token measures', () => {
  itHoldsForDocuments('give the α, κ, confusion matrices and Fleiss’ κ of the string categories', (docs, indexed) => {
    const tokens = layerTokens(indexed, 'ENTITY', LABELS);
    const coincidences = tokenCoincidences(tokens, ANNOTATORS);
    expectSameFigure(tokenAlpha(coincidences, tokens.sets), stringAlpha(docs));
    for (const label of LABELS) expectSameFigure(tokenAlpha(coincidences, tokens.sets, label), stringAlpha(docs, label));

    for (const [a, b] of [
      ['x', 'y'],
      ['x', 'z'],
      ['y', 'z'],
    ] as const) {
      const table = pairTable(tokens, a, b);
      const expected = stringPair(docs, a, b);
      const coded = pairTokens(table, tokens.sets);
      expectSameFigure(coded.cohenKappa, expected.kappa);
      expect(coded.tokens).toBe(expected.tokens);
      expect(coded.confusion).toEqual({ categories: expected.categories.map((c) => (c === OUTSIDE ? 'O' : c)), matrix: expected.matrix });
      for (const label of LABELS) expectSameFigure(pairLabelKappa(table, tokens.sets, label), stringPair(docs, a, b, label).kappa);
    }

    const sizes = new Set(docs.map((d) => d.annotators.length));
    const counts = docs.flatMap((d) => {
      const sequences = d.annotators.map((author) => categories(d.tokens, spansOf(d, author)));
      const used = [...new Set(docs.flatMap((e) => e.annotators.flatMap((author) => categories(e.tokens, spansOf(e, author)))))];
      return d.tokens.map((_, t) => used.map((c) => sequences.filter((s) => s[t] === c).length));
    });
    const fleiss = tokenFleiss(tokens);
    if (sizes.size === 1)
      expectSameFigure(
        fleiss,
        figure(() => fleissKappa(counts)),
      );
    else expect(fleiss.value).toBeNull();
  });

  it('count coincidences of units with any number of values as krippendorffAlpha does', () => {
    const units = fc.array(fc.array(fc.option(fc.integer({ min: 0, max: 3 }), { nil: null }), { minLength: 4, maxLength: 4 }), { minLength: 1, maxLength: 25 });
    fc.assert(
      fc.property(units, (columns) => {
        const rows = [0, 1, 2, 3].map((coder) => columns.map((unit) => unit[coder] ?? null));
        const counter = new CoincidenceCounter(4);
        for (const unit of columns) {
          const values = unit.filter((v): v is number => v !== null);
          counter.addUnit(values, values.length);
        }
        const coded = outcome(() => alphaFromCoincidences(counter.matrix(), 'nominal', [0, 1, 2, 3]));
        const expected = outcome(() => krippendorffAlpha(rows, 'nominal'));
        if ('value' in expected) expect((coded as { value: number }).value).toBeCloseTo(expected.value, 12);
        else expect(coded).toEqual(expected);
      }),
    );
  });
});

describe('span measures on indexed documents', () => {
  itHoldsForDocuments('sum label-by-label matching to the layer’s span F1, per label and for the document ranking', (docs, indexed) => {
    const { layer, labels } = pairSpans(indexed, 'x', 'y', 'ENTITY', LABELS);
    const shared = docs.filter((d) => d.annotators.includes('x') && d.annotators.includes('y'));
    for (const label of [undefined, ...LABELS]) {
      const totals = { exact: [0, 0], overlap: [0, 0] };
      for (const d of shared) {
        const [left, right] = [spansOf(d, 'x', label), spansOf(d, 'y', label)];
        if (left.length + right.length === 0) continue;
        for (const mode of ['exact', 'overlap'] as const) {
          totals[mode][0]! += 2 * spanF1(left, right, mode).tp;
          totals[mode][1]! += left.length + right.length;
        }
      }
      const f1 = ([twiceTp, all]: number[]) => (all === 0 ? null : round(twiceTp! / all!));
      const result = label === undefined ? layer : labels.get(label)!;
      expect([result.f1Exact.value, result.f1Overlap.value]).toEqual([f1(totals.exact), f1(totals.overlap)]);
      expect(result.documents).toBe(shared.length);
    }

    for (const d of docs) {
      const scores = d.annotators.flatMap((a, i) =>
        d.annotators.slice(i + 1).flatMap((b) => {
          const [left, right] = [d.spans.filter((s) => s.author === a), d.spans.filter((s) => s.author === b)];
          return left.length + right.length > 0 ? [spanF1(left, right, 'overlap').f1] : [];
        }),
      );
      expect(documentDisagreement(d)).toBe(scores.length ? round(1 - scores.reduce((x, y) => x + y, 0) / scores.length) : null);
    }
  });

  it('give the layer and each label the α_u of their spans laid end to end', () => {
    fc.assert(
      fc.property(documents, (docs) => {
        const { layer, labels } = continuumAlpha(docs.map(indexDocument), ['x', 'y'], 'ENTITY', LABELS);
        const crossed = docs.filter((d) => d.annotators.includes('x') && d.annotators.includes('y'));
        for (const label of [undefined, ...LABELS]) {
          const coders: UnitSegment[][] = [[], []];
          let offset = 0;
          for (const d of crossed) {
            ['x', 'y'].forEach((author, i) =>
              coders[i]!.push(...spansOf(d, author, label).map((s) => ({ start: offset + s.start, end: offset + s.end, value: s.label }))),
            );
            offset += d.text.length;
          }
          const expected =
            crossed.length === 0
              ? undefinedFigure('no document was completed by all of these annotators')
              : figure(() => unitizingAlpha(offset, coders, label ? { label } : undefined).alpha);
          expect(label === undefined ? layer : labels.get(label)).toEqual({ ...expected, documents: crossed.length });
        }
      }),
    );
  });
});

describe('stored tokens in the report', () => {
  it('give the same report as tokenizing the text', () => {
    const text = 'Talks between Pakistan and the Afghan Taliban ended in Doha.\n\nAn attack in Bannu killed “six soldiers”, the army said.';
    const spans = (author: string, shift: number): ReportSpan[] => [
      { author, start: 14, end: 22 + shift, label: 'GPE', layer: 'ENTITY' },
      { author, start: 31, end: 45, label: 'ORG', layer: 'ENTITY' },
      { author, start: 62, end: 74, label: 'SECURITY', layer: 'FRAME' },
    ];
    const document: ReportDocument = { id: 'd', name: 'd', text, annotators: ['x', 'y'], spans: [...spans('x', 0), ...spans('y', 5)], answers: [] };
    const withStored = agreementReport(reportInput(['x', 'y'], [{ ...document, tokenOffsets: storedTokens(text).tokenOffsets }]));
    expect(withStored).toEqual(agreementReport(reportInput(['x', 'y'], [document])));
    expect(withStored.layers.ENTITY?.pairs[0]?.tokens).toBe(storedTokens(text).tokenOffsets.length / 2);
  });

  it('are checked once at the boundary', () => {
    const document: ReportDocument = { id: 'd', name: 'd', text: 'ab cd', tokenOffsets: [3, 5, 0, 2], annotators: ['x', 'y'], spans: [], answers: [] };
    expect(() => indexDocument(document)).toThrow(/sorted and non-overlapping/);
    expect(() => indexDocument({ ...document, tokenOffsets: [0, 2], spans: [{ author: 'x', start: 2, end: 1, label: 'A', layer: 'ENTITY' }] })).toThrow(
      /empty or reversed/,
    );
  });
});
