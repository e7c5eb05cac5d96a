import { snapToWords, type CodePointRange } from '@/lib/offsets';
import { isBlank } from '@/lib/offsets/whitespace';
import { createSpan, type CommandContext } from './commands';
import type { FindText } from './find';
import type { Op, Span } from './model';

/** Why a match gets no span, in the words the confirmation and the status line use. */
export type LeftOutReason = 'already labelled' | 'overlap' | 'snapping' | 'refused';

export interface LabelAllPlan {
  /** One createSpan per labelled match, in text order. */
  readonly ops: readonly Op[];
  readonly leftOut: ReadonlyMap<LeftOutReason, number>;
  /** The first refusal other than an overlap, word for word, so the user sees which rule it was. */
  readonly firstRefusal: string | null;
}

export interface LabelAllOptions {
  /** The project snaps selections to whole words: a match that would snap to other text is left out, not widened. */
  readonly snapToWords: boolean;
  /** The text the matches were found in (its word boundaries are already computed). */
  readonly find: FindText;
  readonly newKey: () => string;
}

/**
 * Whether snapping to words (lib/offsets/boundaries.ts) leaves `match` as it is. A match that
 * starts and ends on word boundaries, not on a blank, is kept by construction; only the others pay
 * for a real `snapToWords`, which segments the whole text each time (milliseconds per match).
 */
function keptBySnapping(find: FindText, match: CodePointRange): boolean {
  const { text } = find.index;
  const from = find.index.toUtf16(match.start);
  const to = find.index.toUtf16(match.end);
  if (find.isWordBoundary(from) && find.isWordBoundary(to) && !isBlank(text[from]!) && !isBlank(text[to - 1]!)) return true;
  const snapped = snapToWords(text, match.start, match.end);
  return snapped.start === match.start && snapped.end === match.end;
}

/**
 * For ranges asked in ascending order of start, the spans overlapping each: a sweep that keeps
 * only the spans that began before the range and have not ended before it.
 */
function overlapSweep(spans: Span[]): (range: CodePointRange) => Span[] {
  spans.sort((a, b) => a.start - b.start);
  let next = 0;
  let open: Span[] = [];
  return (range) => {
    while (next < spans.length && spans[next]!.start < range.end) open.push(spans[next++]!);
    open = open.filter((span) => span.end > range.start);
    return open;
  };
}

/**
 * What labelling every match with `labelId` would do: the spans to create and, for each match left
 * out, why. Each span is checked by the editor's own command (`createSpan`: the label, the stance
 * target, the overlap policy of lib/annotations/invariants.ts) against the current spans that
 * overlap it: for a span without a target the overlap rule is the only one that looks at other
 * spans, and it looks only at overlapping ones, so the answer is the same as against every span —
 * which, for hundreds of matches in a document of 5,000 spans, took seconds (bench/editor-find.ts).
 * The planned spans are not checked against one another: matches never overlap (lib/editor/find.ts)
 * and a match that snapping would change is left out, so the new spans cannot clash among themselves.
 */
export function planLabelAll(context: CommandContext, matches: readonly CodePointRange[], labelId: string, options: LabelAllOptions): LabelAllPlan {
  const ops: Op[] = [];
  const leftOut = new Map<LeftOutReason, number>();
  let firstRefusal: string | null = null;
  const leave = (reason: LeftOutReason) => leftOut.set(reason, (leftOut.get(reason) ?? 0) + 1);
  const labelled = new Set<string>();
  for (const span of context.doc.spans.values()) if (span.labelId === labelId) labelled.add(`${span.start}:${span.end}`);
  const overlapping = overlapSweep([...context.doc.spans.values()]);

  for (const match of matches) {
    if (options.snapToWords && !keptBySnapping(options.find, match)) {
      leave('snapping');
      continue;
    }
    if (labelled.has(`${match.start}:${match.end}`)) {
      leave('already labelled');
      continue;
    }
    const near = new Map(overlapping(match).map((span) => [span.key, span]));
    const command = createSpan({ ...context, doc: { ...context.doc, spans: near } }, options.newKey(), match, labelId, null);
    if (command.ok) ops.push(...command.ops);
    else if (command.overlapsWith !== undefined) leave('overlap');
    else {
      leave('refused');
      firstRefusal ??= command.error;
    }
  }
  return { ops, leftOut, firstRefusal };
}

const REASON_WORDS: Record<LeftOutReason, string> = {
  'already labelled': 'already labelled',
  overlap: 'overlap',
  snapping: 'not whole words',
  refused: 'refused',
};

/** Each reason in a sentence, for the confirmation (the refusal adds the rule's own words). */
export const LEFT_OUT_EXPLAINED: Record<LeftOutReason, string> = {
  'already labelled': 'a span with this label is already there',
  overlap: 'a span of the same layer is there, and this project forbids overlapping spans',
  snapping: 'not whole words, and this project snaps spans to whole words',
  refused: 'the annotation rules refuse them',
};

/** "2 overlap, 1 already labelled", largest first; empty when nothing is left out. */
export function leftOutSummary(leftOut: ReadonlyMap<LeftOutReason, number>): string {
  return [...leftOut]
    .sort((a, b) => b[1] - a[1])
    .map(([reason, count]) => `${count} ${REASON_WORDS[reason]}`)
    .join(', ');
}

/** "Labelled 14 matches as PERSON; 3 left out: 2 overlap, 1 already labelled" */
export function labelAllReport(plan: LabelAllPlan, labelName: string): string {
  const created = plan.ops.length;
  const left = [...plan.leftOut.values()].reduce((sum, count) => sum + count, 0);
  const done = `Labelled ${created} ${created === 1 ? 'match' : 'matches'} as ${labelName}`;
  return left === 0 ? done : `${done}; ${left} left out: ${leftOutSummary(plan.leftOut)}`;
}
