import { snapRange } from '@/lib/editor/rules';
import type { CodePointRange } from '@/lib/offsets';

/** What moving a gold span to a text selection sends: the changed offsets with the version the curator saw. */
export type BoundaryPlan = { ok: true; range: CodePointRange; change: { version: number; start?: number; end?: number } } | { ok: false; reason: string };

/**
 * The update that moves `span` to the curator's selection [start, end) (code points), snapped
 * as the editor snaps. The server still checks the version and the annotation rules (overlap
 * policy, stance targets); this only refuses what would send nothing sensible.
 */
export function boundaryPlan(
  text: string,
  span: { start: number; end: number; version: number },
  selection: CodePointRange,
  wholeWords: boolean,
): BoundaryPlan {
  const range = snapRange(text, selection.start, selection.end, wholeWords);
  if (!range) return { ok: false, reason: 'The selection holds no text to annotate; select at least one word.' };
  if (range.start === span.start && range.end === span.end) return { ok: false, reason: 'The gold span already has exactly these boundaries.' };
  return {
    ok: true,
    range,
    change: {
      version: span.version,
      ...(range.start !== span.start ? { start: range.start } : {}),
      ...(range.end !== span.end ? { end: range.end } : {}),
    },
  };
}
