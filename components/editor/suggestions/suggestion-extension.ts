import { Extension } from '@tiptap/core';
import { Plugin, PluginKey, type EditorState } from '@tiptap/pm/state';
import { Decoration, DecorationSet, type EditorView } from '@tiptap/pm/view';
import { ghostAt, nextGhost } from '@/lib/editor/suggestions';
import type { GhostState, GhostStore } from './ghost-store';
import { drawnFromMeta, followStore } from '../plugin-state';
import styles from './suggestions.module.css';

interface Options {
  /** A function, not the store: Tiptap's configure() deep-copies plain objects. */
  store: () => GhostStore | null;
  classes: { ghost: string; selected: string };
}

const ghostsKey = new PluginKey<DecorationSet>('glossaGhosts');

function ghostDecorations(doc: EditorState['doc'], state: GhostState, classes: Options['classes']): DecorationSet {
  return DecorationSet.create(
    doc,
    state.ghosts.map((ghost) =>
      Decoration.inline(ghost.from, ghost.to, {
        nodeName: 'span',
        class: ghost.id === state.selectedId ? `${classes.ghost} ${classes.selected}` : classes.ghost,
        style: `--ghost-color:${ghost.color}`,
        title: `Suggested ${ghost.labelName} (${ghost.recommender}): click or Alt+↓ to choose, then Enter accepts, Backspace rejects`,
        'data-suggestion': ghost.id,
      }),
    ),
  );
}

/**
 * Pending suggestions as dashed "ghost" spans: ProseMirror decorations of their own, drawn from
 * the GhostStore. Ahead of the annotation keys (higher priority): while a ghost is selected,
 * Enter accepts it, Backspace or Delete rejects it, Escape lets it go; Alt+↓ and Alt+↑ go from
 * ghost to ghost. Any other key lets the ghost go and goes on to the editor as usual.
 */
const SuggestionExtension = Extension.create<Options>({
  name: 'glossaSuggestions',
  priority: 1001,

  addOptions() {
    return { store: () => null, classes: { ghost: '', selected: '' } };
  },

  addProseMirrorPlugins() {
    const { store, classes } = this.options;
    const onKey = (view: EditorView, event: KeyboardEvent): boolean => {
      const ghosts = store();
      if (!ghosts) return false;
      const { ghosts: list } = ghosts.snapshot();
      const selected = ghosts.selected();
      if (event.altKey && (event.key === 'ArrowDown' || event.key === 'ArrowUp') && !event.ctrlKey && !event.metaKey) {
        const next = nextGhost(list, selected, view.state.selection.head, event.key === 'ArrowDown' ? 1 : -1);
        if (!next) return false;
        ghosts.select(next);
        return true;
      }
      if (!selected || event.ctrlKey || event.metaKey || event.altKey) return false;
      if (event.key === 'Enter') ghosts.actions.accept(selected);
      else if (event.key === 'Backspace' || event.key === 'Delete') ghosts.actions.reject(selected);
      else if (event.key === 'Escape') ghosts.select(undefined);
      else {
        ghosts.select(undefined);
        return false;
      }
      return true;
    };

    return [
      new Plugin<DecorationSet>({
        key: ghostsKey,
        state: drawnFromMeta(
          ghostsKey,
          () => DecorationSet.empty,
          (doc, next: GhostState) => ghostDecorations(doc, next, classes),
        ),
        props: {
          decorations: (state) => ghostsKey.getState(state),
          handleKeyDown: onKey,
          handleClick(_view, pos) {
            const ghosts = store();
            if (!ghosts) return false;
            const ghost = ghostAt(ghosts.snapshot().ghosts, pos);
            ghosts.select(ghost);
            // A click on a ghost is for the ghost, not for a span under it.
            return ghost !== undefined;
          },
        },
        view: followStore(ghostsKey, store),
      }),
    ];
  },
});

/** The extension for one editor, drawing `store`'s ghosts with this module's styles. */
export function suggestionExtension(store: GhostStore) {
  return SuggestionExtension.configure({ store: () => store, classes: { ghost: styles.ghost!, selected: styles.selected! } });
}
