/**
 * What the bench installs in every editor page before the page's own scripts run
 * (addInitScript): long tasks, the keydowns the page handled, when the text with its spans
 * was first painted, and when a new span appears. Plain JavaScript text: a function
 * handed over from tsx would carry its helpers (__name), which the page does not have.
 */
export interface Probe {
  longTasks: Array<[start: number, duration: number]>;
  /** Keydowns as the page's main thread got to them: `at` when handled, `stamp` when the input event was created. */
  keydowns: Array<{ key: string; at: number; stamp: number }>;
  /** Just after the first frame that showed the editor with at least `expected` span elements. */
  painted: number | null;
  /** Just after the first frame that showed more than `watch.before` spans made in this page (client keys "new:…"). */
  spanPainted: number | null;
  watch: { before: number } | null;
}

export function probeScript(expected: number): string {
  return `(() => {
  const probe = { longTasks: [], keydowns: [], painted: null, spanPainted: null, watch: null };
  window.__bench = probe;
  // A message posted from a frame callback is handled after that frame is painted.
  const afterPaint = (done) => {
    const channel = new MessageChannel();
    channel.port1.onmessage = () => done(performance.now());
    channel.port2.postMessage(0);
  };
  new PerformanceObserver((list) => {
    for (const entry of list.getEntries()) probe.longTasks.push([entry.startTime, entry.duration]);
  }).observe({ type: 'longtask', buffered: true });
  addEventListener('keydown', (event) => probe.keydowns.push({ key: event.key, at: performance.now(), stamp: event.timeStamp }), true);
  // Counted only once the editor exists, so polling costs next to nothing while the page loads.
  const poll = () => {
    const root = document.querySelector('.ProseMirror');
    if (root && root.querySelectorAll('[data-span]').length >= ${expected}) return afterPaint((at) => (probe.painted = at));
    requestAnimationFrame(poll);
  };
  requestAnimationFrame(poll);
  const watchSpan = () => {
    const watch = probe.watch;
    if (watch) {
      if (document.querySelectorAll('[data-span^="new:"]').length > watch.before) {
        probe.watch = null;
        afterPaint((at) => (probe.spanPainted = at));
      }
    }
    requestAnimationFrame(watchSpan);
  };
  requestAnimationFrame(watchSpan);
})();`;
}
