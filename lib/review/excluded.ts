import type { ExcludedWork } from './input';

/**
 * The agreement report with its `excluded` section beside the figures (which are computed
 * without that work): kept apart so the report's own shape stays as lib/review/report.ts makes it.
 */
export function withExcluded<R extends object>(report: R, excluded: ExcludedWork): R & { excluded: ExcludedWork } {
  return { ...report, excluded };
}

/** One sentence for people: how much after-gold work there is and what became of it, or null when there is none. */
export function describeExcluded({ afterGold }: ExcludedWork): string | null {
  if (afterGold.documentAnnotators === 0) return null;
  const pairs = `${afterGold.documentAnnotators} annotator${afterGold.documentAnnotators === 1 ? '' : 's'} × document${afterGold.documents === 1 ? '' : 's'} (${afterGold.documents} document${afterGold.documents === 1 ? '' : 's'}, ${afterGold.spans} span${afterGold.spans === 1 ? '' : 's'})`;
  return afterGold.excluded
    ? `Left out: ${pairs} changed after gold or another annotator’s work was shown to the annotator.`
    : `Counted on request: ${pairs} changed after gold or another annotator’s work was shown to the annotator.`;
}
