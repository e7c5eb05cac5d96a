import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { tokenize } from '@/lib/tokenize';
import { fitSentences } from '@/lib/tokenize/fit';

const at = (text: string, quote: string) => {
  const start = Array.from(text.slice(0, text.indexOf(quote))).length;
  return { start, end: start + Array.from(quote).length };
};

describe('fitSentences', () => {
  it('merges the sentences ICU ends inside an entity, and only those', () => {
    const text = 'He met P. Simmons today. Mrs. Doubtfire left. Rain fell.';
    const before = tokenize(text);
    const { sentences, sentencesMerged, tokensSplit } = fitSentences(before, [at(text, 'P. Simmons'), at(text, 'Mrs. Doubtfire')]);
    const texts = sentences.map((sentence) => sentence.tokens.map((token) => token.text).join(' '));
    expect(texts).toEqual(['He met P . Simmons today .', 'Mrs . Doubtfire left .', 'Rain fell .']);
    expect(sentencesMerged).toBe(before.length - 3);
    expect(tokensSplit).toBe(0);
  });

  it('cuts tokens at span boundaries inside them, in code points', () => {
    const text = '👍🏽Kabulis spoke';
    const { sentences, tokensSplit } = fitSentences(tokenize(text), [{ start: 2, end: 7 }]);
    expect(sentences[0]!.tokens.map((token) => [token.text, token.start, token.end])).toContainEqual(['Kabul', 2, 7]);
    expect(sentences[0]!.tokens.map((token) => token.text)).toContain('is');
    expect(tokensSplit).toBe(1);
  });

  it('puts a token boundary at every span boundary and no sentence boundary inside any span (property)', () => {
    const word = fc.constantFrom('P.', 'Simmons', 'Mr.', 'U.S.', 'Kabul', "Pakistan's", 'talks', '.', '!', '👍🏽', 'امن', 'D.', 'e.g.');
    const separator = fc.constantFrom(' ', ' ', '\n', '');
    const text = fc.array(fc.tuple(word, separator), { minLength: 1, maxLength: 20 }).map((parts) => parts.flat().join(''));
    const input = text.chain((t) => {
      const length = Array.from(t).length;
      const span = fc.tuple(fc.nat(length - 1), fc.integer({ min: 1, max: 15 })).map(([start, size]) => ({ start, end: Math.min(length, start + size) }));
      return fc.tuple(fc.constant(t), fc.array(span, { maxLength: 5 }));
    });
    fc.assert(
      fc.property(input, ([t, spans]) => {
        const points = Array.from(t);
        const { sentences } = fitSentences(tokenize(t), spans);
        const tokens = sentences.flatMap((sentence) => sentence.tokens);
        for (const token of tokens) expect(token.text).toBe(points.slice(token.start, token.end).join(''));
        for (const { start, end } of spans) {
          for (const token of tokens) {
            expect(token.start < start && start < token.end).toBe(false);
            expect(token.start < end && end < token.end).toBe(false);
          }
          const holding = sentences.filter((sentence) => sentence.tokens.some((token) => token.start < end && token.end > start));
          expect(holding.length).toBeLessThanOrEqual(1);
        }
      }),
    );
  });
});
