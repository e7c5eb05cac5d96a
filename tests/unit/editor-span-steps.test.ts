import { describe, expect, it } from 'vitest';
import { neighbourSpan } from '@/lib/editor/hit';
import type { Span } from '@/lib/editor/model';

function span(key: string, start: number, end: number): Span {
  return { key, labelId: 'id-PERSON', start, end, quote: '', target: null, attributes: {}, unsure: false, note: null };
}

describe('neighbourSpan', () => {
  // "outer" encloses "inner"; "later" comes after both; listed out of order on purpose.
  const spans = [span('later', 30, 35), span('inner', 12, 15), span('outer', 10, 20), span('first', 0, 4)];
  const step = (activeKey: string | null, caret: number, direction: 1 | -1) => neighbourSpan(spans, { activeKey, caret }, direction)?.key;

  it('steps from the selected span in document order, an enclosing span before the spans inside it', () => {
    expect(step('first', 0, 1)).toBe('outer');
    expect(step('outer', 0, 1)).toBe('inner');
    expect(step('inner', 0, 1)).toBe('later');
    expect(step('later', 0, -1)).toBe('inner');
    expect(step('outer', 0, -1)).toBe('first');
  });

  it('stops at either end instead of wrapping around', () => {
    expect(step('later', 0, 1)).toBeUndefined();
    expect(step('first', 0, -1)).toBeUndefined();
  });

  it('starts from the caret when no span is selected: the next span starting at or after it, or the last one before it', () => {
    expect(step(null, 5, 1)).toBe('outer');
    expect(step(null, 10, 1)).toBe('outer');
    expect(step(null, 11, 1)).toBe('inner');
    expect(step(null, 11, -1)).toBe('outer');
    expect(step(null, 40, 1)).toBeUndefined();
    expect(step(null, 0, -1)).toBeUndefined();
  });

  it('treats a selected key that no longer exists as no selection', () => {
    expect(step('deleted', 25, 1)).toBe('later');
  });
});
