import { spanF1, unitizingAlpha, type UnitSegment } from '@/lib/agreement';
import { codePointLength } from '@/lib/offsets';
import { figure, round, undefinedFigure, type Figure } from './figure';
import type { ReportDocument, ReportSpan } from './input';

/**
 * Span-level measures. Span F1 matches one-to-one (exact: same offsets and label;
 * overlap: same label and any shared character, greedy by largest overlap) and is
 * micro-averaged over the documents both annotators count for. Krippendorff's α_u
 * treats the documents as one character continuum: documents are laid end to end.
 */
export interface PairSpans {
  documents: number;
  f1Exact: Figure;
  f1Overlap: Figure;
}

export function pairSpans(documents: ReportDocument[], a: string, b: string, select: (s: ReportSpan) => boolean): PairSpans {
  const totals = { exact: { tp: 0, fp: 0, fn: 0 }, overlap: { tp: 0, fp: 0, fn: 0 } };
  let shared = 0;
  for (const document of documents) {
    if (!document.annotators.includes(a) || !document.annotators.includes(b)) continue;
    shared += 1;
    const left = document.spans.filter((s) => s.author === a && select(s));
    const right = document.spans.filter((s) => s.author === b && select(s));
    for (const mode of ['exact', 'overlap'] as const) {
      if (left.length === 0 && right.length === 0) continue;
      const result = spanF1(left, right, mode);
      totals[mode].tp += result.tp;
      totals[mode].fp += result.fp;
      totals[mode].fn += result.fn;
    }
  }
  const f1 = ({ tp, fp, fn }: { tp: number; fp: number; fn: number }): Figure =>
    tp + fp + fn === 0 ? undefinedFigure('neither annotator marked such spans') : { value: round((2 * tp) / (2 * tp + fp + fn)) };
  return { documents: shared, f1Exact: f1(totals.exact), f1Overlap: f1(totals.overlap) };
}

/**
 * α_u over the documents that every given annotator counts for (α_u needs each coder
 * to have coded the whole continuum). Segment values are labels; the label's own α_u
 * when `label` is given, the layer's (Σ D_o / Σ D_e over its labels) otherwise.
 */
export function continuumAlpha(documents: ReportDocument[], annotators: string[], select: (s: ReportSpan) => boolean, label?: string): Figure & { documents: number } {
  const crossed = documents.filter((d) => annotators.every((a) => d.annotators.includes(a)));
  if (annotators.length < 2) return { ...undefinedFigure('fewer than two annotators'), documents: 0 };
  if (crossed.length === 0) return { ...undefinedFigure('no document was completed by all of these annotators'), documents: 0 };
  const coders: UnitSegment[][] = annotators.map(() => []);
  let offset = 0;
  for (const document of crossed) {
    annotators.forEach((annotator, i) => {
      for (const span of document.spans) {
        if (span.author === annotator && select(span)) coders[i]!.push({ start: offset + span.start, end: offset + span.end, value: span.label });
      }
    });
    offset += codePointLength(document.text);
  }
  return { ...figure(() => unitizingAlpha(offset, coders, label ? { label } : undefined).alpha), documents: crossed.length };
}
