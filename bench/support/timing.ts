/** Milliseconds `work` took. */
export function time(work: () => void): number {
  const started = performance.now();
  work();
  return performance.now() - started;
}

/** "12.3 ms (10.1–15.0)": the median and range of `values`, in milliseconds. */
export function summary(values: number[]): string {
  const sorted = [...values].sort((a, b) => a - b);
  return `${sorted[Math.floor(sorted.length / 2)]!.toFixed(1)} ms (${sorted[0]!.toFixed(1)}–${sorted.at(-1)!.toFixed(1)})`;
}
