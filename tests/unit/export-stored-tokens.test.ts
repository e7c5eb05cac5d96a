import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { storedSentences } from '@/lib/export/stored-tokens';
import { storedTokens, tokenize } from '@/lib/tokenize';
import { SAMPLE_DOCUMENTS } from '../support/formats-sample';

/** The stored tokens of a text as PostgreSQL writes the two int[] columns. */
function stored(text: string): [string, string] {
  const { tokenOffsets, sentenceStarts } = storedTokens(text);
  return [`{${tokenOffsets.join(',')}}`, `{${sentenceStarts.join(',')}}`];
}

describe('storedSentences', () => {
  it('rebuilds what tokenize returns, astral characters and line breaks included', () => {
    for (const text of [...SAMPLE_DOCUMENTS.map((doc) => doc.text), '', '👍🏽 a\n\nb. C d 🇵🇰!']) {
      expect(storedSentences(text, ...stored(text))).toEqual(tokenize(text));
    }
  });

  it('rebuilds what tokenize returns for any text (property)', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme', maxLength: 60 }), (text) => {
        expect(storedSentences(text, ...stored(text))).toEqual(tokenize(text));
      }),
      { numRuns: 300 },
    );
  }, 30_000);

  it('gives up on boundaries that do not fit the text, so the writer tokenizes', () => {
    expect(storedSentences('ab cd', '{0,2,3,9}', '{0}')).toBeUndefined();
    expect(storedSentences('ab cd', '{3,5,0,2}', '{0}')).toBeUndefined();
    expect(storedSentences('ab cd', '{0,2,3,5}', '{0,2}')).toBeUndefined();
    expect(storedSentences('ab cd', '{0,2,3}', '{0}')).toBeUndefined();
    expect(storedSentences('ab cd', '{0,x}', '{0}')).toBeUndefined();
    expect(storedSentences('ab cd', '{0,2,3,5}', '{0}')).toEqual(tokenize('ab cd'));
  });
});
