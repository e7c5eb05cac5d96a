import type { DocumentScope } from '@/lib/review/load';

export type IntervalChoice = 'bootstrap' | 'jackknife' | 'none';

/** The page's own URL for a scope, interval method and whether models are coders, defaults left out, so a view can be shared as it is seen. */
export function agreementHref(projectId: string, scope: DocumentScope, interval: IntervalChoice, models = false): string {
  const query = new URLSearchParams({ scope, ...(interval === 'bootstrap' ? {} : { interval }), ...(models ? { models: 'all' } : {}) });
  return `/projects/${projectId}/agreement?${query}`;
}
