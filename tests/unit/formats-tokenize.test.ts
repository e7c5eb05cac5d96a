import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { tokenize } from '@/lib/tokenize';

const texts = (text: string) => tokenize(text).map((sentence) => sentence.tokens.map((token) => token.text));
const rebuild = (text: string) =>
  texts(text)
    .map((tokens) => tokens.join(' '))
    .join('\n');

// Property runs take a second or two; leave headroom for a loaded machine.
const PROPERTY_TIMEOUT = 30_000;

describe('tokenize', () => {
  it('gives code point offsets, also after astral characters, and never a token with whitespace', () => {
    const text = "👍🏽 Talks in Doha 🇵🇰: Pakistan's army.";
    const points = Array.from(text);
    const [sentence] = tokenize(text);
    expect(sentence?.tokens.map((token) => token.text)).toEqual(['👍🏽', 'Talks', 'in', 'Doha', '🇵🇰', ':', "Pakistan's", 'army', '.']);
    for (const token of sentence?.tokens ?? []) expect(points.slice(token.start, token.end).join('')).toBe(token.text);
    expect(sentence?.tokens[3]).toEqual({ text: 'Doha', start: 12, end: 16 });
  });

  it('keeps combining marks, ZWJ sequences and Arabic script words whole', () => {
    expect(texts('The q\u0307ari of بِلال, 👨‍👩‍👧 and پښتونخوا')).toEqual([['The', 'q\u0307ari', 'of', 'بِلال', ',', '👨‍👩‍👧', 'and', 'پښتونخوا']]);
  });

  it('ends a sentence at every line break and at ICU sentence ends, Urdu full stop included', () => {
    expect(texts('One two. Three\nfour\n\nامن ہمارا حق ہے۔ سوله')).toEqual([
      ['One', 'two', '.'],
      ['Three'],
      ['four'],
      ['امن', 'ہمارا', 'حق', 'ہے', '۔'],
      ['سوله'],
    ]);
  });

  it('attaches sentences of punctuation or emoji only to a neighbouring sentence', () => {
    expect(texts('He said "Stop." Then he left. 🙂')).toEqual([
      ['He', 'said', '"', 'Stop', '.', '"'],
      ['Then', 'he', 'left', '.', '🙂'],
    ]);
    expect(texts('...3.5 million')).toEqual([['.', '.', '.', '3.5', 'million']]);
    expect(texts('!!!')).toEqual([['!', '!', '!']]);
  });

  it(
    'splits text rebuilt from its tokens into the same tokens and sentences (property)',
    () => {
      fc.assert(
        fc.property(fc.string({ unit: 'grapheme', maxLength: 60 }), (raw) => {
          const text = raw.normalize('NFC');
          expect(texts(rebuild(text))).toEqual(texts(text));
        }),
        { numRuns: 2000 },
      );
    },
    PROPERTY_TIMEOUT,
  );
});
