import { describe, expect, it } from 'vitest';
import type { ReportDocument, ReportSpan } from '@/lib/review/input';
import { labelUsage } from '@/lib/review/label-usage';
import { agreementReport } from '@/lib/review/report';
import { reportInput } from '../support/report-input';

/** Per-annotator diagnostics: which coder drags reliability down, and how each compares with gold. */
const TEXT = 'Alpha beta gamma delta';
const org = (author: string, start: number, end: number, label = 'ORG'): ReportSpan => ({ author, start, end, label, layer: 'ENTITY' });

const input = (documents: ReportDocument[], annotators = ['a', 'b', 'c']) => reportInput(annotators, documents);

// A and B agree; C marks another word as ORG and adds a PERSON.
const documents: ReportDocument[] = [
  {
    id: 'd1',
    name: 'd1',
    text: TEXT,
    annotators: ['a', 'b', 'c'],
    answers: [],
    spans: [org('a', 0, 5), org('b', 0, 5), org('c', 6, 10), org('c', 11, 16, 'PERSON')],
  },
  {
    id: 'd2',
    name: 'd2',
    text: TEXT,
    annotators: ['a', 'b', 'c'],
    answers: [],
    spans: [org('a', 6, 10), org('b', 6, 10), org('c', 6, 10)],
    gold: [
      { start: 6, end: 10, label: 'ORG', layer: 'ENTITY' },
      { start: 0, end: 5, label: 'PERSON', layer: 'ENTITY' },
    ],
  },
];

describe('annotator diagnostics', () => {
  const report = agreementReport(input(documents));
  const rows = new Map(report.annotators.ENTITY!.map((row) => [row.id, row]));

  it('make the annotator who differs stand out: lowest α with the others, highest α without them', () => {
    const c = rows.get('c')!;
    for (const other of ['a', 'b']) {
      expect(c.alphaWithOthers.value!).toBeLessThan(rows.get(other)!.alphaWithOthers.value!);
      expect(c.alphaWithout.value!).toBeGreaterThan(rows.get(other)!.alphaWithout.value!);
    }
    // Without C only A and B remain, and they agree on every token.
    expect(c.alphaWithout.value).toBe(1);
  });

  it('give α without an annotator equal to the report over the others alone', () => {
    const others = agreementReport(
      input(
        documents.map((d) => ({ ...d, annotators: ['a', 'b'] })),
        ['a', 'b'],
      ),
    );
    expect(rows.get('c')!.alphaWithout.value).toBe(others.layers.ENTITY!.tokenAlpha.value);
  });

  it('give α with the other annotator equal to the layer’s α when there are two', () => {
    const two = agreementReport(
      input(
        documents.map((d) => ({ ...d, annotators: ['a', 'c'] })),
        ['a', 'c'],
      ),
    );
    const [a] = two.annotators.ENTITY!;
    expect(a!.alphaWithOthers.value).toBe(two.layers.ENTITY!.tokenAlpha.value);
    expect(a!.alphaWithout).toEqual({ value: null, reason: 'fewer than two other annotators' });
  });

  it('count each annotator’s spans per label', () => {
    expect(rows.get('a')!.spans).toEqual({ ORG: 2, PERSON: 0 });
    expect(rows.get('c')!.spans).toEqual({ ORG: 2, PERSON: 1 });
    expect(rows.get('c')!.documents).toBe(2);
  });

  it('give span F1 against gold over adjudicated documents only, per label', () => {
    // d2 only. Gold: ORG 6–10, PERSON 0–5. A: ORG 6–10 → tp 1, fn 1 → F1 = 2/3; per label ORG 1, PERSON 0.
    const a = rows.get('a')!.gold;
    expect(a.documents).toBe(1);
    expect(a.f1Exact.value).toBeCloseTo(2 / 3, 4);
    expect(a.labels.ORG!.f1Exact.value).toBe(1);
    expect(a.labels.PERSON!.f1Exact.value).toBe(0);
    const none = agreementReport(input(documents.slice(0, 1))).annotators.ENTITY![0]!.gold;
    expect(none).toMatchObject({ documents: 0, f1Exact: { value: null, reason: 'no adjudicated document among the annotator’s' } });
  });
});

describe('label usage', () => {
  it('flags who over- and under-uses a label against the mean rate per document', () => {
    const row = (id: string, documents: number, org: number) => ({
      id,
      documents,
      spans: { ORG: org, DATE: 0 },
      alphaWithOthers: { value: null },
      alphaWithout: { value: null },
      gold: { documents: 0, f1Exact: { value: null }, f1Overlap: { value: null }, labels: {} },
    });
    // ORG per document: 1, 1, 4 → mean 2; ratios .5 (under), .5 (under), 2 (over).
    const [org, date] = labelUsage([row('a', 2, 2), row('b', 4, 4), row('c', 1, 4)]);
    expect(org).toEqual({
      label: 'ORG',
      mean: 2,
      annotators: [
        { id: 'a', perDocument: 1, ratio: 0.5, use: 'under' },
        { id: 'b', perDocument: 1, ratio: 0.5, use: 'under' },
        { id: 'c', perDocument: 4, ratio: 2, use: 'over' },
      ],
    });
    expect(date!.annotators.map((a) => a.use)).toEqual(['typical', 'typical', 'typical']);
  });
});
