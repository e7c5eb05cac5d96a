import { describe, expect, it } from 'vitest';
import type { ReportDocument, ReportSpan } from '@/lib/review/input';
import { batchDocuments, isoWeek } from '@/lib/review/over-time';
import { agreementReport } from '@/lib/review/report';
import { reportInput } from '../support/report-input';

/** Agreement over time: batches of completed documents, each with the figures the report gives for those documents alone. */
const TEXT = 'Alpha beta gamma delta';
const org = (author: string, start: number, end: number): ReportSpan => ({ author, start, end, label: 'ORG', layer: 'ENTITY' });

function document(i: number, completedAt: string | undefined, agree: boolean): ReportDocument {
  return {
    id: `d${i}`,
    name: `d${i}`,
    text: TEXT,
    annotators: ['a', 'b'],
    completedAt,
    answers: [],
    spans: [org('a', 0, 5), org('b', agree ? 0 : 6, agree ? 5 : 10), org('a', 11, 16), org('b', 11, 16)],
  };
}

const input = (documents: ReportDocument[]) => reportInput(['a', 'b'], documents);

// Week 48 of 2026: two documents with disagreement; week 49: three that agree; one not completed.
const documents = [
  document(0, '2026-12-01T10:00:00Z', true),
  document(1, '2026-11-24T09:00:00Z', false),
  document(2, '2026-11-26T09:00:00Z', false),
  document(3, undefined, true),
  document(4, '2026-12-03T12:00:00Z', true),
  document(5, '2026-12-02T12:00:00Z', true),
];

describe('agreement over time', () => {
  it('names ISO weeks, whose Thursday decides the year', () => {
    expect(isoWeek(new Date('2026-12-04T23:59:00Z'))).toBe('2026-W49');
    expect(isoWeek(new Date('2021-01-03T12:00:00Z'))).toBe('2020-W53');
    expect(isoWeek(new Date('2024-12-30T00:00:00Z'))).toBe('2025-W01');
  });

  it('batches completed documents by week or by N in completion order, and leaves out the incomplete', () => {
    expect(batchDocuments(documents, { by: 'week' })).toEqual([
      { label: '2026-W48', members: [1, 2] },
      { label: '2026-W49', members: [0, 5, 4] },
    ]);
    expect(batchDocuments(documents, { by: 'documents', size: 2 })).toEqual([
      { label: 'documents 1–2', members: [1, 2] },
      { label: 'documents 3–4', members: [0, 5] },
      { label: 'documents 5–5', members: [4] },
    ]);
  });

  it('gives each batch the figures of the report over its documents alone', () => {
    const { overTime } = agreementReport(input(documents), { batching: { by: 'week' } });
    expect(overTime!.notCompleted).toBe(1);
    const [early, late] = overTime!.batches;
    expect(early).toMatchObject({ label: '2026-W48', documents: 2, from: '2026-11-24T09:00:00Z', to: '2026-11-26T09:00:00Z' });
    const alone = agreementReport(input([documents[1]!, documents[2]!])).layers.ENTITY!;
    expect(early!.layers.ENTITY).toEqual({ tokenAlpha: alone.tokenAlpha, fleissKappa: alone.fleissKappa, labels: { ORG: alone.labels.ORG!.tokenAlpha } });
    // Training worked: the later batch agrees perfectly.
    expect(early!.layers.ENTITY!.tokenAlpha.value!).toBeLessThan(1);
    expect(late!.layers.ENTITY!.tokenAlpha.value).toBe(1);
    expect(agreementReport(input(documents)).overTime).toBeNull();
  });
});
