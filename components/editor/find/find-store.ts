/** A range of ProseMirror positions. */
export interface FindRange {
  readonly from: number;
  readonly to: number;
}

export interface FindState {
  readonly ranges: readonly FindRange[];
  /** Index into `ranges` of the current match, or -1. */
  readonly current: number;
}

/**
 * The matches to highlight and the current one, shared by the find bar (React) and the
 * ProseMirror plugin that draws them: an external store, since the editor is created once and
 * must see every later state.
 */
export class FindStore {
  private state: FindState = { ranges: [], current: -1 };
  private readonly listeners = new Set<() => void>();

  readonly snapshot = (): FindState => this.state;

  readonly subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  set(state: FindState): void {
    if (state.ranges === this.state.ranges && state.current === this.state.current) return;
    this.state = state;
    for (const listener of this.listeners) listener();
  }
}
