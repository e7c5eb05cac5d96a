import { countBelow } from '@/lib/offsets';
import type { Sentence, Token } from './index';

/**
 * Fits sentences to the spans a token-based export must keep whole (CoNLL, CoNLL-U, HF, spaCy):
 * - a token boundary falls at every span boundary: a token that a span starts or ends inside is
 *   split there (`tokensSplit` counts the extra tokens), so no span grows to whole tokens;
 * - a sentence boundary never falls inside a span: the sentences on both sides are merged
 *   (`sentencesMerged` counts the breaks removed), because ICU ends sentences after "P." in
 *   "P. Simmons" and a split entity would be two entities in the output.
 * Offsets are code points, as everywhere in lib/tokenize. Formats that can carry a span across
 * sentences (WebAnno TSV) ask for the token splits only (`mergeSentences: false`).
 */

interface FittedSentences {
  sentences: Sentence[];
  tokensSplit: number;
  sentencesMerged: number;
}

interface Range {
  start: number;
  end: number;
}

export function fitSentences(sentences: readonly Sentence[], spans: readonly Range[], { mergeSentences = true } = {}): FittedSentences {
  if (spans.length === 0) return { sentences: [...sentences], tokensSplit: 0, sentencesMerged: 0 };
  const boundaries = [...new Set(spans.flatMap((span) => [span.start, span.end]))].sort((a, b) => a - b);
  let tokensSplit = 0;
  let next = 0;
  // Sentences without a split are passed on as they are: an export fits tens of millions of tokens.
  const split = sentences.map((sentence) => {
    const before = tokensSplit;
    const tokens: Token[] = [];
    for (const token of sentence.tokens) {
      while (next < boundaries.length && boundaries[next]! <= token.start) next++;
      let piece = token;
      for (; next < boundaries.length && boundaries[next]! < token.end; next++) {
        const [head, tail] = splitToken(piece, boundaries[next]!);
        tokens.push(head);
        piece = tail;
        tokensSplit++;
      }
      tokens.push(piece);
    }
    return tokensSplit === before ? sentence : { ...sentence, tokens };
  });

  if (!mergeSentences) return { sentences: split, tokensSplit, sentencesMerged: 0 };
  // joined[i]: sentence i continues sentence i - 1, because some span crosses the break between them.
  const starts = split.map((sentence) => sentence.start);
  const joined = new Array<boolean>(split.length).fill(false);
  for (const span of spans) {
    const first = sentenceAt(starts, span.start);
    const last = sentenceAt(starts, span.end - 1);
    for (let index = first + 1; index <= last; index++) joined[index] = true;
  }
  if (!joined.includes(true)) return { sentences: split, tokensSplit, sentencesMerged: 0 };
  const merged: Sentence[] = [];
  let sentencesMerged = 0;
  split.forEach((sentence, index) => {
    const previous = merged[merged.length - 1];
    if (joined[index] && previous) {
      previous.tokens.push(...sentence.tokens);
      previous.end = sentence.end;
      sentencesMerged++;
    } else {
      merged.push({ start: sentence.start, end: sentence.end, tokens: [...sentence.tokens] });
    }
  });
  return { sentences: merged, tokensSplit, sentencesMerged };
}

function splitToken(token: Token, at: number): [Token, Token] {
  const points = Array.from(token.text);
  const cut = at - token.start;
  return [
    { text: points.slice(0, cut).join(''), start: token.start, end: at },
    { text: points.slice(cut).join(''), start: at, end: token.end },
  ];
}

/** Index of the last sentence starting at or before `offset` (0 when none does). */
function sentenceAt(starts: readonly number[], offset: number): number {
  return Math.max(0, countBelow(starts.length, (i) => starts[i]! <= offset) - 1);
}

/** Index of the first of the ascending `values` that is at least `bound` (values.length if none): the token a span starts or ends in. */
export function firstAtLeast(values: readonly number[], bound: number): number {
  return countBelow(values.length, (i) => values[i]! < bound);
}
