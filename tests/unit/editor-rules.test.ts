import { describe, expect, it } from 'vitest';
import type { Span } from '@/lib/editor/model';
import { selectionRange, stancesTargeting } from '@/lib/editor/rules';
import { buildSegmentTable } from '@/lib/offsets';

const person: Span = { key: 'p', labelId: 'PERSON', start: 4, end: 21, quote: 'Hafiz Gul Bahadur', target: null, attributes: {}, unsure: false, note: null };
const org: Span = { key: 'o', labelId: 'ORG', start: 4, end: 27, quote: 'Hafiz Gul Bahadur group', target: null, attributes: {}, unsure: false, note: null };

describe('span rules', () => {
  it('lists the stance spans that target a span', () => {
    const stance: Span = { ...person, key: 's', labelId: 'AGAINST', target: { kind: 'span', key: 'o' } };
    expect(stancesTargeting([person, org, stance], 'o')).toEqual([stance]);
    expect(stancesTargeting([person, org, stance], 'p')).toEqual([]);
  });

  it('snaps a selection to words or graphemes and maps it to code points', () => {
    const text = 'پاکستان کے وزیر اعظم 👩‍👩‍👧 ok';
    const table = buildSegmentTable(text);
    // Editor positions are UTF-16 offsets + 1 in a single paragraph: select "ستا" inside the first word.
    expect(selectionRange(text, table, 3, 6, true)).toEqual({ start: 0, end: 7 });
    const emoji = text.indexOf('👩');
    // Half of the family emoji widens to all of it with grapheme snapping.
    expect(selectionRange(text, table, emoji + 1, emoji + 3, false)).toEqual({ start: [...text].indexOf('👩'), end: [...text].indexOf('👩') + 5 });
    expect(selectionRange(text, table, 8, 9, true)).toBeNull(); // only a space
  });
});
