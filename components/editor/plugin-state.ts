import type { Node } from '@tiptap/pm/model';
import type { PluginKey, StateField } from '@tiptap/pm/state';
import type { EditorView } from '@tiptap/pm/view';

/**
 * The state of a drawing plugin: redrawn by `draw` when a transaction carries something under the
 * plugin's key, and kept as it is by every other transaction (typing never reaches the read-only text).
 */
export function drawnFromMeta<T, M>(key: PluginKey<T>, init: StateField<T>['init'], draw: (doc: Node, next: M, previous: T) => T): StateField<T> {
  return {
    init,
    apply(tr, previous, _old, state) {
      const next = tr.getMeta(key) as M | undefined;
      return next ? draw(state.doc, next, previous) : previous;
    },
  };
}

/** A store outside ProseMirror (find matches, suggestion ghosts) that a plugin draws. */
interface SnapshotStore<S> {
  snapshot(): S;
  subscribe(listener: () => void): () => void;
}

/** A plugin view that hands each snapshot of the store to the plugin under `key`, as a transaction's meta. */
export function followStore<S>(key: PluginKey, store: () => SnapshotStore<S> | null) {
  return (view: EditorView) => {
    const source = store();
    if (!source) return {};
    const draw = () => {
      if (!view.isDestroyed) view.dispatch(view.state.tr.setMeta(key, source.snapshot()));
    };
    // Not while the view is being built: the first drawing waits for it.
    queueMicrotask(draw);
    return { destroy: source.subscribe(draw) };
  };
}
