import { describe, expect, it } from 'vitest';
import { compromiseMapping, findEntities } from '@/lib/recommenders/kinds/compromise';

const text = '😀 Angela Merkel met the World Bank in Lahore.';
const quoted = (mapping: ReturnType<typeof compromiseMapping>) =>
  findEntities(text, mapping).map((s) => [Array.from(text).slice(s.start, s.end).join(''), s.label, s.start]);

describe('compromise kind', () => {
  it('maps people, places and organizations to PERSON, GPE and ORG by default, in code points, without trailing punctuation', () => {
    expect(quoted(compromiseMapping({}))).toEqual([
      ['Angela Merkel', 'PERSON', 2],
      ['World Bank', 'ORG', 24],
      ['Lahore', 'GPE', 38],
    ]);
  });

  it('follows the manager’s mapping, null leaving a class out', () => {
    expect(quoted(compromiseMapping({ mapping: { people: 'POLITICIAN', places: null } }))).toEqual([
      ['Angela Merkel', 'POLITICIAN', 2],
      ['World Bank', 'ORG', 24],
    ]);
  });
});
