import { describe, expect, it } from 'vitest';
import { buildMatcher, fold } from '@/lib/recommenders/matcher';
import { aliasForms } from '@/lib/recommenders/kinds/string-match';

const spans = (text: string, forms: { text: string; label: string }[], caseSensitive = false) =>
  buildMatcher(forms, { caseSensitive })
    .match(text)
    .map((s) => [Array.from(text).slice(s.start, s.end).join(''), s.label, s.start, s.end]);

describe('string matcher', () => {
  it('matches on word boundaries only', () => {
    expect(spans('Pakistan and Pakistani, pakistan.', [{ text: 'Pakistan', label: 'GPE' }])).toEqual([
      ['Pakistan', 'GPE', 0, 8],
      ['pakistan', 'GPE', 24, 32],
    ]);
  });

  it('takes the longest match first and does not nest a shorter one inside it', () => {
    const forms = [
      { text: 'New York', label: 'GPE' },
      { text: 'New York Times', label: 'ORG' },
      { text: 'York', label: 'GPE' },
    ];
    expect(spans('The New York Times in New York; York.', forms)).toEqual([
      ['New York Times', 'ORG', 4, 18],
      ['New York', 'GPE', 22, 30],
      ['York', 'GPE', 32, 36],
    ]);
  });

  it('honours the case-sensitivity option', () => {
    const forms = [{ text: 'Apple', label: 'ORG' }];
    expect(spans('Apple sells apple pie', forms, true)).toEqual([['Apple', 'ORG', 0, 5]]);
    expect(spans('Apple sells apple pie', forms, false)).toEqual([
      ['Apple', 'ORG', 0, 5],
      ['apple', 'ORG', 12, 17],
    ]);
  });

  it('counts offsets in code points after emoji and keeps Urdu words and combining marks whole', () => {
    // "عمران" followed by "ی" is another word (عمرانی); a combining mark continues the word it follows.
    const text = '😀 عمران خان اور عمرانی 👍🏽 café cafe\u0301';
    const found = spans(text, [
      { text: 'عمران خان', label: 'PERSON' },
      { text: 'عمران', label: 'PERSON' },
      { text: 'cafe', label: 'ORG' },
    ]);
    expect(found).toEqual([['عمران خان', 'PERSON', 2, 11]]);
  });

  it('matches forms starting with punctuation and ending in a dot', () => {
    expect(
      spans('#MeToo and the U.S. said', [
        { text: '#MeToo', label: 'FRAME' },
        { text: 'U.S.', label: 'GPE' },
      ]),
    ).toEqual([
      ['#MeToo', 'FRAME', 0, 6],
      ['U.S.', 'GPE', 15, 19],
    ]);
  });

  it('scores a match with its surface form’s acceptance rate and proposes each label learned for it', () => {
    const matcher = buildMatcher(
      [
        { text: 'Khan', label: 'PERSON' },
        { text: 'Khan', label: 'ORG', forUserId: 'u1' },
      ],
      { caseSensitive: true },
    );
    expect(matcher.match('Khan', new Map([['Khan', 0.75]]))).toEqual([
      { start: 0, end: 4, label: 'PERSON', target: null, score: 0.75, forUserId: null },
      { start: 0, end: 4, label: 'ORG', target: null, score: 0.75, forUserId: 'u1' },
    ]);
  });

  it('folds case without changing offsets', () => {
    expect(fold('İstanbul ABC', false)).toHaveLength('İstanbul ABC'.length);
  });

  it('teaches a target’s label to its other names', () => {
    const targets = [{ id: 't', key: 'ik', name: 'Imran Khan', aliases: ['IK', 'Khan'], retired: false }];
    expect(aliasForms([{ text: 'imran khan', label: 'PERSON' }], targets, false).map((f) => f.text)).toEqual(['Imran Khan', 'IK', 'Khan']);
    expect(aliasForms([{ text: 'imran khan', label: 'PERSON' }], targets, true)).toEqual([]);
  });
});
