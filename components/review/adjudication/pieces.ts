import { assignLanes } from '@/lib/editor/lanes';
import type { OffsetIndex } from '@/lib/offsets';

interface Interval {
  start: number;
  end: number;
}

/** A run of text covered by the same marks. */
export interface Piece {
  /** UTF-16 text, ready for the DOM. */
  text: string;
  /** Code point offset where the piece starts. */
  start: number;
  /** Indices of the marks covering the piece, outermost (lowest lane) first. */
  covering: number[];
  /** Indices of the marks that end with this piece, where their badges go. */
  ending: number[];
}

/**
 * Cuts the text at every mark boundary, so overlapping and nested marks can each be
 * drawn as their own nested element. Mark offsets are code points (the storage
 * contract); they become UTF-16 only here, through the OffsetIndex, so text with
 * emoji or astral scripts highlights the right characters.
 */
export function cutIntoPieces(index: OffsetIndex, marks: readonly Interval[]): { pieces: Piece[]; lanes: number[]; laneCount: number } {
  const { lanes, count } = assignLanes(marks);
  const cuts = [...new Set([0, index.length, ...marks.flatMap((m) => [m.start, m.end])])].sort((a, b) => a - b);
  const pieces: Piece[] = [];
  for (let i = 0; i + 1 < cuts.length; i++) {
    const start = cuts[i]!;
    const end = cuts[i + 1]!;
    const covering = marks.flatMap((m, k) => (m.start <= start && m.end >= end ? [k] : [])).sort((a, b) => lanes[a]! - lanes[b]!);
    pieces.push({ text: index.slice(start, end), start, covering, ending: covering.filter((k) => marks[k]!.end === end) });
  }
  return { pieces, lanes, laneCount: count };
}
