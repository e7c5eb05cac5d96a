/**
 * Active annotation time, accumulated on the server from the editor's heartbeats. The editor beats
 * every HEARTBEAT_SECONDS while the annotator is active (the tab visible and some input within
 * IDLE_SECONDS) and sends a last beat with `end` when that stops (idle, tab hidden, page left).
 * The time between two beats counts only when it is short enough to be one stretch of work, so a
 * lost `end` (a closed laptop) costs at most one gap, never the night.
 */
export const HEARTBEAT_SECONDS = 15;
export const IDLE_SECONDS = 60;
/** The longest gap between two beats still counted: a beat late by a busy main thread is not idleness. */
export const MAX_GAP_SECONDS = IDLE_SECONDS + HEARTBEAT_SECONDS;

export interface ActiveClock {
  activeSeconds: number;
  /** The last beat of the current stretch; null between stretches. */
  lastBeatAt: Date | null;
}

/** The clock after a beat at `now`; `end` closes the stretch. */
export function afterBeat(clock: ActiveClock, now: Date, end: boolean): ActiveClock {
  const gap = clock.lastBeatAt ? (now.getTime() - clock.lastBeatAt.getTime()) / 1000 : Infinity;
  const counted = gap >= 0 && gap <= MAX_GAP_SECONDS ? Math.round(gap) : 0;
  return { activeSeconds: clock.activeSeconds + counted, lastBeatAt: end ? null : now };
}
