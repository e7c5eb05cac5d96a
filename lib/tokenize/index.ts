/**
 * The one tokenizer and sentence splitter behind every token-based export (CoNLL, Hugging Face),
 * so that token and sentence boundaries agree across formats.
 *
 * Rules, in order:
 * 1. A line break (LF, CR, CRLF, U+0085, U+2028, U+2029) always ends a sentence: paragraphs and
 *    lines never share one.
 * 2. Tokens are ICU word segments (`Intl.Segmenter`, granularity 'word') of each line, without
 *    whitespace: every maximal run of non-whitespace characters inside a word segment is one
 *    token (a word, a number, one punctuation mark, one emoji cluster). No token contains
 *    whitespace.
 * 3. Sentences are ICU sentence segments (granularity 'sentence') of the line's tokens rejoined,
 *    not of the raw line; a token belongs to the segment its first character falls in. Tokens are
 *    rejoined with one space, except that closing punctuation (Unicode Pe and Pf, and every second
 *    " or ' of the line) is glued to the token before it, so ICU sees `Stop."` and keeps the quote
 *    in the sentence it closes. Sentences therefore depend on the tokens alone, and text rebuilt
 *    from tokens (as a CoNLL reader must) splits exactly as the original did.
 * 4. A sentence without any word-like token (only punctuation, symbols or emoji) joins the
 *    sentence before it on the same line, or the one after it when it opens the line.
 *
 * Offsets are Unicode code points into `text`, end-exclusive. The locale is pinned to 'en' rather
 * than 'und', which resolves to the host's default locale; ICU's word and sentence rules are the
 * same for the scripts we meet (Latin, Arabic), so output depends on the text and on the ICU
 * version bundled with Node only. Scripts segmented by dictionary (Thai, Khmer, Chinese,
 * Japanese) may re-segment differently once spaces separate their tokens.
 */

export interface Token {
  text: string;
  start: number;
  end: number;
}

export interface Sentence {
  start: number;
  end: number;
  tokens: Token[];
}

interface LineToken extends Token {
  wordLike: boolean;
}

const LOCALE = 'en';
const sentenceSegmenter = new Intl.Segmenter(LOCALE, { granularity: 'sentence' });
const wordSegmenter = new Intl.Segmenter(LOCALE, { granularity: 'word' });
const LINE_BREAK = /\r\n|[\n\r\u0085\u2028\u2029]/g;
const NON_SPACE = /\S+/g;
const SPACE = /\s/;
const CLOSING = /^[\p{Pe}\p{Pf}]+$/u;
const STRAIGHT_QUOTE = /^["']$/;

/** Maps increasing UTF-16 indices of `text` to code point offsets in one forward pass. */
function codePointCursor(text: string): (utf16Index: number) => number {
  let unit = 0;
  let point = 0;
  return (utf16Index) => {
    for (; unit < utf16Index; unit++) {
      const code = text.charCodeAt(unit);
      const isTrailingHalf = code >= 0xdc00 && code <= 0xdfff && unit > 0 && isLeadingHalf(text.charCodeAt(unit - 1));
      if (!isTrailingHalf) point++;
    }
    return point;
  };
}

function isLeadingHalf(code: number): boolean {
  return code >= 0xd800 && code <= 0xdbff;
}

function* lines(text: string): Generator<{ index: number; line: string }> {
  let index = 0;
  for (const match of text.matchAll(LINE_BREAK)) {
    yield { index, line: text.slice(index, match.index) };
    index = match.index + match[0].length;
  }
  yield { index, line: text.slice(index) };
}

/**
 * V8's word segmentation slows down faster than the line grows (a 4,700-character line costs ~4 ms,
 * forty 118-character lines ~0.5 ms together), so long lines are segmented in pieces of about this
 * many UTF-16 units. A piece ends between a space and a letter or digit: no word rule joins those
 * two, so the boundaries and segments are exactly those of the whole line.
 */
const PIECE = 200;
const PIECE_END = / (?=[\p{L}\p{N}])/gu;

function* pieces(line: string): Generator<{ index: number; piece: string }> {
  let index = 0;
  while (line.length - index > PIECE) {
    PIECE_END.lastIndex = index + PIECE;
    const cut = PIECE_END.exec(line);
    if (!cut) break;
    yield { index, piece: line.slice(index, cut.index + 1) };
    index = cut.index + 1;
  }
  yield { index, piece: line.slice(index) };
}

function lineTokens(line: string, lineIndex: number, toPoint: (utf16Index: number) => number): LineToken[] {
  const tokens: LineToken[] = [];
  for (const { index, piece } of pieces(line))
    for (const word of wordSegmenter.segment(piece)) {
      const from = lineIndex + index + word.index;
      const wordLike = word.isWordLike === true;
      // Most segments are one word or mark without whitespace, i.e. one run: no regex iterator needed.
      if (!SPACE.test(word.segment)) tokens.push(lineToken(word.segment, from, toPoint, wordLike));
      else for (const run of word.segment.matchAll(NON_SPACE)) tokens.push(lineToken(run[0], from + run.index, toPoint, wordLike));
    }
  return tokens;
}

function lineToken(text: string, from: number, toPoint: (utf16Index: number) => number, wordLike: boolean): LineToken {
  return { text, start: toPoint(from), end: toPoint(from + text.length), wordLike };
}

/** Rule 3's rejoined line, with the UTF-16 index of each token in it. */
function rejoin(tokens: readonly LineToken[]): { joined: string; starts: number[] } {
  const openQuotes = new Set<string>();
  let joined = '';
  const starts = tokens.map((token) => {
    let closes = CLOSING.test(token.text);
    if (STRAIGHT_QUOTE.test(token.text)) {
      closes = openQuotes.delete(token.text);
      if (!closes) openQuotes.add(token.text);
    }
    if (joined !== '' && !closes) joined += ' ';
    const start = joined.length;
    joined += token.text;
    return start;
  });
  return { joined, starts };
}

/** Rules 3 and 4: groups a line's tokens into sentences. */
function lineSentences(tokens: LineToken[]): LineToken[][] {
  const { joined, starts } = rejoin(tokens);
  const groups: LineToken[][] = [];
  let next = 0;
  for (const segment of sentenceSegmenter.segment(joined)) {
    const end = segment.index + segment.segment.length;
    const group: LineToken[] = [];
    for (let token = tokens[next]; token && (starts[next] ?? end) < end; token = tokens[next]) {
      group.push(token);
      next++;
    }
    if (group.length > 0) groups.push(group);
  }
  const sentences: LineToken[][] = [];
  let opening: LineToken[] = [];
  for (const group of groups) {
    const previous = sentences[sentences.length - 1];
    if (group.some((token) => token.wordLike)) {
      sentences.push([...opening, ...group]);
      opening = [];
    } else if (previous) {
      previous.push(...group);
    } else {
      opening.push(...group);
    }
  }
  if (opening.length > 0) sentences.push(opening);
  return sentences;
}

export function tokenize(text: string): Sentence[] {
  const toPoint = codePointCursor(text);
  const sentences: Sentence[] = [];
  for (const { index, line } of lines(text)) {
    for (const group of lineSentences(lineTokens(line, index, toPoint))) {
      const tokens = group.map(({ text: tokenText, start, end }) => ({ text: tokenText, start, end }));
      sentences.push({ start: tokens[0]?.start ?? 0, end: tokens[tokens.length - 1]?.end ?? 0, tokens });
    }
  }
  return sentences;
}

/**
 * Bump when the rules above change what `tokenize` returns, so that token boundaries stored per
 * document (see `storedTokens`) are recomputed.
 */
const TOKENIZER_RULES_VERSION = 1;

/**
 * Names the tokenizer behind stored tokens: the rules plus the ICU version bundled with Node,
 * because an ICU upgrade can move word and sentence boundaries without any change here.
 */
export const TOKENIZER_VERSION = `glossa-${TOKENIZER_RULES_VERSION}+icu-${process.versions.icu}`;

/**
 * Tokens that came with a document's source (a CoNLL file's own tokens and sentences) are stored
 * under `source:<format>` instead: they are the data, so no tokenizer change makes them stale.
 */
export const SOURCE_TOKENIZER_PREFIX = 'source:';

/** Whether tokens stored under this tokenizer name are what an export or report should use now. */
export function isCurrentTokenizer(tokenizer: string | null): boolean {
  return tokenizer === TOKENIZER_VERSION || (tokenizer?.startsWith(SOURCE_TOKENIZER_PREFIX) ?? false);
}

/**
 * `tokenize(text)` in the compact form stored with each document (texts never change, and
 * tokenizing is the costly step of token-level agreement): `tokenOffsets` holds each token's
 * [start, end) code points one after the other, `sentenceStarts` the index of each sentence's
 * first token. Sentences are never empty and token texts are slices of `text`, so nothing of
 * `tokenize`'s output is lost.
 */
interface StoredTokens {
  tokenOffsets: number[];
  sentenceStarts: number[];
  tokenizer: string;
}

export function storedTokens(text: string): StoredTokens {
  const tokenOffsets: number[] = [];
  const sentenceStarts: number[] = [];
  for (const sentence of tokenize(text)) {
    sentenceStarts.push(tokenOffsets.length / 2);
    for (const token of sentence.tokens) tokenOffsets.push(token.start, token.end);
  }
  return { tokenOffsets, sentenceStarts, tokenizer: TOKENIZER_VERSION };
}
