import type { AnnotatorDiagnostics } from './annotator-measures';

/**
 * Who over- or under-uses which label: each annotator's spans of a label per document they count
 * for, against the mean of that rate over all annotators. A rate half again the mean or more is
 * `over`, two thirds of it or less `under` (for a label anyone used).
 */
const OVER_USE = 1.5;
const UNDER_USE = 2 / 3;

export interface LabelUsage {
  label: string;
  mean: number;
  annotators: { id: string; perDocument: number; ratio: number | null; use: 'over' | 'under' | 'typical' }[];
}

export function labelUsage(rows: readonly AnnotatorDiagnostics[]): LabelUsage[] {
  const labels = [...new Set(rows.flatMap((row) => Object.keys(row.spans)))];
  return labels.map((label) => {
    const rates = rows.map((row) => ({ id: row.id, perDocument: row.documents === 0 ? 0 : (row.spans[label] ?? 0) / row.documents }));
    const mean = rates.reduce((sum, r) => sum + r.perDocument, 0) / (rates.length || 1);
    return {
      label,
      mean,
      annotators: rates.map(({ id, perDocument }) => {
        const ratio = mean === 0 ? null : perDocument / mean;
        return { id, perDocument, ratio, use: ratio === null ? 'typical' : ratio >= OVER_USE ? 'over' : ratio <= UNDER_USE ? 'under' : 'typical' };
      }),
    };
  });
}
