import type { Figure } from './figure';
import type { SpanLayer } from '@/lib/schema/types';
import type { ReportDocument } from './input';
import { tokenAlpha, tokenCoincidences, tokenFleiss, type LayerTokens } from './token-measures';

/**
 * Agreement over time: the documents in the order they were completed (the last counted
 * annotator's submission), cut into batches by ISO week (UTC) or by N documents, and the token
 * figures of each batch, so a team sees whether training works.
 */
export type Batching = { by: 'week' } | { by: 'documents'; size: number };

export interface Batch {
  label: string;
  /** First and last completion time in the batch (ISO 8601). */
  from: string;
  to: string;
  documents: number;
  layers: Partial<Record<SpanLayer, { tokenAlpha: Figure; fleissKappa: Figure; labels: Record<string, Figure> }>>;
}

export interface OverTime {
  batching: Batching;
  batches: Batch[];
  /** Documents with an annotator who has not submitted (scope "all"): in no batch. */
  notCompleted: number;
}

/** Which batch each document falls in (indexes into `documents`), batches in time order. */
export function batchDocuments(documents: readonly ReportDocument[], batching: Batching): { label: string; members: number[] }[] {
  const completed = documents
    .map((document, index) => ({ index, at: document.completedAt }))
    .filter((d): d is { index: number; at: string } => d.at !== undefined)
    .sort((x, y) => x.at.localeCompare(y.at) || x.index - y.index);
  if (batching.by === 'documents') {
    const batches: { label: string; members: number[] }[] = [];
    for (let start = 0; start < completed.length; start += batching.size) {
      const members = completed.slice(start, start + batching.size).map((d) => d.index);
      batches.push({ label: `documents ${start + 1}–${start + members.length}`, members });
    }
    return batches;
  }
  const byWeek = new Map<string, number[]>();
  for (const { index, at } of completed) {
    const week = isoWeek(new Date(at));
    if (!byWeek.has(week)) byWeek.set(week, []);
    byWeek.get(week)!.push(index);
  }
  return [...byWeek].map(([label, members]) => ({ label, members }));
}

/** ISO 8601 week of a UTC date, e.g. "2026-W49". */
export function isoWeek(date: Date): string {
  const day = new Date(Date.UTC(date.getUTCFullYear(), date.getUTCMonth(), date.getUTCDate()));
  const weekday = day.getUTCDay() || 7;
  // The week's Thursday decides its year.
  day.setUTCDate(day.getUTCDate() + 4 - weekday);
  const yearStart = Date.UTC(day.getUTCFullYear(), 0, 1);
  const week = Math.ceil(((day.getTime() - yearStart) / 86_400_000 + 1) / 7);
  return `${day.getUTCFullYear()}-W${String(week).padStart(2, '0')}`;
}

/** One layer's figures for each batch, from the layer's token codes restricted to the batch's documents. */
export function batchFigures(tokens: LayerTokens, annotators: string[], labels: string[], members: number[]): Batch['layers'][SpanLayer] {
  const subset: LayerTokens = { sets: tokens.sets, byDocument: members.map((i) => tokens.byDocument[i]!) };
  const coincidences = tokenCoincidences(subset, annotators);
  return {
    tokenAlpha: tokenAlpha(coincidences, tokens.sets),
    fleissKappa: tokenFleiss(subset),
    labels: Object.fromEntries(labels.map((label) => [label, tokenAlpha(coincidences, tokens.sets, label)])),
  };
}
