import { api } from '@/components/api';
import type * as annotations from '@/lib/api/contracts/annotations';
import { snapRange } from '@/lib/editor/rules';
import type { CodePointRange, OffsetIndex } from '@/lib/offsets';
import { boundaryPlan } from '@/lib/review/gold-boundaries';
import { goldSpanFor, mayEdit } from './row-actions';
import type { ReviewRow } from './rows';
import type { ReviewLabel } from './types';

/*
 * What b and g do with the text selected in the review text. Each returns the sentence to
 * announce, or throws one that explains why nothing was written.
 */

const quoted = (text: OffsetIndex, range: CodePointRange) => `“${text.slice(range.start, range.end)}”`;

/**
 * Moves the row's gold span to the selection through PATCH /annotations/{id}: the server checks
 * the version and the annotation rules and records one event with before and after. A candidate
 * not yet in gold is accepted first (keeping its provenance), then moved.
 */
export async function moveGoldToSelection(documentId: string, row: ReviewRow | undefined, text: OffsetIndex, selection: CodePointRange, wholeWords: boolean) {
  if (!row?.span || !mayEdit(row)) throw new Error('Select a span in the candidate list first: its gold span gets the new boundaries.');
  // Checked before accepting, so a selection of blanks writes nothing at all.
  const check = boundaryPlan(text.text, { ...row.span, version: 0 }, selection, wholeWords);
  if (!check.ok) throw new Error(check.reason);
  const gold = await goldSpanFor(documentId, row);
  const plan = boundaryPlan(text.text, gold, selection, wholeWords);
  if (!plan.ok) throw new Error(plan.reason);
  await api<typeof annotations.updateAnnotation>('PATCH /annotations/{id}', { params: { id: gold.id }, body: plan.change });
  return { id: gold.id, message: `Gold span moved to ${quoted(text, plan.range)}.` };
}

/** Creates a gold span nobody proposed, through the same endpoint and rules as every gold span. */
export async function addGoldSpan(
  documentId: string,
  label: ReviewLabel,
  text: OffsetIndex,
  selection: CodePointRange,
  wholeWords: boolean,
  targetId: string | null,
) {
  const range = snapRange(text.text, selection.start, selection.end, wholeWords);
  if (!range) throw new Error('The selection holds no text to annotate; select at least one word.');
  const created = await api<typeof annotations.createAnnotation>('POST /documents/{id}/annotations', {
    params: { id: documentId },
    body: { labelId: label.id, start: range.start, end: range.end, gold: true, target: targetId ? { kind: 'target', id: targetId } : null },
  });
  return { id: created.id, message: `Gold span ${quoted(text, range)} added as ${label.name}.` };
}
