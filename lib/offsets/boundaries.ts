import { OffsetIndex } from './codepoints';
import type { CodePointRange } from './types';
import { isBlank } from './whitespace';

// Root locale so that server and browser segment identically whatever their default locale.
const graphemes = new Intl.Segmenter('und', { granularity: 'grapheme' });
const words = new Intl.Segmenter('und', { granularity: 'word' });

/** Smallest range of whole segments containing [from, to], in UTF-16 offsets. */
function expand(segmenter: Intl.Segmenter, text: string, from: number, to: number): [number, number] {
  const segments = segmenter.segment(text);
  const first = segments.containing(from);
  const last = to > 0 ? segments.containing(to - 1) : undefined;
  return [first ? first.index : from, last ? last.index + last.segment.length : to];
}

function trim(text: string, from: number, to: number): [number, number] {
  // Whitespace is all in the BMP, so testing single code units cannot split a pair.
  while (from < to && isBlank(text[from]!)) from++;
  while (to > from && isBlank(text[to - 1]!)) to--;
  return [from, to];
}

function toUtf16Range(index: OffsetIndex, start: number, end: number): [number, number] {
  const from = index.toUtf16(start);
  const to = index.toUtf16(end);
  if (from > to) throw new RangeError(`range [${start},${end}) ends before it starts`);
  return [from, to];
}

function toCodePointRange(index: OffsetIndex, [from, to]: [number, number]): CodePointRange {
  return { start: index.toCodePoint(from), end: index.toCodePoint(to) };
}

/**
 * Widens [start, end) to the smallest range of whole grapheme clusters containing it, so that a
 * selection never strands a combining mark or half of an emoji sequence. A collapsed range
 * inside a cluster widens to that cluster; one on a boundary stays collapsed.
 */
export function snapToGraphemes(text: string, start: number, end: number): CodePointRange {
  const index = new OffsetIndex(text);
  const [from, to] = toUtf16Range(index, start, end);
  return toCodePointRange(index, expand(graphemes, text, from, to));
}

/**
 * Widens [start, end) to whole words (Unicode word boundaries, which keep ZWNJ inside
 * Urdu/Persian words and punctuation as its own segment) and trims whitespace from both ends.
 * A selection of only whitespace collapses to an empty range, which `validateSpan` rejects.
 * A collapsed range inside a word widens to that word, like a double click.
 */
export function snapToWords(text: string, start: number, end: number): CodePointRange {
  const index = new OffsetIndex(text);
  const [from, to] = trim(text, ...toUtf16Range(index, start, end));
  // Trimmed again because a word segment can begin with whitespace that carries a combining mark.
  return toCodePointRange(index, trim(text, ...expand(words, text, from, to)));
}
