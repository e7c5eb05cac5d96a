import { Extension } from '@tiptap/core';
import { Plugin, PluginKey, type EditorState } from '@tiptap/pm/state';
import { Decoration, DecorationSet } from '@tiptap/pm/view';
import type { FindRange, FindState, FindStore } from './find-store';
import { drawnFromMeta, followStore } from '../plugin-state';
import styles from './find.module.css';

interface Options {
  /** A function, not the store: Tiptap's configure() deep-copies plain objects. */
  store: () => FindStore | null;
}

interface Drawn {
  readonly ranges: readonly FindRange[];
  readonly current: number;
  readonly set: DecorationSet;
}

const findKey = new PluginKey<Drawn>('glossaFind');

function highlight(range: FindRange, className: string, spec?: { current: true }): Decoration {
  return Decoration.inline(range.from, range.to, { nodeName: 'mark', class: className }, spec);
}

/** The decorations for `next`: all matches rebuilt only for new matches (a new query); a move of the current match swaps one decoration. */
function draw(doc: EditorState['doc'], next: FindState, previous: Drawn): Drawn {
  const range = next.ranges[next.current];
  const currentMark = range ? [highlight(range, styles.current!, { current: true })] : [];
  if (next.ranges !== previous.ranges) {
    return { ...next, set: DecorationSet.create(doc, [...next.ranges.map((r) => highlight(r, styles.match!)), ...currentMark]) };
  }
  if (next.current === previous.current) return previous;
  const stale = previous.set.find(undefined, undefined, (spec: { current?: true }) => spec.current === true);
  return { ...next, set: previous.set.remove(stale).add(doc, currentMark) };
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
    return [
      new Plugin<Drawn>({
        key: findKey,
        state: drawnFromMeta(findKey, () => ({ ranges: [], current: -1, set: DecorationSet.empty }), draw),
        props: { decorations: (state) => findKey.getState(state)?.set },
        view: followStore(findKey, store),
      }),
    ];
  },
});

/** The extension for one editor, drawing `store`'s matches. */
export function findExtension(store: FindStore) {
  return FindExtension.configure({ store: () => store });
}
