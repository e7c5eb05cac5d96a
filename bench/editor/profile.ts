/** A CPU profile from CDP's Profiler, summed by function: where a visit's main-thread time went. */
interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
  hitCount?: number;
}

export function summariseProfile(profile: { nodes: ProfileNode[]; samples?: number[]; timeDeltas?: number[] }, top = 20): string {
  const selfMs = new Map<number, number>();
  (profile.samples ?? []).forEach((id, i) => selfMs.set(id, (selfMs.get(id) ?? 0) + (profile.timeDeltas?.[i] ?? 0) / 1000));
  const byFunction = new Map<string, number>();
  for (const node of profile.nodes) {
    const { functionName, url, lineNumber } = node.callFrame;
    const name = `${functionName || '(anonymous)'} ${url.split('/').pop() ?? ''}:${lineNumber + 1}`;
    byFunction.set(name, (byFunction.get(name) ?? 0) + (selfMs.get(node.id) ?? 0));
  }
  const byScript = new Map<string, number>();
  for (const node of profile.nodes) {
    const script = node.callFrame.url.split('/').pop() || node.callFrame.functionName;
    byScript.set(script, (byScript.get(script) ?? 0) + (selfMs.get(node.id) ?? 0));
  }
  const lines = (entries: Map<string, number>) =>
    [...entries]
      .filter(([name]) => !name.startsWith('(idle)'))
      .sort((a, b) => b[1] - a[1])
      .slice(0, top)
      .map(([name, ms]) => `  ${ms.toFixed(1).padStart(8)} ms  ${name}`)
      .join('\n');
  return `by script (program = native work: style, layout, paint):\n${lines(byScript)}\nby function:\n${lines(byFunction)}`;
}
