import { describe, expect, it } from 'vitest';
import { FindText, findMatches, firstMatchFrom, stepMatch, type FindOptions } from '@/lib/editor/find';
import { sliceByCodePoints } from '@/lib/offsets';

const plain: FindOptions = { matchCase: false, wholeWord: false };
const find = (text: string, query: string, options: Partial<FindOptions> = {}, limit?: number) =>
  findMatches(new FindText(text), query, { ...plain, ...options }, limit);
const ranges = (text: string, query: string, options: Partial<FindOptions> = {}) => find(text, query, options).matches.map((m) => [m.start, m.end]);
const quotes = (text: string, query: string, options: Partial<FindOptions> = {}) =>
  find(text, query, options).matches.map((m) => sliceByCodePoints(text, m.start, m.end));

describe('find in the document', () => {
  it('ignores case by default and keeps it when asked', () => {
    const text = 'Taliban said the TALIBAN and the taliban';
    expect(quotes(text, 'taliban')).toEqual(['Taliban', 'TALIBAN', 'taliban']);
    expect(ranges(text, 'Taliban', { matchCase: true })).toEqual([[0, 7]]);
  });

  it('returns code point offsets after emoji, which take two UTF-16 units each', () => {
    const text = '👍👍 Kabul 🇦🇫 Kabul';
    expect(ranges(text, 'kabul')).toEqual([
      [3, 8],
      [12, 17],
    ]);
    expect(quotes(text, '🇦🇫')).toEqual(['🇦🇫']);
  });

  it('finds Urdu words, and whole words only on Unicode word boundaries', () => {
    // "Pakistan" and "Pakistani" in Urdu: the shorter is a prefix of the longer.
    const text = 'پاکستان اور پاکستانی عوام';
    expect(ranges(text, 'پاکستان')).toEqual([
      [0, 7],
      [12, 19],
    ]);
    expect(ranges(text, 'پاکستان', { wholeWord: true })).toEqual([[0, 7]]);
    expect(ranges('cat, cats; the cat.', 'cat', { wholeWord: true })).toEqual([
      [0, 3],
      [15, 18],
    ]);
  });

  it('keeps a word with a zero-width non-joiner whole (Urdu/Persian writing) and never strands a combining mark', () => {
    // U+200C inside "می‌روم" belongs to the word: "می" alone is not a whole word there.
    expect(ranges('می‌روم', 'می', { wholeWord: true })).toEqual([]);
    // NFC has no precomposed form of b + kasra: a search for the bare letter must not cut the cluster.
    const text = 'بِ ب';
    expect(ranges(text, 'ب')).toEqual([[3, 4]]);
    expect(ranges(text, 'بِ')).toEqual([[0, 2]]);
    // The query is normalised like the text: a decomposed é finds the stored precomposed one.
    expect(ranges('café', 'cafe\u0301')).toEqual([[0, 4]]);
  });

  it('does not let a ZWJ emoji sequence match half of itself', () => {
    const family = '👨‍👩‍👧';
    expect(ranges(`${family} 👨`, '👨')).toEqual([[6, 7]]);
  });

  it('finds overlapping occurrences once, left to right, and adjacent ones each', () => {
    expect(ranges('aaaa', 'aa')).toEqual([
      [0, 2],
      [2, 4],
    ]);
    expect(ranges('aaa', 'aa')).toEqual([[0, 2]]);
    expect(ranges('abab', 'ab')).toEqual([
      [0, 2],
      [2, 4],
    ]);
  });

  it('looks again inside a rejected candidate for a whole word', () => {
    // The first "a a" starts inside "ba"; the one starting at the next "a" is whole.
    expect(ranges('ba a a', 'a a', { wholeWord: true })).toEqual([[3, 6]]);
  });

  it('finds nothing for an empty query or one longer than the text', () => {
    expect(find('some text', '')).toEqual({ matches: [], truncated: false });
    expect(find('short', 'much longer than the text')).toEqual({ matches: [], truncated: false });
    expect(find('', 'x')).toEqual({ matches: [], truncated: false });
  });

  it('takes regular expression metacharacters literally', () => {
    const text = 'a.b a+b (a|b) [x] $5 ^c \\d a-b a/b a*b?';
    for (const query of ['a.b', 'a+b', '(a|b)', '[x]', '$5', '^c', '\\d', 'a-b', 'a/b', 'a*b?']) {
      expect(quotes(text, query)).toEqual([query]);
    }
    expect(ranges('axb', 'a.b')).toEqual([]);
  });

  it('stops at the limit and says so', () => {
    expect(find('a a a a', 'a', {}, 3)).toEqual({
      matches: [
        { start: 0, end: 1 },
        { start: 2, end: 3 },
        { start: 4, end: 5 },
      ],
      truncated: true,
    });
    expect(find('a a a', 'a', {}, 3).truncated).toBe(false);
  });

  it('starts at the first match from the caret and steps around both ends', () => {
    const matches = [
      { start: 2, end: 4 },
      { start: 10, end: 12 },
    ];
    expect(firstMatchFrom(matches, 0)).toBe(0);
    expect(firstMatchFrom(matches, 5)).toBe(1);
    expect(firstMatchFrom(matches, 20)).toBe(0);
    expect(stepMatch(2, 1, 1)).toBe(0);
    expect(stepMatch(2, 0, -1)).toBe(1);
    expect(stepMatch(0, -1, 1)).toBe(-1);
  });
});

describe('find on a long text', () => {
  it('decides every position as one pass of the segmenter does, whether by its neighbours or by segmenting', () => {
    const unit = "The Taliban's  3.5 km, co-op\r\nبِلال 👨‍👩‍👧 🇵🇰 کہ\u200cپاکستان 한국어 \u0600١٢ e\u0301 क्षत्रिय ab\n\ncd  ef. ";
    const text = unit.repeat(30);
    const find = new FindText(text);
    for (const granularity of ['grapheme', 'word'] as const) {
      const expected = new Set([...new Intl.Segmenter('und', { granularity }).segment(text)].map((s) => s.index));
      expected.add(text.length);
      const decide = (at: number) => (granularity === 'word' ? find.isWordBoundary(at) : find.isGraphemeBoundary(at));
      const wrong = Array.from({ length: text.length + 1 }, (_, at) => at).filter((at) => decide(at) !== expected.has(at));
      expect(wrong, granularity).toEqual([]);
    }
  });

  it('sees the same boundaries as one pass of the segmenter would, though it segments in pieces', () => {
    // Pieces are cut after a line break or between a space and a letter; these repeat across many cuts.
    const unit = 'The  Taliban said بِلال 👨‍👩‍👧 کہ\u200cپاکستان ab\ncd  ef ';
    const text = unit.repeat(200);
    const segmenter = new Intl.Segmenter('und', { granularity: 'word' });
    const words = [...segmenter.segment(unit)].filter((s) => s.isWordLike).map((s) => s.segment);
    for (const word of new Set(words)) {
      expect(find(text, word, { matchCase: true, wholeWord: true }).matches.length).toBe(200 * words.filter((w) => w === word).length);
    }
  });
});
