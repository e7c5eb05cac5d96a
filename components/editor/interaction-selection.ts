import type { EditorState } from '@tiptap/pm/state';
import { selectionRange } from '@/lib/editor/rules';
import { draftOf, idle } from './mode';
import type { InteractionCore } from './useInteraction';

/**
 * A settled text selection: a non-empty one, snapped to the project's rules, opens the label
 * picker for it; collapsing it drops a draft. Nothing starts while linking or read-only.
 */
export function selectionHandler({ state, readOnly, data, table }: InteractionCore): (editorState: EditorState) => void {
  return (editorState) => {
    const { mode } = state;
    const { from, to, empty } = editorState.selection;
    if (empty) {
      if (draftOf(mode)) state.setMode(idle);
      return;
    }
    if (readOnly || mode.kind === 'linkTarget' || mode.kind === 'linkType') return;
    const range = selectionRange(data.document.text, table, from, to, data.project.snapToWords);
    if (!range) return;
    state.setQuery('');
    state.setMode({ kind: 'label', subject: { range }, typing: false });
  };
}
