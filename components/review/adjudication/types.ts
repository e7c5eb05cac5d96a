import type { reviewView } from '@/lib/review/view';

/** What the review page hands the client: the review view plus the schema it needs to name things. */
export type ReviewData = Awaited<ReturnType<typeof reviewView>>;

export interface ReviewLabel {
  id: string;
  key: string;
  name: string;
  layer: string;
  color: string;
  retired: boolean;
  options: { key: string; name: string }[];
}

export interface ReviewTarget {
  id: string;
  name: string;
}
