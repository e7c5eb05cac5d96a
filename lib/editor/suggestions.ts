import type { ResponseOf } from '@/lib/api/client';
import type * as contracts from '@/lib/api/contracts/suggestions';
import type { SegmentTable } from '@/lib/offsets';

/**
 * Suggestions as the editor draws them: "ghost" spans in editor positions, and the pure
 * decisions about them (which ghost is under a click, which comes next from the caret, what to
 * announce). No framework here; components/editor/suggestions draws and wires them.
 */
/** The fields of a listed suggestion the editor uses, typed from the endpoint's contract. */
export type ServerSuggestion = Pick<
  ResponseOf<typeof contracts.listSuggestions>['items'][number],
  'id' | 'label' | 'labelId' | 'layer' | 'start' | 'end' | 'quote' | 'recommender' | 'score'
>;

export interface Ghost extends ServerSuggestion {
  /** Editor positions of the span. */
  from: number;
  to: number;
  labelName: string;
  color: string;
}

export function ghostsOf(suggestions: readonly ServerSuggestion[], table: SegmentTable, labels: ReadonlyMap<string, { name: string; color: string }>): Ghost[] {
  return suggestions
    .map((s) => ({
      ...s,
      from: table.toEditorPos(s.start, 'start'),
      to: table.toEditorPos(s.end, 'end'),
      labelName: labels.get(s.labelId)?.name ?? s.label,
      color: labels.get(s.labelId)?.color ?? '#888888',
    }))
    .sort((a, b) => a.from - b.from || b.to - a.to || a.id.localeCompare(b.id));
}

/** The ghost under an editor position; the innermost (shortest) when ghosts nest. */
export function ghostAt(ghosts: readonly Ghost[], pos: number): Ghost | undefined {
  return ghosts.filter((g) => g.from <= pos && pos < g.to).sort((a, b) => a.to - a.from - (b.to - b.from))[0];
}

/**
 * The ghost to go to from `current` (or, with none selected, from the caret): the next one
 * starting after it, or the previous one, wrapping around at the ends.
 */
export function nextGhost(ghosts: readonly Ghost[], current: Ghost | undefined, caret: number, direction: 1 | -1): Ghost | undefined {
  if (ghosts.length === 0) return undefined;
  const index = current ? ghosts.findIndex((g) => g.id === current.id) : -1;
  if (index >= 0) return ghosts[(index + direction + ghosts.length) % ghosts.length];
  const after = direction === 1 ? ghosts.find((g) => g.from >= caret) : [...ghosts].reverse().find((g) => g.from < caret);
  return after ?? (direction === 1 ? ghosts[0] : ghosts.at(-1));
}

/** How many ghosts share a label: the "accept all" button says how many it accepts. */
export function sameLabel(ghosts: readonly Ghost[], labelId: string): number {
  return ghosts.filter((g) => g.labelId === labelId).length;
}

/** What a screen reader hears when a ghost is selected. */
export function describeGhost(ghosts: readonly Ghost[], ghost: Ghost): string {
  const position = ghosts.findIndex((g) => g.id === ghost.id) + 1;
  return `Suggestion ${position} of ${ghosts.length}: ${ghost.labelName}, “${ghost.quote}”, from ${ghost.recommender}. Enter accepts, Backspace rejects.`;
}
