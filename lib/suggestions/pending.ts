import type { DbClient } from '@/lib/db/client';
import { isSpanLayer, type SpanLayer } from '@/lib/schema/types';
import type { LayerTarget } from './layer';

export interface PendingSuggestion {
  id: string;
  documentId: string;
  recommenderId: string;
  recommender: string;
  runId: string;
  labelId: string;
  label: string;
  layer: SpanLayer;
  start: number;
  end: number;
  quote: string;
  targetId: string | null;
  score: number | null;
}

/**
 * The span suggestions still open for one person in one layer of a document:
 * - not decided by them for that layer (a rejected one is never offered again);
 * - meant for everyone (`forUserId` null) or for them — a suggestion learned from one annotator's
 *   work is theirs alone, so blind mode holds;
 * - not the exact span (offsets and label) the layer already has; only the layer itself is read,
 *   never another annotator's, so what is left out reveals nothing about anyone else;
 * - of a label (and, for a stance, a target) still in the schema, from a recommender not deleted.
 * Document-question suggestions (no offsets) are not listed: the editor draws spans.
 */
export async function pendingSuggestions(
  db: DbClient,
  userId: string,
  documentId: string,
  layer: LayerTarget,
  labelKey?: string,
): Promise<PendingSuggestion[]> {
  const runIds = await currentRuns(db, userId, documentId);
  if (runIds.length === 0) return [];
  const [rows, spans, decided] = await Promise.all([
    db.suggestion.findMany({
      where: {
        documentId,
        runId: { in: runIds },
        start: { not: null },
        end: { not: null },
        OR: [{ forUserId: null }, { forUserId: userId }],
        recommender: { deletedAt: null },
        decisions: { none: { userId, gold: layer.gold } },
      },
      orderBy: [{ start: 'asc' }, { end: 'desc' }, { id: 'asc' }],
      select: {
        id: true,
        documentId: true,
        recommenderId: true,
        runId: true,
        labelId: true,
        start: true,
        end: true,
        quote: true,
        targetId: true,
        score: true,
        recommender: { select: { name: true } },
      },
    }),
    db.annotation.findMany({ where: { documentId, authorId: layer.authorId, deletedAt: null }, select: { labelId: true, start: true, end: true } }),
    // Decisions on earlier runs' suggestions: a span rejected once is not offered again by a later run.
    db.suggestionDecision.findMany({
      where: { userId, gold: layer.gold, suggestion: { documentId } },
      select: { suggestion: { select: { labelId: true, start: true, end: true } } },
    }),
  ]);
  if (rows.length === 0) return [];
  const targetIds = [...new Set(rows.flatMap((r) => (r.targetId ? [r.targetId] : [])))];
  const [labels, retiredTargets] = await Promise.all([
    db.label.findMany({ where: { id: { in: [...new Set(rows.map((r) => r.labelId))] }, retired: false }, select: { id: true, key: true, layer: true } }),
    targetIds.length ? db.target.findMany({ where: { id: { in: targetIds }, retired: true }, select: { id: true } }) : [],
  ]);
  const labelById = new Map(labels.filter((l) => isSpanLayer(l.layer)).map((l) => [l.id, l]));
  const retired = new Set(retiredTargets.map((t) => t.id));
  const taken = new Set([
    ...spans.map((s) => spanKey(s.labelId, s.start, s.end)),
    ...decided.flatMap(({ suggestion: s }) => (s.start === null || s.end === null ? [] : [spanKey(s.labelId, s.start, s.end)])),
  ]);
  return rows.flatMap((row) => {
    const label = labelById.get(row.labelId);
    if (
      !label ||
      (labelKey !== undefined && label.key !== labelKey) ||
      (row.targetId && retired.has(row.targetId)) ||
      taken.has(spanKey(row.labelId, row.start!, row.end!))
    )
      return [];
    const { recommender, start, end, ...rest } = row;
    return [{ ...rest, start: start!, end: end!, recommender: recommender.name, label: label.key, layer: label.layer as SpanLayer }];
  });
}

/**
 * Each recommender's newest run that processed this document and whose output this person may
 * see: a batch run, or a run made when the document was opened — for them, when the kind learns
 * from one person's work (string-match), else for anyone. Every run stores its suggestions anew,
 * so older runs' are superseded and each span is offered once.
 */
async function currentRuns(db: DbClient, userId: string, documentId: string): Promise<string[]> {
  const processed = await db.recommenderRunDocument.findMany({
    where: {
      documentId,
      failed: false,
      run: { OR: [{ trigger: 'batch' }, { requestedById: userId }, { recommender: { kind: { not: 'string-match' } } }] },
    },
    orderBy: [{ createdAt: 'desc' }, { runId: 'desc' }],
    select: { run: { select: { id: true, recommenderId: true } } },
  });
  const newest = new Map<string, string>();
  for (const { run } of processed) if (!newest.has(run.recommenderId)) newest.set(run.recommenderId, run.id);
  return [...newest.values()];
}

export function spanKey(labelId: string, start: number, end: number): string {
  return `${labelId}:${start}:${end}`;
}
