import type { DocState } from '@/lib/editor/model';
import type { CodePointRange } from '@/lib/offsets';

/** What a label is being chosen for: new text, or an existing span. */
export type Subject = { readonly range: CodePointRange } | { readonly spanKey: string };

/**
 * What the editor is doing. Keys typed in the text mean different things in each mode:
 * label hotkeys while labelling a selection, span commands (c, t, r, u, n, Delete) while a span
 * is selected.
 */
export type Mode =
  | { readonly kind: 'idle' }
  /** `typing`: focus goes to the filter (opened from the side panel rather than the text). */
  | { readonly kind: 'label'; readonly subject: Subject; readonly typing: boolean }
  | { readonly kind: 'target'; readonly subject: Subject; readonly labelId: string }
  | { readonly kind: 'span'; readonly spanKey: string }
  /** Deleting a span that relations use: they go with it, so the user is asked first. */
  | { readonly kind: 'confirmDelete'; readonly spanKey: string }
  /** Writing the span's note for the curators. */
  | { readonly kind: 'note'; readonly spanKey: string }
  | { readonly kind: 'linkTarget'; readonly sourceKey: string }
  | { readonly kind: 'linkType'; readonly sourceKey: string; readonly targetKey: string };

export const idle: Mode = { kind: 'idle' };

/** The span shown as selected in the text and the side panel. */
export function activeKeyOf(mode: Mode): string | null {
  switch (mode.kind) {
    case 'span':
    case 'confirmDelete':
    case 'note':
      return mode.spanKey;
    case 'label':
    case 'target':
      return 'spanKey' in mode.subject ? mode.subject.spanKey : null;
    case 'linkTarget':
    case 'linkType':
      return mode.sourceKey;
    case 'idle':
      return null;
  }
}

/** The new range being labelled, drawn as a draft. */
export function draftOf(mode: Mode): CodePointRange | null {
  return (mode.kind === 'label' || mode.kind === 'target') && 'range' in mode.subject ? mode.subject.range : null;
}

/** Where the popover of a mode points. */
export function anchorRangeOf(mode: Mode, doc: DocState): CodePointRange | null {
  if (mode.kind === 'linkType') return doc.spans.get(mode.targetKey) ?? null;
  const key = activeKeyOf(mode);
  return key ? (doc.spans.get(key) ?? null) : draftOf(mode);
}

/** A mode whose spans were deleted meanwhile (undo, rollback) falls back to idle. */
export function validMode(mode: Mode, doc: DocState): Mode {
  const keys = [activeKeyOf(mode), mode.kind === 'linkType' ? mode.targetKey : null];
  return keys.every((key) => key === null || doc.spans.has(key)) ? mode : idle;
}
