import type { SegmentTable } from '@/lib/offsets';
import { assignLanes } from './lanes';
import type { Span } from './model';

/** One span as the text view draws it: editor positions, its lane and what describes it. */
export interface SpanMark {
  readonly key: string;
  readonly from: number;
  readonly to: number;
  readonly lane: number;
  readonly color: string;
  readonly title: string;
}

export interface SpanLayout {
  readonly marks: readonly SpanMark[];
  /** Lanes in use, which sets how much room lines leave below the text. */
  readonly laneCount: number;
}

export interface SpanLook {
  readonly color: string;
  /** Label name (and stance target): the text that makes colour not the only cue. */
  readonly title: string;
}

/**
 * Lays out spans for drawing: lanes over code point ranges, then one conversion each to
 * editor positions. Computed once per change of the span list, not per render.
 */
export function layoutSpans(spans: readonly Span[], table: SegmentTable, look: (span: Span) => SpanLook): SpanLayout {
  const { lanes, count } = assignLanes(spans);
  const marks: SpanMark[] = [];
  spans.forEach((span, i) => {
    const from = table.toEditorPos(span.start, 'start');
    const to = table.toEditorPos(span.end, 'end');
    // A span over nothing but a paragraph gap has no characters to draw.
    if (from >= to) return;
    marks.push({ key: span.key, from, to, lane: lanes[i]!, ...look(span) });
  });
  return { marks, laneCount: count };
}
