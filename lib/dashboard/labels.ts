import type { PrismaClient } from '@/lib/db/client';
import { Prisma } from '@/lib/generated/prisma/client';
import type { LabelLayer } from '@/lib/generated/prisma/enums';
import type { DashboardScope } from './scope';

/** The layers whose labels are spans in the text; relations and document answers are not counted here. */
export const SPAN_LAYERS: readonly LabelLayer[] = ['ENTITY', 'STANCE', 'FRAME'];

export interface LabelCount {
  labelId: string;
  /** null: the gold layer. */
  authorId: string | null;
  count: number;
}

/**
 * Live spans per (label, author) in a project's live documents, counted document by document
 * through the (documentId, authorId) index, as lib/assignments/store.ts counts spans per author:
 * the aggregate inside LATERAL cannot be flattened into a scan of the whole Annotation table.
 * A scope limited to one annotator counts that annotator's spans only (gold and others' are never read).
 */
export function countSpans(db: PrismaClient, projectId: string, scope: DashboardScope): Promise<LabelCount[]> {
  const whose = scope.kind === 'all' ? Prisma.empty : Prisma.sql`AND a."authorId" = ${scope.userId}`;
  return db.$queryRaw<LabelCount[]>`
    SELECT per."labelId", per."authorId", sum(per.n)::int AS count
    FROM "Document" d
    CROSS JOIN LATERAL (
      SELECT a."labelId", a."authorId", count(*) AS n FROM "Annotation" a
      WHERE a."documentId" = d.id AND a."deletedAt" IS NULL ${whose}
      GROUP BY a."labelId", a."authorId") per
    WHERE d."projectId" = ${projectId} AND d."deletedAt" IS NULL
    GROUP BY per."labelId", per."authorId"`;
}

export interface DashboardLabel {
  id: string;
  layer: LabelLayer;
  key: string;
  name: string;
  color: string;
  retired: boolean;
}

export interface LayerDistribution {
  layer: LabelLayer;
  labels: { id: string; key: string; name: string; color: string; gold: number | null; annotators: number }[];
}

/**
 * Spans per label, grouped by layer in schema order, gold and annotators' apart. A retired label is
 * listed only while spans still carry it; gold is null when the scope may not see it.
 */
export function distribution(labels: DashboardLabel[], counts: LabelCount[], showsGold: boolean): LayerDistribution[] {
  const gold = new Map<string, number>();
  const annotators = new Map<string, number>();
  for (const c of counts) {
    const into = c.authorId === null ? gold : annotators;
    into.set(c.labelId, (into.get(c.labelId) ?? 0) + c.count);
  }
  return SPAN_LAYERS.map((layer) => ({
    layer,
    labels: labels
      .filter((l) => l.layer === layer && (!l.retired || gold.has(l.id) || annotators.has(l.id)))
      .map(({ id, key, name, color }) => ({ id, key, name, color, gold: showsGold ? (gold.get(id) ?? 0) : null, annotators: annotators.get(id) ?? 0 })),
  })).filter((l) => l.labels.length > 0);
}

export interface AnnotatorCounts {
  userId: string;
  name: string;
  total: number;
  /** Spans per label id; labels without spans are left out. */
  labels: Record<string, number>;
}

/** Spans per label for each annotator (gold excluded), sorted by name. */
export function perAnnotator(counts: LabelCount[], names: Map<string, string>): AnnotatorCounts[] {
  const byUser = new Map<string, AnnotatorCounts>();
  for (const c of counts) {
    if (c.authorId === null) continue;
    let row = byUser.get(c.authorId);
    if (!row) {
      row = { userId: c.authorId, name: names.get(c.authorId) ?? c.authorId, total: 0, labels: {} };
      byUser.set(c.authorId, row);
    }
    row.labels[c.labelId] = (row.labels[c.labelId] ?? 0) + c.count;
    row.total += c.count;
  }
  return [...byUser.values()].sort((a, b) => a.name.localeCompare(b.name));
}
