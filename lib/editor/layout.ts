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

function sameMark(a: SpanMark, b: Omit<SpanMark, 'key'>): boolean {
  return a.from === b.from && a.to === b.to && a.lane === b.lane && a.color === b.color && a.title === b.title;
}

/**
 * Lays out spans for drawing: lanes over code point ranges, then one conversion each to
 * editor positions. Computed once per change of the span list, not per render. A mark that
 * is the same as in `previous` is that very object, so what changed is found by identity
 * (changedMarks) and only that is redrawn.
 */
export function layoutSpans(spans: readonly Span[], table: SegmentTable, look: (span: Span) => SpanLook, previous?: SpanLayout): SpanLayout {
  const { lanes, count } = assignLanes(spans);
  const before = new Map(previous?.marks.map((mark) => [mark.key, mark]));
  const marks: SpanMark[] = [];
  spans.forEach((span, i) => {
    const from = table.toEditorPos(span.start, 'start');
    const to = table.toEditorPos(span.end, 'end');
    // A span over nothing but a paragraph gap has no characters to draw.
    if (from >= to) return;
    const mark = { from, to, lane: lanes[i]!, ...look(span) };
    const old = before.get(span.key);
    marks.push(old && sameMark(old, mark) ? old : { key: span.key, ...mark });
  });
  return { marks, laneCount: count };
}

/** The marks of `previous` no longer drawn, and those of `next` not drawn yet (by identity: see layoutSpans). */
export function changedMarks(previous: readonly SpanMark[], next: readonly SpanMark[]): { removed: SpanMark[]; added: SpanMark[] } {
  const kept = new Set(next);
  const had = new Set(previous);
  return { removed: previous.filter((mark) => !kept.has(mark)), added: next.filter((mark) => !had.has(mark)) };
}
