import { assertOffset } from './range';
import { countBelow } from './search';

/** UTF-16 indices of the high halves of well-formed surrogate pairs, ascending. */
function surrogatePairStarts(text: string): number[] {
  const starts: number[] = [];
  for (let i = 0; i < text.length - 1; i++) {
    const high = text.charCodeAt(i);
    const low = text.charCodeAt(i + 1);
    if (high >= 0xd800 && high <= 0xdbff && low >= 0xdc00 && low <= 0xdfff) {
      starts.push(i);
      i++;
    }
  }
  return starts;
}

/**
 * Number of code points in `s`. An unpaired surrogate counts as one code point, as in
 * `Array.from` and Python.
 */
export function codePointLength(s: string): number {
  return s.length - surrogatePairStarts(s).length;
}

/**
 * Converts between code point offsets (the storage contract) and UTF-16 offsets (what
 * JavaScript strings, the DOM and ProseMirror use) for one text. Building costs one pass;
 * each conversion is a binary search over the astral characters, so texts without emoji or
 * historic scripts convert in constant time.
 */
export class OffsetIndex {
  readonly text: string;
  /** Length of the text in code points. */
  readonly length: number;
  private readonly pairStarts: readonly number[];

  constructor(text: string) {
    this.text = text;
    this.pairStarts = surrogatePairStarts(text);
    this.length = text.length - this.pairStarts.length;
  }

  /** Lets callers that already hold an index pass it along instead of rebuilding it. */
  static from(source: string | OffsetIndex): OffsetIndex {
    return typeof source === 'string' ? new OffsetIndex(source) : source;
  }

  toUtf16(codePoint: number): number {
    assertOffset(codePoint, this.length, 'code point offset');
    const pairs = this.pairStarts;
    // The k-th pair starts at code point pairs[k] - k: every earlier pair took one extra unit.
    return codePoint + countBelow(pairs.length, (k) => pairs[k]! - k < codePoint);
  }

  toCodePoint(utf16: number): number {
    assertOffset(utf16, this.text.length, 'UTF-16 offset');
    const pairs = this.pairStarts;
    const before = countBelow(pairs.length, (k) => pairs[k]! < utf16);
    if (before > 0 && pairs[before - 1] === utf16 - 1) {
      throw new RangeError(`UTF-16 offset ${utf16} falls inside a surrogate pair`);
    }
    return utf16 - before;
  }

  /** The text between two code point offsets, end-exclusive. */
  slice(start: number, end: number): string {
    const from = this.toUtf16(start);
    const to = this.toUtf16(end);
    if (from > to) throw new RangeError(`slice [${start},${end}) ends before it starts`);
    return this.text.slice(from, to);
  }
}

export function codePointToUtf16(text: string, codePoint: number): number {
  return new OffsetIndex(text).toUtf16(codePoint);
}

export function utf16ToCodePoint(text: string, utf16: number): number {
  return new OffsetIndex(text).toCodePoint(utf16);
}

export function sliceByCodePoints(text: string, start: number, end: number): string {
  return new OffsetIndex(text).slice(start, end);
}
