import { describe, expect, it } from 'vitest';
import { buildSegmentTable } from '@/lib/offsets';
import { describeGhost, ghostAt, ghostsOf, nextGhost, sameLabel, type ServerSuggestion } from '@/lib/editor/suggestions';

const TEXT = 'Talks in Doha.\nPakistan and Doha';
const table = buildSegmentTable(TEXT);
const labels = new Map([
  ['gpe', { name: 'Location', color: '#123456' }],
  ['org', { name: 'Organisation', color: '#654321' }],
]);
const at = (quote: string, from = 0) => ({ start: TEXT.indexOf(quote, from), end: TEXT.indexOf(quote, from) + quote.length, quote });
const suggestion = (id: string, labelId: string, range: { start: number; end: number; quote: string }): ServerSuggestion => ({
  id,
  labelId,
  label: labelId.toUpperCase(),
  layer: 'ENTITY',
  recommender: 'Matcher',
  score: null,
  ...range,
});

const ghosts = ghostsOf(
  [
    suggestion('c', 'gpe', at('Doha', 10)),
    suggestion('a', 'gpe', at('Doha')),
    suggestion('b', 'org', at('Pakistan')),
    suggestion('d', 'org', at('Pakistan and Doha')),
  ],
  table,
  labels,
);

describe('ghost spans', () => {
  it('sorts ghosts by position in the editor, with their label’s name and colour', () => {
    expect(ghosts.map((g) => g.id)).toEqual(['a', 'd', 'b', 'c']);
    // The second paragraph starts one position later in the editor than in code points (paragraph boundaries).
    expect(ghosts[0]).toMatchObject({ from: table.toEditorPos(9, 'start'), to: table.toEditorPos(13, 'end'), labelName: 'Location', color: '#123456' });
    expect(ghosts[1]!.from).toBe(table.toEditorPos(15, 'start'));
  });

  it('finds the innermost ghost under a position, and none outside', () => {
    expect(ghostAt(ghosts, ghosts[2]!.from)?.id).toBe('b');
    expect(ghostAt(ghosts, ghosts[3]!.from + 1)?.id).toBe('c');
    expect(ghostAt(ghosts, ghosts[0]!.to)).toBeUndefined();
  });

  it('goes from ghost to ghost, from the caret when none is selected, wrapping at the ends', () => {
    expect(nextGhost(ghosts, undefined, 0, 1)?.id).toBe('a');
    expect(nextGhost(ghosts, undefined, ghosts[0]!.to, 1)?.id).toBe('d');
    expect(nextGhost(ghosts, undefined, 0, -1)?.id).toBe('c');
    expect(nextGhost(ghosts, ghosts[3], 0, 1)?.id).toBe('a');
    expect(nextGhost(ghosts, ghosts[1], 0, -1)?.id).toBe('a');
    expect(nextGhost([], undefined, 0, 1)).toBeUndefined();
  });

  it('counts a label’s ghosts and describes the selected one for screen readers', () => {
    expect(sameLabel(ghosts, 'gpe')).toBe(2);
    expect(describeGhost(ghosts, ghosts[2]!)).toBe('Suggestion 3 of 4: Organisation, “Pakistan”, from Matcher. Enter accepts, Backspace rejects.');
  });
});
