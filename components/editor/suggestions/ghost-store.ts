import type { Ghost } from '@/lib/editor/suggestions';

export interface GhostState {
  ghosts: readonly Ghost[];
  selectedId: string | null;
}

interface GhostActions {
  accept(ghost: Ghost): void;
  reject(ghost: Ghost): void;
  /** A ghost was selected (keyboard or click): the editor closes its own popover and shows the ghost. */
  selected(ghost: Ghost): void;
}

/**
 * The ghosts and the selected one, shared by the ProseMirror plugin (which draws them and takes
 * the keys) and React (the popover): an external store, since the editor is created once and must
 * see every later state. The actions are replaced on every render by useSuggestions.
 */
export class GhostStore {
  private state: GhostState = { ghosts: [], selectedId: null };
  private readonly listeners = new Set<() => void>();
  actions: GhostActions = { accept: () => undefined, reject: () => undefined, selected: () => undefined };

  readonly snapshot = (): GhostState => this.state;

  readonly subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  selected(): Ghost | undefined {
    return this.state.ghosts.find((g) => g.id === this.state.selectedId);
  }

  setGhosts(ghosts: readonly Ghost[]): void {
    // A selected ghost that is gone (accepted, rejected) leaves nothing selected.
    const selectedId = ghosts.some((g) => g.id === this.state.selectedId) ? this.state.selectedId : null;
    this.update({ ghosts, selectedId });
  }

  select(ghost: Ghost | undefined): void {
    if ((ghost?.id ?? null) === this.state.selectedId) return;
    this.update({ ...this.state, selectedId: ghost?.id ?? null });
    if (ghost) this.actions.selected(ghost);
  }

  private update(state: GhostState): void {
    this.state = state;
    for (const listener of this.listeners) listener();
  }
}
