import { Extension } from '@tiptap/core';
import { Plugin, PluginKey, type EditorState } from '@tiptap/pm/state';
import { Decoration, DecorationSet } from '@tiptap/pm/view';
import type { FindRange, FindState, FindStore } from './find-store';
import styles from './find.module.css';

interface Options {
  /** A function, not the store: Tiptap's configure() deep-copies plain objects. */
  store: () => FindStore | null;
}

/** All matches, rebuilt only when the matches change (a new query), not when the current one moves. */
const matchesKey = new PluginKey<{ ranges: readonly FindRange[]; set: DecorationSet }>('glossaFindMatches');
/** The current match alone: moving to the next match redraws two decorations, whatever the number of matches. */
const currentKey = new PluginKey<DecorationSet>('glossaFindCurrent');

function highlight(doc: EditorState['doc'], ranges: readonly FindRange[], className: string): DecorationSet {
  return DecorationSet.create(
    doc,
    ranges.map((range) => Decoration.inline(range.from, range.to, { nodeName: 'mark', class: className })),
  );
}

/**
 * The find bar's matches as ProseMirror decorations of their own (a <mark> each, the current
 * one distinct), drawn from the FindStore. They sit above the span decorations and change
 * nothing in them.
 */
const FindExtension = Extension.create<Options>({
  name: 'glossaFind',

  addOptions() {
    return { store: () => null };
  },

  addProseMirrorPlugins() {
    const { store } = this.options;
    const matches = new Plugin({
      key: matchesKey,
      state: {
        init: () => ({ ranges: [] as readonly FindRange[], set: DecorationSet.empty }),
        apply(tr, previous, _old, state) {
          const next = tr.getMeta(matchesKey) as FindState | undefined;
          if (!next || next.ranges === previous.ranges) return previous;
          return { ranges: next.ranges, set: highlight(state.doc, next.ranges, styles.match!) };
        },
      },
      props: { decorations: (state) => matchesKey.getState(state)?.set },
      view(view) {
        const find = store();
        if (!find) return {};
        const draw = () => {
          if (!view.isDestroyed) view.dispatch(view.state.tr.setMeta(matchesKey, find.snapshot()).setMeta(currentKey, find.snapshot()));
        };
        queueMicrotask(draw);
        const unsubscribe = find.subscribe(draw);
        return { destroy: unsubscribe };
      },
    });
    const current = new Plugin<DecorationSet>({
      key: currentKey,
      state: {
        init: () => DecorationSet.empty,
        apply(tr, previous, _old, state) {
          const next = tr.getMeta(currentKey) as FindState | undefined;
          if (!next) return previous;
          const range = next.ranges[next.current];
          return range ? highlight(state.doc, [range], styles.current!) : DecorationSet.empty;
        },
      },
      props: { decorations: (state) => currentKey.getState(state) },
    });
    return [matches, current];
  },
});

/** The extension for one editor, drawing `store`'s matches. */
export function findExtension(store: FindStore) {
  return FindExtension.configure({ store: () => store });
}
