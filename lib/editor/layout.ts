import { countBelow, type SegmentTable } from '@/lib/offsets';
import { assignLanes, updateLanes, type PlacedInterval } from './lanes';
import type { Span } from './model';
import type { SpanLook } from './tags';

/** One span as the text view draws it: editor positions, its lane and what describes it. */
export interface SpanMark {
  readonly key: string;
  readonly from: number;
  readonly to: number;
  readonly lane: number;
  readonly color: string;
  readonly title: string;
  /** The short text drawn at the span's start (lib/editor/tags.ts). */
  readonly tag: string;
  readonly layer: SpanLook['layer'];
  /**
   * Where the span's first drawn piece ends, if before `to`: ProseMirror draws an inline
   * decoration as one element per piece of text between any two decoration or paragraph
   * boundaries, so the tag goes on the first piece only (or an enclosing span would repeat its
   * tag after each span nested in it). Null when the span is drawn in one piece.
   */
  readonly cut: number | null;
}

/** A span as last laid out: where it was, its lane, and its mark (null for a span over a paragraph gap only). */
interface Placed extends PlacedInterval {
  readonly span: Span;
  readonly mark: SpanMark | null;
}

export interface SpanLayout {
  readonly marks: readonly SpanMark[];
  /** Lanes in use, which sets how much room lines leave below the text. */
  readonly laneCount: number;
  /** By span key: what the next layout starts from. */
  readonly placed: ReadonlyMap<string, Placed>;
}

function sameMark(a: SpanMark, b: Omit<SpanMark, 'key'>): boolean {
  return (
    a.from === b.from &&
    a.to === b.to &&
    a.lane === b.lane &&
    a.color === b.color &&
    a.title === b.title &&
    a.tag === b.tag &&
    a.layer === b.layer &&
    a.cut === b.cut
  );
}

const paragraphEndsOf = new WeakMap<SegmentTable, number[]>();

/** The editor positions where the table's paragraphs end (a span running on is drawn in a new piece there). */
function paragraphEnds(table: SegmentTable): number[] {
  let ends = paragraphEndsOf.get(table);
  if (!ends) {
    ends = table.paragraphs.map((paragraph) => table.toEditorPos(paragraph.end, 'end'));
    paragraphEndsOf.set(table, ends);
  }
  return ends;
}

/** The first of the sorted `boundaries` strictly inside (from, to), or null. */
function firstInside(boundaries: Float64Array, from: number, to: number): number | null {
  const first = countBelow(boundaries.length, (i) => boundaries[i]! <= from);
  return first < boundaries.length && boundaries[first]! < to ? boundaries[first]! : null;
}

/**
 * Each mark with its `cut`: the marks' own edges and the paragraph ends, sorted once (about a
 * millisecond for 5,000 spans), answer every mark by binary search. A mark whose cut changed
 * (a span nested in it came or went) becomes a new object, so it is redrawn like any change.
 */
function withCuts(marks: SpanMark[], table: SegmentTable): SpanMark[] {
  const ends = paragraphEnds(table);
  const boundaries = new Float64Array(marks.length * 2 + ends.length);
  marks.forEach((mark, i) => {
    boundaries[2 * i] = mark.from;
    boundaries[2 * i + 1] = mark.to;
  });
  boundaries.set(ends, marks.length * 2);
  boundaries.sort();
  return marks.map((mark) => {
    const cut = firstInside(boundaries, mark.from, mark.to);
    return cut === mark.cut ? mark : { ...mark, cut };
  });
}

/**
 * Lays out spans for drawing: lanes over code point ranges, then one conversion each to
 * editor positions. Computed once per change of the span list, not per render. Given the
 * `previous` layout (of the same text and catalog), lanes are recomputed only around what
 * changed (updateLanes), and a span that is the same object in the same lane keeps its very
 * mark, so what changed is found by identity (changedMarks) and only that is redrawn. A
 * stance span with a span target is always described again: its title quotes another span.
 */
export function layoutSpans(spans: readonly Span[], table: SegmentTable, look: (span: Span) => SpanLook, previous?: SpanLayout): SpanLayout {
  const { lanes, count } = previous ? updateLanes(spans, previous.placed) : assignLanes(spans);
  const marks: SpanMark[] = [];
  const placed = new Map<string, Placed>();
  spans.forEach((span, i) => {
    const lane = lanes[i]!;
    const old = previous?.placed.get(span.key);
    let mark: SpanMark | null;
    if (old && old.span === span && old.lane === lane && span.target?.kind !== 'span') mark = old.mark;
    else {
      const from = table.toEditorPos(span.start, 'start');
      const to = table.toEditorPos(span.end, 'end');
      const drawn = { from, to, lane, ...look(span), cut: old?.mark?.cut ?? null };
      // A span over nothing but a paragraph gap has no characters to draw.
      mark = from >= to ? null : old?.mark && sameMark(old.mark, drawn) ? old.mark : { key: span.key, ...drawn };
    }
    if (mark) marks.push(mark);
    placed.set(span.key, { start: span.start, end: span.end, lane, span, mark });
  });
  const cutMarks = withCuts(marks, table);
  cutMarks.forEach((mark, i) => {
    if (mark === marks[i]) return;
    const at = placed.get(mark.key)!;
    placed.set(mark.key, { ...at, mark });
  });
  return { marks: cutMarks, laneCount: count, placed };
}

/** The marks of `previous` no longer drawn, and those of `next` not drawn yet (by identity: see layoutSpans). */
export function changedMarks(previous: readonly SpanMark[], next: readonly SpanMark[]): { removed: SpanMark[]; added: SpanMark[] } {
  const kept = new Set(next);
  const had = new Set(previous);
  return { removed: previous.filter((mark) => !kept.has(mark)), added: next.filter((mark) => !had.has(mark)) };
}
