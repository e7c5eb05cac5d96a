import { snapToGraphemes, snapToWords, type CodePointRange, type SegmentTable } from '@/lib/offsets';
import type { Span } from './model';

/**
 * The code point range to annotate for an editor selection [from, to), snapped to whole
 * words or at least whole grapheme clusters; null when nothing would remain.
 */
export function selectionRange(text: string, table: SegmentTable, from: number, to: number, wholeWords: boolean): CodePointRange | null {
  let start: number;
  let end: number;
  try {
    start = table.fromEditorPos(from, 'start');
    end = table.fromEditorPos(to, 'end');
  } catch {
    // A browser left the selection inside a surrogate pair; there is nothing sensible to snap.
    return null;
  }
  return snapRange(text, start, end, wholeWords);
}

/**
 * A code point range [start, end) snapped as the editor snaps selections (whole words, or at
 * least whole grapheme clusters); null when nothing would remain. Other views that let people
 * select text (adjudication) snap through this, so a selection means the same everywhere.
 */
export function snapRange(text: string, start: number, end: number, wholeWords: boolean): CodePointRange | null {
  if (start >= end) return null;
  const snapped = wholeWords ? snapToWords(text, start, end) : snapToGraphemes(text, start, end);
  return snapped.start < snapped.end ? snapped : null;
}

/** Stance spans naming `key` as their target: the span cannot be deleted or stop being an entity while they do. */
export function stancesTargeting(spans: Iterable<Span>, key: string): Span[] {
  return [...spans].filter((span) => span.target?.kind === 'span' && span.target.key === key);
}
