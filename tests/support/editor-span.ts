import type { Span } from '@/lib/editor/model';

/** A span of the editor's state over `text` (its quote cut from it), unflagged and without a target, attributes or note unless `extra` gives them. */
export const editorSpan = (key: string, labelId: string, start: number, end: number, text: string, extra: Partial<Span> = {}): Span => ({
  key,
  labelId,
  start,
  end,
  quote: [...text].slice(start, end).join(''),
  target: null,
  attributes: {},
  unsure: false,
  note: null,
  ...extra,
});
