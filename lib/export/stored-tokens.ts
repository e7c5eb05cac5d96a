import type { Sentence, Token } from '@/lib/tokenize';

/**
 * lib/tokenize's sentences for a text, rebuilt from the token boundaries stored with its document
 * at import (lib/tokenize storedTokens, as PostgreSQL writes int[] as text): every token's
 * [start, end) code points one after the other, and each sentence's first token index.
 * Tokenizing is most of what a CoNLL or HF export costs, so the export reads them instead.
 * Boundaries that do not fit the text (out of order, past its end) give undefined, and the
 * writer tokenizes.
 */
export function storedSentences(text: string, tokenOffsets: string, sentenceStarts: string): Sentence[] | undefined {
  const bounds = integers(tokenOffsets);
  const firsts = integers(sentenceStarts);
  if (!bounds || !firsts || bounds.length % 2 !== 0 || (firsts.length > 0 && firsts[0] !== 0)) return undefined;
  // Code point → UTF-16 index, moving forward only: tokens come in text order.
  let point = 0;
  let unit = 0;
  const unitAt = (target: number): number | undefined => {
    for (; point < target; point++) {
      if (unit >= text.length) return undefined;
      const code = text.charCodeAt(unit++);
      if (code >= 0xd800 && code <= 0xdbff) {
        const next = text.charCodeAt(unit);
        if (next >= 0xdc00 && next <= 0xdfff) unit++;
      }
    }
    return point === target ? unit : undefined;
  };
  const sentences: Sentence[] = [];
  const tokenCount = bounds.length / 2;
  for (let sentence = 0; sentence < firsts.length; sentence++) {
    const first = firsts[sentence]!;
    const end = firsts[sentence + 1] ?? tokenCount;
    if (!(first < end && end <= tokenCount)) return undefined;
    const tokens: Token[] = [];
    for (let token = first; token < end; token++) {
      const start = bounds[2 * token]!;
      const stop = bounds[2 * token + 1]!;
      const from = unitAt(start);
      const to = from === undefined || stop <= start ? undefined : unitAt(stop);
      if (to === undefined) return undefined;
      tokens.push({ text: text.slice(from, to), start, end: stop });
    }
    sentences.push({ start: tokens[0]!.start, end: tokens[tokens.length - 1]!.end, tokens });
  }
  return sentences;
}

/** `{1,2,3}` → [1, 2, 3]: non-negative integers only, undefined for anything else. */
function integers(literal: string): number[] | undefined {
  if (literal.charCodeAt(0) !== 0x7b || literal.charCodeAt(literal.length - 1) !== 0x7d) return undefined;
  const values: number[] = [];
  if (literal.length === 2) return values;
  let value = 0;
  let digits = 0;
  for (let at = 1; at < literal.length; at++) {
    const code = literal.charCodeAt(at);
    if (code >= 0x30 && code <= 0x39) {
      value = value * 10 + code - 0x30;
      digits++;
    } else if ((code === 0x2c || code === 0x7d) && digits > 0) {
      values.push(value);
      value = 0;
      digits = 0;
    } else {
      return undefined;
    }
  }
  return values;
}
