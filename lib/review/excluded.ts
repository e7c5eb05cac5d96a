import type { ExcludedWork } from './input';

/**
 * The agreement report with its `excluded` section beside the figures (which are computed
 * without that work): kept apart so the report's own shape stays as lib/review/report.ts makes it.
 */
export function withExcluded<R extends object>(report: R, excluded: ExcludedWork): R & { excluded: ExcludedWork } {
  return { ...report, excluded };
}

/** One sentence for people: how much after-gold work there is and what became of it, or null when there is none. */
export function describeExcluded({ afterGold }: Pick<ExcludedWork, 'afterGold'>): string | null {
  if (afterGold.documentAnnotators === 0) return null;
  const count = (n: number, what: string) => `${n} ${what}${n === 1 ? '' : 's'}`;
  const pairs =
    `${count(afterGold.documentAnnotators, 'annotator × document pair')} ` + `(${count(afterGold.documents, 'document')}, ${count(afterGold.spans, 'span')})`;
  return afterGold.excluded
    ? `Left out: ${pairs} changed after gold or another annotator’s work was shown to the annotator.`
    : `Counted on request: ${pairs} changed after gold or another annotator’s work was shown to the annotator.`;
}

/** One sentence for people about relations left out for pointing at a span that is gone, or null when there are none. */
export function describeDangling({ danglingRelations: { relations, documents } }: Pick<ExcludedWork, 'danglingRelations'>): string | null {
  if (relations === 0) return null;
  return (
    `Left out: ${relations} annotator relation${relations === 1 ? '' : 's'} in ${documents} document${documents === 1 ? '' : 's'} ` +
    'whose source or target span is deleted or missing.'
  );
}
