import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import {
  OffsetIndex,
  buildSegmentTable,
  codePointLength,
  codePointToUtf16,
  normalizeText,
  sliceByCodePoints,
  snapToGraphemes,
  snapToWords,
  splitParagraphs,
  utf16ToCodePoint,
  validateSpan,
} from '@/lib/offsets';

const RUNS = { numRuns: 3000 };
// Thousands of runs take around a second per property; leave headroom for a loaded machine.
const itProperty = (name: string, fn: () => void) => it(`${name} (property)`, fn, 30_000);

const FAMILY = '👩‍👩‍👧'; // 5 code points, 8 UTF-16 units
const FLAG = '🇵🇰'; // 2 regional indicators, 4 UTF-16 units
const URDU = 'پاکستان کے وزیر اعظم';
const PASHTO = 'د افغانستان طالبان';

// Pieces chosen to hit every awkward case at once: astral characters, ZWJ sequences, RTL
// scripts, combining marks (composed and decomposed), composition exclusions, every line
// ending, blank lines, BOMs and unpaired surrogates.
const piece = fc.oneof(
  fc.string({ unit: 'binary', maxLength: 4 }),
  fc.string({ unit: 'grapheme', maxLength: 4 }),
  fc.constantFrom('\n', '\n\n', '\r\n', '\r', '\r\n\r\n', ' ', '\t', ' \n \n', '\u00A0', '\u2028'),
  fc.constantFrom(FAMILY, FLAG, URDU, PASHTO, 'بِ', '\u0650', '\u200C', '\u200D', '\u200F'),
  fc.constantFrom('e\u0301', '\u0301', 'é', 'क्षत्रिय', '\u0958', '\u093C', '𝒜', '😀', 'a b'),
  fc.constantFrom('\uFEFF', '\uD800', '\uDC00', '\uDC00\uD800'),
);
const rawText = fc.array(piece, { maxLength: 24 }).map((parts) => parts.join(''));
const text = rawText.map(normalizeText);

/** Two code point offsets 0 <= start <= end <= length. */
function withRange(texts: fc.Arbitrary<string>) {
  return fc.tuple(texts, fc.nat(), fc.nat()).map(([t, a, b]) => {
    const n = Array.from(t).length + 1;
    const [x, y] = [a % n, b % n];
    return { text: t, start: Math.min(x, y), end: Math.max(x, y) };
  });
}

const isWhitespace = (c: string) => /\p{White_Space}/u.test(c);

describe('normalizeText', () => {
  it('converts CRLF and lone CR to LF', () => {
    expect(normalizeText('a\r\nb\rc\n\r\nd')).toBe('a\nb\nc\n\nd');
    expect(normalizeText('\r\r\n')).toBe('\n\n');
  });

  it('strips leading BOMs only', () => {
    expect(normalizeText('\uFEFFhello')).toBe('hello');
    expect(normalizeText('\uFEFF\uFEFFhello')).toBe('hello');
    expect(normalizeText('a\uFEFFb')).toBe('a\uFEFFb');
  });

  it('composes combining marks, changing the code point count', () => {
    expect(normalizeText('e\u0301')).toBe('é');
    expect(codePointLength(normalizeText('cafe\u0301'))).toBe(4);
    // Devanagari QA is a composition exclusion: NFC decomposes it, so the text grows.
    expect(normalizeText('\u0958')).toBe('\u0915\u093C');
  });

  it('leaves Urdu, Pashto and emoji untouched', () => {
    for (const s of [URDU, PASHTO, FAMILY, FLAG]) expect(normalizeText(s)).toBe(s);
  });

  it('replaces unpaired surrogates, which UTF-8 storage cannot hold', () => {
    expect(normalizeText('a\uD800b\uDC00')).toBe('a\uFFFDb\uFFFD');
    expect(normalizeText('😀')).toBe('😀');
  });

  itProperty('is idempotent and yields NFC, CR-free, well-formed text', () => {
    fc.assert(
      fc.property(rawText, (input) => {
        const once = normalizeText(input);
        expect(normalizeText(once)).toBe(once);
        expect(once).not.toContain('\r');
        expect(once.startsWith('\uFEFF')).toBe(false);
        expect(once.normalize('NFC')).toBe(once);
        expect(encodeURIComponent(once)).toBeTypeOf('string'); // throws on lone surrogates
      }),
      RUNS,
    );
  });
});

describe('code point / UTF-16 conversion', () => {
  it('counts emoji, ZWJ sequences and flags by code point', () => {
    expect(codePointLength(FAMILY)).toBe(5);
    expect(FAMILY.length).toBe(8);
    expect(codePointLength(FLAG)).toBe(2);
    expect(codePointLength(URDU)).toBe(URDU.length);
  });

  it('converts offsets around astral characters', () => {
    const t = `a${FAMILY}b${FLAG}c`;
    const index = new OffsetIndex(t);
    expect(index.length).toBe(10);
    expect(index.toUtf16(1)).toBe(1);
    expect(index.toUtf16(2)).toBe(3); // after the first woman
    expect(index.toUtf16(6)).toBe(9); // 'b'
    expect(index.toUtf16(10)).toBe(t.length);
    expect(index.toCodePoint(9)).toBe(6);
    expect(index.slice(1, 6)).toBe(FAMILY);
    expect(index.slice(7, 9)).toBe(FLAG);
    expect(codePointToUtf16(t, 8)).toBe(12);
    expect(utf16ToCodePoint(t, 12)).toBe(8);
    expect(sliceByCodePoints(t, 6, 7)).toBe('b');
  });

  it('rejects out-of-range, fractional and mid-pair offsets', () => {
    const index = new OffsetIndex('😀x');
    expect(() => index.toUtf16(3)).toThrow(RangeError);
    expect(() => index.toUtf16(-1)).toThrow(RangeError);
    expect(() => index.toUtf16(0.5)).toThrow(RangeError);
    expect(() => index.toUtf16(Number.NaN)).toThrow(RangeError);
    expect(() => index.toCodePoint(4)).toThrow(RangeError);
    expect(() => index.toCodePoint(1)).toThrow(/inside a surrogate pair/);
    expect(() => index.slice(2, 1)).toThrow(RangeError);
  });

  it('counts an unpaired surrogate as one code point, like Array.from', () => {
    const index = new OffsetIndex('\uDC00\uD800a');
    expect(index.length).toBe(3);
    expect(index.toCodePoint(1)).toBe(1);
  });

  itProperty('round-trips every offset and agrees with Array.from', () => {
    fc.assert(
      fc.property(rawText, (t) => {
        const index = new OffsetIndex(t);
        const chars = Array.from(t);
        expect(index.length).toBe(chars.length);
        expect(codePointLength(t)).toBe(chars.length);
        let utf16 = 0;
        for (let cp = 0; cp <= chars.length; cp++) {
          expect(index.toUtf16(cp)).toBe(utf16);
          expect(index.toCodePoint(utf16)).toBe(cp);
          // The unit after a pair's high half is mid-pair and must be refused.
          if (chars[cp] !== undefined && chars[cp]!.length === 2) {
            expect(() => index.toCodePoint(utf16 + 1)).toThrow(RangeError);
          }
          utf16 += chars[cp]?.length ?? 0;
        }
      }),
      RUNS,
    );
  });

  itProperty('slice equals Array.from slicing', () => {
    fc.assert(
      fc.property(withRange(rawText), ({ text: t, start, end }) => {
        expect(new OffsetIndex(t).slice(start, end)).toBe(Array.from(t).slice(start, end).join(''));
      }),
      RUNS,
    );
  });
});

describe('validateSpan', () => {
  it('accepts a matching quote in RTL text and returns it', () => {
    expect(validateSpan(URDU, { start: 11, end: 15, quote: 'وزیر' })).toEqual({
      ok: true,
      quote: 'وزیر',
    });
    expect(validateSpan(new OffsetIndex(PASHTO), { start: 2, end: 11 })).toEqual({
      ok: true,
      quote: 'افغانستان',
    });
  });

  it('uses code point offsets across emoji', () => {
    const t = `${FAMILY} and ${FLAG}`;
    expect(validateSpan(t, { start: 10, end: 12, quote: FLAG }).ok).toBe(true);
    // A UTF-16 based client would send [14,18) and must be told.
    const wrong = validateSpan(t, { start: 14, end: 18, quote: FLAG });
    expect(wrong).toMatchObject({ ok: false, reason: 'out-of-range' });
  });

  it('allows spans that split a grapheme cluster', () => {
    expect(validateSpan(FAMILY, { start: 0, end: 1, quote: '👩' }).ok).toBe(true);
    expect(validateSpan('بِ', { start: 0, end: 1, quote: 'ب' }).ok).toBe(true);
  });

  it('names each problem', () => {
    const t = 'hello';
    expect(validateSpan(t, { start: 0, end: 6 })).toEqual({
      ok: false,
      reason: 'out-of-range',
      message: 'span [0,6) is outside the text of 5 code points',
    });
    expect(validateSpan(t, { start: -1, end: 2 })).toMatchObject({ reason: 'out-of-range' });
    expect(validateSpan(t, { start: 1.5, end: 2 })).toMatchObject({ reason: 'out-of-range' });
    expect(validateSpan(t, { start: 3, end: 1 })).toEqual({
      ok: false,
      reason: 'reversed',
      message: 'span [3,1) ends before it starts',
    });
    expect(validateSpan(t, { start: 2, end: 2 })).toEqual({
      ok: false,
      reason: 'empty',
      message: 'span [2,2) is empty',
    });
  });

  it('reports quote mismatches precisely', () => {
    expect(validateSpan('hello world', { start: 6, end: 11, quote: 'word' })).toEqual({
      ok: false,
      reason: 'quote-mismatch',
      message: "quote 'word' does not match text 'world' at [6,11); first difference at offset 9",
    });
    // Decomposed and composed é print alike; the message says why they differ.
    expect(validateSpan('café', { start: 0, end: 4, quote: 'cafe\u0301' })).toMatchObject({
      reason: 'quote-mismatch',
      message: expect.stringContaining('the quote is not NFC-normalised'),
    });
    // Invisible characters are escaped so the two sides never look the same.
    const zwj = validateSpan(FAMILY, { start: 0, end: 3, quote: '👩👩' });
    expect(zwj).toMatchObject({
      message: "quote '👩👩' does not match text '👩\\u{200D}👩' at [0,3); first difference at offset 1",
    });
    const long = validateSpan('x'.repeat(100), { start: 0, end: 100, quote: 'y' });
    expect(long).toMatchObject({ message: expect.stringContaining("…' (100 code points)") });
  });

  itProperty('accepts exactly the spans whose quote matches', () => {
    const span = withRange(text).chain(({ text: t, start, end }) => {
      const actual = Array.from(t).slice(start, end).join('');
      return fc
        .oneof(fc.constant(actual), fc.constant(actual.normalize('NFD')), fc.constant(`${actual}x`), fc.string({ unit: 'grapheme', maxLength: 4 }))
        .map((quote) => ({ t, start, end, quote, actual }));
    });
    fc.assert(
      fc.property(span, ({ t, start, end, quote, actual }) => {
        const result = validateSpan(t, { start, end, quote });
        if (start === end) expect(result).toMatchObject({ ok: false, reason: 'empty' });
        else if (quote === actual) expect(result).toEqual({ ok: true, quote });
        else expect(result).toMatchObject({ ok: false, reason: 'quote-mismatch' });
        if (start < end) expect(validateSpan(t, { start, end })).toEqual({ ok: true, quote: actual });
      }),
      RUNS,
    );
  });
});

describe('snapToGraphemes', () => {
  it('widens to whole emoji sequences, flags and combining sequences', () => {
    const t = `a${FAMILY}${FLAG}b`;
    expect(snapToGraphemes(t, 2, 3)).toEqual({ start: 1, end: 6 });
    expect(snapToGraphemes(t, 6, 7)).toEqual({ start: 6, end: 8 });
    expect(snapToGraphemes('بِسم', 0, 1)).toEqual({ start: 0, end: 2 });
    const devanagari = 'हिन्दी';
    expect(snapToGraphemes(devanagari, 0, 1)).toEqual({ start: 0, end: 2 });
    expect(snapToGraphemes(t, 1, 1)).toEqual({ start: 1, end: 1 });
    expect(snapToGraphemes(t, 3, 3)).toEqual({ start: 1, end: 6 });
    expect(() => snapToGraphemes(t, 3, 2)).toThrow(RangeError);
  });

  itProperty('returns the smallest containing range of whole clusters', () => {
    const segmenter = new Intl.Segmenter('und', { granularity: 'grapheme' });
    fc.assert(
      fc.property(withRange(text), ({ text: t, start, end }) => {
        const boundaries = new Set([0]);
        let cp = 0;
        for (const { segment } of segmenter.segment(t)) boundaries.add((cp += Array.from(segment).length));
        const snapped = snapToGraphemes(t, start, end);
        expect(boundaries.has(snapped.start) && boundaries.has(snapped.end)).toBe(true);
        expect(snapped.start <= start && end <= snapped.end).toBe(true);
        const inner = [...boundaries].filter((b) => b > snapped.start && b < snapped.end);
        expect(inner.every((b) => b > start && b < end)).toBe(true);
        expect(snapToGraphemes(t, snapped.start, snapped.end)).toEqual(snapped);
      }),
      RUNS,
    );
  });
});

describe('snapToWords', () => {
  it('widens to whole words and trims whitespace', () => {
    expect(snapToWords('hello world', 2, 8)).toEqual({ start: 0, end: 11 });
    expect(snapToWords('hello world', 5, 7)).toEqual({ start: 6, end: 11 });
    expect(snapToWords('  hi  ', 0, 6)).toEqual({ start: 2, end: 4 });
    expect(snapToWords('a   b', 1, 3)).toEqual({ start: 4, end: 4 });
    expect(snapToWords('hello world', 8, 8)).toEqual({ start: 6, end: 11 });
  });

  it('handles RTL scripts and emoji', () => {
    expect(snapToWords(URDU, 12, 13)).toEqual({ start: 11, end: 15 });
    expect(sliceByCodePoints(URDU, 11, 15)).toBe('وزیر');
    expect(snapToWords(PASHTO, 4, 14)).toEqual({ start: 2, end: 18 });
    const t = `hi ${FAMILY} there`;
    expect(snapToWords(t, 4, 5)).toEqual({ start: 3, end: 8 });
  });

  it('keeps a ZWNJ inside an Urdu word', () => {
    const t = 'ان\u200Cکا گھر';
    expect(snapToWords(t, 0, 1)).toEqual({ start: 0, end: 5 });
  });

  itProperty('contains the trimmed selection, has no outer whitespace and is stable', () => {
    fc.assert(
      fc.property(withRange(text), ({ text: t, start, end }) => {
        const chars = Array.from(t);
        const snapped = snapToWords(t, start, end);
        let [s, e] = [start, end];
        while (s < e && isWhitespace(chars[s]!)) s++;
        while (e > s && isWhitespace(chars[e - 1]!)) e--;
        if (s < e) expect(snapped.start <= s && e <= snapped.end).toBe(true);
        if (snapped.start < snapped.end) {
          expect(isWhitespace(chars[snapped.start]!)).toBe(false);
          expect(isWhitespace(chars[snapped.end - 1]!)).toBe(false);
        }
        expect(snapToWords(t, snapped.start, snapped.end)).toEqual(snapped);
      }),
      RUNS,
    );
  });
});

describe('splitParagraphs', () => {
  it('splits on blank lines and keeps single line breaks inside a paragraph', () => {
    const t = 'one\ntwo\n\n  three  \n \t \nfour\n';
    expect(splitParagraphs(t)).toEqual([
      { start: 0, end: 7, text: 'one\ntwo' },
      { start: 9, end: 18, text: '  three  ' },
      { start: 23, end: 27, text: 'four' },
    ]);
  });

  it('returns nothing for empty or blank text', () => {
    expect(splitParagraphs('')).toEqual([]);
    expect(splitParagraphs(' \n\n\t')).toEqual([]);
  });

  it('uses code point offsets in RTL and emoji text', () => {
    const t = `${URDU}\n\n${FAMILY} ${PASHTO}`;
    const [first, second] = splitParagraphs(t);
    expect(first).toEqual({ start: 0, end: 20, text: URDU });
    expect(second).toEqual({ start: 22, end: 46, text: `${FAMILY} ${PASHTO}` });
  });

  itProperty('covers every non-blank character exactly once', () => {
    fc.assert(
      fc.property(text, (t) => {
        const chars = Array.from(t);
        const paragraphs = splitParagraphs(t);
        const owner = new Array<number>(chars.length).fill(-1);
        paragraphs.forEach((p, k) => {
          expect(p.start).toBeLessThan(p.end);
          expect(p.text).toBe(chars.slice(p.start, p.end).join(''));
          expect(p.start === 0 || chars[p.start - 1] === '\n').toBe(true);
          expect(p.end === chars.length || chars[p.end] === '\n').toBe(true);
          for (const line of p.text.split('\n')) expect(/^\p{White_Space}*$/u.test(line)).toBe(false);
          for (let i = p.start; i < p.end; i++) {
            expect(owner[i]).toBe(-1);
            owner[i] = k;
          }
        });
        chars.forEach((c, i) => {
          if (owner[i] === -1) expect(isWhitespace(c)).toBe(true);
        });
        for (let k = 1; k < paragraphs.length; k++) {
          expect(paragraphs[k]!.start).toBeGreaterThan(paragraphs[k - 1]!.end + 1);
        }
      }),
      RUNS,
    );
  });
});

/**
 * ProseMirror positions computed the slow way: walk the document token by token, one position
 * per block boundary and per UTF-16 unit.
 */
function naivePositions(t: string) {
  const chars = Array.from(t);
  const paragraphs = splitParagraphs(t);
  const posOf = new Map<number, number>();
  let pos = 0;
  for (const p of paragraphs) {
    pos += 1; // opening token
    for (let cp = p.start; cp < p.end; cp++) {
      posOf.set(cp, pos);
      pos += chars[cp]!.length;
    }
    posOf.set(p.end, pos);
    pos += 1; // closing token
  }
  return { paragraphs, posOf, size: pos };
}

describe('buildSegmentTable', () => {
  it('maps offsets into paragraph blocks', () => {
    const table = buildSegmentTable('ab\n\ncd');
    expect(table.size).toBe(8);
    expect(table.toEditorPos(0)).toBe(1);
    expect(table.toEditorPos(2)).toBe(3);
    expect(table.toEditorPos(4)).toBe(5);
    expect(table.toEditorPos(6)).toBe(7);
    expect(table.fromEditorPos(5)).toBe(4);
  });

  it('moves gap offsets and between-block positions by bias', () => {
    const table = buildSegmentTable('\n\nab\n \ncd\n\n');
    // paragraphs: 'ab' [2,4) and 'cd' [7,9); positions: ab 1..3, cd 5..7, size 8
    expect(table.toEditorPos(0, 'start')).toBe(1);
    expect(table.toEditorPos(0, 'end')).toBe(1);
    expect(table.toEditorPos(5, 'start')).toBe(5);
    expect(table.toEditorPos(5, 'end')).toBe(3);
    expect(table.toEditorPos(11, 'start')).toBe(7);
    expect(table.toEditorPos(11, 'end')).toBe(7);
    expect(table.fromEditorPos(0)).toBe(2);
    expect(table.fromEditorPos(4, 'start')).toBe(7);
    expect(table.fromEditorPos(4, 'end')).toBe(4);
    expect(table.fromEditorPos(8, 'start')).toBe(9);
    expect(() => table.fromEditorPos(9)).toThrow(RangeError);
    expect(() => table.toEditorPos(12)).toThrow(RangeError);
  });

  it('counts UTF-16 units inside paragraphs and keeps inner line breaks', () => {
    const t = `${FAMILY}\n${URDU}\n\n${FLAG}x`;
    const table = buildSegmentTable(t);
    expect(table.paragraphs.map((p) => p.text)).toEqual([`${FAMILY}\n${URDU}`, `${FLAG}x`]);
    expect(table.toEditorPos(5)).toBe(9); // the inner '\n', after 8 units of emoji
    expect(table.toEditorPos(6)).toBe(10);
    const flagStart = codePointLength(`${FAMILY}\n${URDU}\n\n`);
    const secondBlock = FAMILY.length + 1 + URDU.length + 2;
    expect(table.toEditorPos(flagStart)).toBe(secondBlock + 1);
    expect(table.toEditorPos(flagStart + 2)).toBe(secondBlock + 5);
    expect(() => table.fromEditorPos(2)).toThrow(/surrogate pair/);
  });

  it('maps everything to 0 when there are no paragraphs', () => {
    const table = buildSegmentTable(' \n\n ');
    expect(table.size).toBe(0);
    expect(table.toEditorPos(2, 'end')).toBe(0);
    expect(table.fromEditorPos(0)).toBe(0);
  });

  itProperty('matches a token walk and round-trips every offset inside paragraphs', () => {
    fc.assert(
      fc.property(text, (t) => {
        const table = buildSegmentTable(t);
        const { paragraphs, posOf, size } = naivePositions(t);
        expect(table.size).toBe(size);
        for (const [cp, pos] of posOf) {
          expect(table.toEditorPos(cp)).toBe(pos);
          expect(table.toEditorPos(cp, 'end')).toBe(pos);
          expect(table.fromEditorPos(pos)).toBe(cp);
        }
        const textPositions = new Set(posOf.values());
        for (let pos = 0; pos <= size; pos++) {
          if (textPositions.has(pos)) continue;
          // Either between blocks, or inside a surrogate pair.
          const between = paragraphs.some((_, k) => posOf.get(paragraphs[k]!.start) === pos + 1);
          if (paragraphs.length === 0) {
            expect(table.fromEditorPos(pos)).toBe(0);
          } else if (between || pos === size) {
            const before = table.fromEditorPos(pos, 'end');
            const after = table.fromEditorPos(pos, 'start');
            expect(posOf.get(before)).toBe(pos === 0 ? 1 : pos - 1);
            expect(posOf.get(after)).toBe(pos === size ? size - 1 : pos + 1);
          } else {
            expect(() => table.fromEditorPos(pos)).toThrow(RangeError);
          }
        }
        const length = Array.from(t).length;
        for (let cp = 0; cp <= length; cp++) {
          if (posOf.has(cp)) continue;
          const next = paragraphs.find((p) => p.start > cp);
          const previous = paragraphs.findLast((p) => p.end < cp);
          const nextPos = next && posOf.get(next.start);
          const previousPos = previous && posOf.get(previous.end);
          expect(table.toEditorPos(cp, 'start')).toBe(nextPos ?? previousPos ?? 0);
          expect(table.toEditorPos(cp, 'end')).toBe(previousPos ?? nextPos ?? 0);
        }
      }),
      RUNS,
    );
  });
});
