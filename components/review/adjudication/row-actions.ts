import { api } from '@/components/api';
import { describeAccepted } from '@/components/review/accept-summary';
import type { BodyOf, ResponseOf } from '@/lib/api/client';
import type * as annotations from '@/lib/api/contracts/annotations';
import type * as review from '@/lib/api/contracts/review';
import type { ReviewRow } from './rows';

/** A gold span as the annotations endpoint lists it; an edit sends back its version. */
export type GoldSpan = ResponseOf<typeof annotations.listAnnotations>['items'][number];

/*
 * What a, x and e do to a row. Each action returns the sentence to announce, or throws
 * one that explains why the key does nothing for this row.
 */

export function mayAccept(row: ReviewRow): boolean {
  return row.source !== null && row.gold === null;
}

/** Gold answers can only be replaced (by accepting another answer), not removed one by one. */
export function mayReject(row: ReviewRow): boolean {
  return row.gold !== null && row.kind !== 'answer';
}

export function mayEdit(row: ReviewRow): boolean {
  return row.span !== null && (row.gold !== null || row.source !== null);
}

function acceptRequest(row: ReviewRow, source: string): BodyOf<typeof review.acceptGold> {
  if (row.kind === 'relation') return { relationIds: [source] };
  if (row.kind === 'answer') return { answerIds: [source] };
  return { annotationIds: [source] };
}

export async function acceptRow(documentId: string, row: ReviewRow): Promise<string> {
  if (row.source === null) throw new Error('This span is already gold; there is nothing to accept.');
  const counts = await api<typeof review.acceptGold>('POST /documents/{id}/gold', { params: { id: documentId }, body: acceptRequest(row, row.source) });
  const added = counts.spans + counts.relations + counts.answers;
  return added === 0 ? 'Already in gold.' : `Accepted into gold: ${describeAccepted(counts)}.`;
}

export async function rejectRow(row: ReviewRow): Promise<string> {
  if (row.gold === null) throw new Error('Not in gold, so there is nothing to remove.');
  if (row.kind === 'answer') throw new Error('Gold answers cannot be removed one by one; accept another answer to replace this one.');
  const params = { id: row.gold };
  if (row.kind === 'relation') await api<typeof annotations.deleteRelation>('DELETE /relations/{id}', { params });
  else await api<typeof annotations.deleteAnnotation>('DELETE /annotations/{id}', { params });
  return 'Removed from gold.';
}

/** Accepts the span if gold lacks it, then loads the gold span (with its version, which a change must send). */
export async function goldSpanFor(documentId: string, row: ReviewRow): Promise<GoldSpan> {
  if (!mayEdit(row)) throw new Error('Only spans can be edited here.');
  const source = row.source;
  if (row.gold === null && source !== null)
    await api<typeof review.acceptGold>('POST /documents/{id}/gold', { params: { id: documentId }, body: { annotationIds: [source] } });
  // Accepting records the annotator's span in the gold span's provenance, which finds it without its id.
  const gold = await api<typeof annotations.listAnnotations>('GET /documents/{id}/annotations', { params: { id: documentId }, query: { author: 'gold' } });
  const found = gold.items.find((span) => (row.gold !== null ? span.id === row.gold : source !== null && span.sourceIds.includes(source)));
  if (!found) throw new Error('The gold span has changed meanwhile; the view is refreshed, try again.');
  return found;
}
