import { describe, expect, it } from 'vitest';
import { describeLosses } from '@/components/export/losses';

describe('what a download leaves out, from the card notes', () => {
  it('names nested and wordless spans with their counts, and nothing when none are lost', () => {
    expect(describeLosses({ droppedNested: 3, droppedUntokenized: 1, tokensSplit: 9 })).toEqual([
      '3 nested spans will not be in this file (one entity per word: the outermost is kept).',
      '1 span with no word (only spaces) will not be in this file.',
    ]);
    expect(describeLosses({ droppedNested: 1 })).toEqual(['1 nested span will not be in this file (one entity per word: the outermost is kept).']);
    expect(describeLosses({ droppedNested: 0, droppedUntokenized: 0 })).toEqual([]);
    expect(describeLosses({})).toEqual([]);
  });
});
