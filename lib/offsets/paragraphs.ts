import { OffsetIndex } from './codepoints';
import type { CodePointRange } from './types';
import { isBlank } from './whitespace';

export interface Paragraph extends CodePointRange {
  /** The text at [start, end); single `\n` line breaks inside the paragraph are kept. */
  readonly text: string;
}

/**
 * Splits normalised text into blank-line-separated blocks. A paragraph runs from the start of
 * its first non-blank line to the end of its last one, indentation and trailing spaces
 * included, so every character on a non-blank line is inside a paragraph and can be annotated
 * in the editor; only line breaks and blank lines fall between paragraphs.
 */
export function splitParagraphs(source: string | OffsetIndex): Paragraph[] {
  const index = OffsetIndex.from(source);
  const text = index.text;
  const paragraphs: Paragraph[] = [];
  // UTF-16 bounds of the block being collected; blockStart is -1 between blocks.
  let blockStart = -1;
  let blockEnd = -1;
  const close = () => {
    if (blockStart < 0) return;
    paragraphs.push({
      start: index.toCodePoint(blockStart),
      end: index.toCodePoint(blockEnd),
      text: text.slice(blockStart, blockEnd),
    });
    blockStart = -1;
  };

  let lineStart = 0;
  for (;;) {
    const newline = text.indexOf('\n', lineStart);
    const lineEnd = newline === -1 ? text.length : newline;
    if (isBlank(text.slice(lineStart, lineEnd))) {
      close();
    } else {
      if (blockStart < 0) blockStart = lineStart;
      blockEnd = lineEnd;
    }
    if (newline === -1) break;
    lineStart = newline + 1;
  }
  close();
  return paragraphs;
}
