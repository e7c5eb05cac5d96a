import { OffsetIndex } from './codepoints';
import { splitParagraphs, type Paragraph } from './paragraphs';
import { assertOffset } from './range';
import { countBelow } from './search';

/**
 * Which way an offset with no exact counterpart moves: 'start' towards the following
 * paragraph (right for a span's start), 'end' towards the preceding one (right for its end),
 * so a span across a paragraph gap covers the same characters in both coordinate systems.
 */
export type Bias = 'start' | 'end';

export interface SegmentTable {
  /** The paragraphs the editor document must be built from, one block node each, in order. */
  readonly paragraphs: readonly Paragraph[];
  /** ProseMirror `doc.content.size` of that document. */
  readonly size: number;
  /** ProseMirror position of a code point offset into the full text. */
  toEditorPos(codePoint: number, bias?: Bias): number;
  /** Code point offset into the full text of a ProseMirror position. */
  fromEditorPos(pos: number, bias?: Bias): number;
}

/**
 * Maps between code point offsets in the full text and positions in a ProseMirror document
 * holding one block node per paragraph from `splitParagraphs`.
 *
 * Single `\n` inside a paragraph stays in the text node (rendered with `white-space: pre-wrap`)
 * so that paragraph text is the exact slice of the document text. A hard-break leaf node would
 * also occupy one position, so switching to hard breaks would leave this arithmetic unchanged.
 *
 * Offsets on a paragraph's edges belong to that paragraph; only offsets strictly inside a gap
 * (or any offset of a text with no paragraphs, which maps to 0) use the bias. Positions
 * between blocks use it the same way. A position inside a surrogate pair throws a RangeError.
 */
export function buildSegmentTable(text: string): SegmentTable {
  const index = new OffsetIndex(text);
  const paragraphs = splitParagraphs(index);
  // blockStarts[k] is the position before paragraph k's opening token; adding shifts[k] to a
  // UTF-16 offset of the full text inside paragraph k gives its position.
  const blockStarts: number[] = [];
  const shifts: number[] = [];
  let size = 0;
  for (const paragraph of paragraphs) {
    blockStarts.push(size);
    shifts.push(size + 1 - index.toUtf16(paragraph.start));
    size += paragraph.text.length + 2;
  }
  const startPos = (k: number) => blockStarts[k]! + 1;
  const endPos = (k: number) => blockStarts[k]! + 1 + paragraphs[k]!.text.length;

  return {
    paragraphs,
    size,
    toEditorPos(codePoint, bias = 'start') {
      assertOffset(codePoint, index.length, 'code point offset');
      const k = countBelow(paragraphs.length, (i) => paragraphs[i]!.start <= codePoint) - 1;
      const hasPrevious = k >= 0;
      const hasNext = k + 1 < paragraphs.length;
      if (hasPrevious && codePoint <= paragraphs[k]!.end) {
        return index.toUtf16(codePoint) + shifts[k]!;
      }
      if (hasNext && (bias === 'start' || !hasPrevious)) return startPos(k + 1);
      return hasPrevious ? endPos(k) : 0;
    },
    fromEditorPos(pos, bias = 'start') {
      assertOffset(pos, size, 'editor position');
      const k = countBelow(blockStarts.length, (i) => blockStarts[i]! < pos) - 1;
      if (k < 0) return paragraphs[0]?.start ?? 0;
      if (pos <= endPos(k)) return index.toCodePoint(pos - shifts[k]!);
      // pos is after block k's closing token.
      const next = paragraphs[k + 1];
      return next && bias === 'start' ? next.start : paragraphs[k]!.end;
    },
  };
}
