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
