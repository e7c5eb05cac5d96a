import type { SchemaLabel } from '@/lib/editor/schema';
import type { reviewView } from '@/lib/review/view';

/** What the review page hands the client: the review view plus the schema it needs to name things. */
export type ReviewData = Awaited<ReturnType<typeof reviewView>>;

/** The review page names things with the editor's schema labels, and its label picker chooses among them. */
export type ReviewLabel = SchemaLabel;

export interface ReviewTarget {
  id: string;
  name: string;
  /** Retired targets still name existing stances, but new gold stances cannot take them. */
  retired: boolean;
}
