import type { CodePointRange, OffsetIndex } from '@/lib/offsets';

/**
 * The code point range of the document text that the window's selection covers inside
 * `container`; null when nothing is selected there. Text inside aria-hidden elements (the
 * "2/3" and "✓" badges, label tags) is decoration drawn between the document's characters,
 * so it does not count.
 */
export function selectedRange(container: HTMLElement, index: OffsetIndex): CodePointRange | null {
  const selection = window.getSelection();
  if (!selection || selection.rangeCount === 0 || selection.isCollapsed) return null;
  const range = selection.getRangeAt(0);
  if (!container.contains(range.startContainer) || !container.contains(range.endContainer)) return null;
  try {
    const start = index.toCodePoint(textBefore(container, range.startContainer, range.startOffset));
    const end = index.toCodePoint(textBefore(container, range.endContainer, range.endOffset));
    return start < end ? { start, end } : null;
  } catch {
    // The selection ends inside a surrogate pair; there is no sensible range to snap.
    return null;
  }
}

/** UTF-16 units of document text in `container` before the DOM point (node, offset). */
function textBefore(container: HTMLElement, node: Node, offset: number): number {
  const point = document.createRange();
  point.setStart(node, offset);
  const walker = document.createTreeWalker(container, NodeFilter.SHOW_TEXT);
  let count = 0;
  for (let text = walker.nextNode() as Text | null; text; text = walker.nextNode() as Text | null) {
    const decorative = text.parentElement?.closest('[aria-hidden="true"]') != null;
    if (text === node) return count + (decorative ? 0 : offset);
    // Entirely before the point: its end is not after it.
    if (point.comparePoint(text, text.length) > 0) return count;
    if (!decorative) count += text.length;
  }
  return count;
}
