import type { Span } from './model';

/** Innermost first: shorter spans, then earlier ones. */
function byNesting(a: Span, b: Span): number {
  return a.end - a.start - (b.end - b.start) || a.start - b.start || (a.key < b.key ? -1 : a.key > b.key ? 1 : 0);
}

/**
 * Spans around a caret at `offset`: those covering the character after it, or, when none
 * does (a caret just after a word), the character before it. Innermost first.
 */
export function spansAtCaret(spans: Iterable<Span>, offset: number): Span[] {
  const after: Span[] = [];
  const before: Span[] = [];
  for (const span of spans) {
    if (span.start <= offset && offset < span.end) after.push(span);
    else if (span.start < offset && offset === span.end) before.push(span);
  }
  return (after.length > 0 ? after : before).sort(byNesting);
}

/**
 * Which of the spans under a click or caret to select: the innermost first, then each
 * enclosing one in turn on repeated clicks, wrapping around.
 */
export function nextInCycle(candidates: readonly Span[], activeKey: string | null): Span | undefined {
  const sorted = [...candidates].sort(byNesting);
  const at = sorted.findIndex((span) => span.key === activeKey);
  return sorted[(at + 1) % sorted.length];
}

/** Document order for stepping through spans: by start, an enclosing span before those inside it. */
function byPosition(a: Span, b: Span): number {
  return a.start - b.start || b.end - a.end || (a.key < b.key ? -1 : a.key > b.key ? 1 : 0);
}

/**
 * The span a "next" or "previous" key moves to: the neighbour of the selected span in document
 * order, or, with none selected, the first span starting at or after the caret (the last one
 * starting before it). Undefined at either end: the keys do not wrap around, so the end is felt.
 */
export function neighbourSpan(spans: Iterable<Span>, from: { activeKey: string | null; caret: number }, direction: 1 | -1): Span | undefined {
  const sorted = [...spans].sort(byPosition);
  const at = from.activeKey === null ? -1 : sorted.findIndex((span) => span.key === from.activeKey);
  if (at >= 0) return sorted[at + direction];
  return direction === 1 ? sorted.find((span) => span.start >= from.caret) : sorted.findLast((span) => span.start < from.caret);
}
