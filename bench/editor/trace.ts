/**
 * Main-thread time by kind of work, from a Chromium trace (devtools.timeline) of the page:
 * script, style recalculation, layout, paint, garbage collection. Self time, so work nested
 * in a script (a forced layout) counts once, under its own kind.
 */
interface TraceEvent {
  name: string;
  ph: string;
  ts: number;
  dur?: number;
  pid: number;
  tid: number;
  args?: { name?: string };
}

const KINDS: Record<string, string> = {
  FunctionCall: 'script',
  EvaluateScript: 'script',
  TimerFire: 'script',
  FireAnimationFrame: 'script',
  EventDispatch: 'script',
  RunMicrotasks: 'script',
  v8_compile: 'compile',
  'v8.compile': 'compile',
  ParseHTML: 'parse HTML',
  UpdateLayoutTree: 'style',
  Layout: 'layout',
  PrePaint: 'paint',
  Paint: 'paint',
  Layerize: 'paint',
  Commit: 'paint',
  MajorGC: 'GC',
  MinorGC: 'GC',
};

export function summariseTrace(buffer: Buffer): string {
  const { traceEvents } = JSON.parse(buffer.toString('utf8')) as { traceEvents: TraceEvent[] };
  const main = traceEvents.find((e) => e.name === 'thread_name' && e.args?.name === 'CrRendererMain');
  const events = traceEvents
    .filter((e) => e.ph === 'X' && e.dur !== undefined && e.pid === main?.pid && e.tid === main?.tid && KINDS[e.name])
    .sort((a, b) => a.ts - b.ts || b.dur! - a.dur!);
  const self = new Map<string, number>();
  // A stack of open events: each event's time is taken off its innermost enclosing event.
  const stack: Array<{ end: number; kind: string }> = [];
  for (const event of events) {
    while (stack.length > 0 && stack.at(-1)!.end <= event.ts) stack.pop();
    const kind = KINDS[event.name]!;
    const parent = stack.at(-1);
    if (parent) self.set(parent.kind, (self.get(parent.kind) ?? 0) - event.dur!);
    self.set(kind, (self.get(kind) ?? 0) + event.dur!);
    stack.push({ end: event.ts + event.dur!, kind });
  }
  return [...self]
    .sort((a, b) => b[1] - a[1])
    .map(([kind, us]) => `  ${(us / 1000).toFixed(1).padStart(8)} ms  ${kind}`)
    .join('\n');
}
