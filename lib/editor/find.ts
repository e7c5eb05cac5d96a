import { OffsetIndex, type CodePointRange } from '@/lib/offsets';

export interface FindOptions {
  /** Off by default: "taliban" finds "Taliban". */
  readonly matchCase: boolean;
  /** Only matches that start and end on Unicode word boundaries. */
  readonly wholeWord: boolean;
}

export interface FindResult {
  /** Code point ranges, ascending, never overlapping. */
  readonly matches: readonly CodePointRange[];
  /** True when matching stopped at `limit`: the count shown is then "at least". */
  readonly truncated: boolean;
}

/** Enough for any sensible search; a one-letter query on a 100,000-character text stops here rather than draw 30,000 highlights. */
export const MAX_MATCHES = 5000;

// Root locale, as in lib/offsets/boundaries.ts: the same boundaries whatever the browser's language.
const graphemes = new Intl.Segmenter('und', { granularity: 'grapheme' });
const words = new Intl.Segmenter('und', { granularity: 'word' });
// The syntax characters of a `u` regex: escaping anything else (a hyphen, say) is itself a syntax error there.
const METACHARACTERS = /[.*+?^${}()|[\]\\/]/g;

// Segmenting one long string costs time quadratic in its length in V8 (40,000 characters: seconds),
// so the text is segmented in short pieces of about this many UTF-16 units (the total cost grows with their length), cut only where UAX #29 always
// breaks for graphemes and words alike: after a line break, or between a space and a letter.
const PIECE = 256;
const SAFE_CUT = /\n|[ ](?=\p{L})/gu;

/** UTF-16 offsets where a segment starts, and the text's end. */
function boundariesOf(segmenter: Intl.Segmenter, text: string): Set<number> {
  const set = new Set<number>([text.length]);
  for (let from = 0; from < text.length; ) {
    SAFE_CUT.lastIndex = Math.min(from + PIECE, text.length);
    const cut = SAFE_CUT.exec(text);
    const to = cut ? cut.index + 1 : text.length;
    for (const segment of segmenter.segment(text.slice(from, to))) set.add(from + segment.index);
    from = to;
  }
  return set;
}

// Characters that UAX #29 may join to a neighbour into one grapheme cluster: marks, format and
// control characters (ZWJ, CR LF, Arabic prepended number signs), Hangul jamo, emoji and regional
// indicators, the one Prepend letter of the BMP (U+0D4E), and surrogates (anything astral).
const MAY_JOIN = /[\p{M}\p{Cf}\p{Cc}\p{Script=Hangul}\p{Extended_Pictographic}\u0D4E\uD800-\uDFFF]/u;
const BLANK = /\p{White_Space}/u;

/**
 * One document's text prepared for finding. Segmenting 100,000 characters takes hundreds of
 * milliseconds, so the common cases are decided by the two characters around a position (no
 * rule joins them), and the text is segmented — once, when first needed — only for the others.
 */
export class FindText {
  readonly index: OffsetIndex;
  private graphemeStarts?: Set<number>;
  private wordStarts?: Set<number>;

  constructor(text: string | OffsetIndex) {
    this.index = OffsetIndex.from(text);
  }

  /** A match never starts or ends inside a grapheme cluster: it would strand a combining mark or half an emoji. */
  isGraphemeBoundary(utf16: number): boolean {
    const { text } = this.index;
    if (utf16 === 0 || utf16 === text.length) return true;
    if (!MAY_JOIN.test(text[utf16 - 1]!) && !MAY_JOIN.test(text[utf16]!)) return true;
    this.graphemeStarts ??= boundariesOf(graphemes, text);
    return this.graphemeStarts.has(utf16);
  }

  isWordBoundary(utf16: number): boolean {
    const { text } = this.index;
    if (utf16 === 0 || utf16 === text.length) return true;
    const before = text[utf16 - 1]!;
    const after = text[utf16]!;
    // Blank against non-blank is a word boundary unless a mark or joiner attaches to the blank.
    if (BLANK.test(before) !== BLANK.test(after) && !MAY_JOIN.test(before) && !MAY_JOIN.test(after)) return true;
    this.wordStarts ??= boundariesOf(words, text);
    return this.wordStarts.has(utf16);
  }
}

/**
 * Every occurrence of `query` in the text, as code point ranges (the document's offset unit).
 * The query is taken literally (regex metacharacters included) and NFC-normalised like the text;
 * case-insensitive matching uses Unicode simple case folding, which never changes lengths, so
 * offsets stay exact. Matches do not overlap: after a match the search goes on at its end, as a
 * browser's find does, so that labelling every match never stacks spans on one another. An empty
 * query finds nothing.
 */
export function findMatches(source: FindText, query: string, options: FindOptions, limit = MAX_MATCHES): FindResult {
  const needle = query.normalize('NFC');
  const text = source.index.text;
  if (needle === '' || needle.length > text.length) return { matches: [], truncated: false };
  const pattern = new RegExp(needle.replace(METACHARACTERS, '\\$&'), options.matchCase ? 'gu' : 'giu');
  const matches: CodePointRange[] = [];
  for (let found = pattern.exec(text); found; found = pattern.exec(text)) {
    const from = found.index;
    const to = from + found[0].length;
    const fits = source.isGraphemeBoundary(from) && source.isGraphemeBoundary(to);
    if (!fits || (options.wholeWord && !(source.isWordBoundary(from) && source.isWordBoundary(to)))) {
      // Not a match here, but one may start inside it ("aab" in "aaab"): try again one code point on.
      pattern.lastIndex = from + (found[0].codePointAt(0)! > 0xffff ? 2 : 1);
      continue;
    }
    if (matches.length === limit) return { matches, truncated: true };
    matches.push({ start: source.index.toCodePoint(from), end: source.index.toCodePoint(to) });
  }
  return { matches, truncated: false };
}

/** The match to show first: the first one at or after the caret, else the first of the text. */
export function firstMatchFrom(matches: readonly CodePointRange[], caret: number): number {
  const index = matches.findIndex((match) => match.start >= caret);
  return index === -1 ? 0 : index;
}

/** The index `step` matches on from `current`, wrapping around at either end. */
export function stepMatch(count: number, current: number, step: 1 | -1): number {
  return count === 0 ? -1 : (current + step + count) % count;
}
