import type { PrismaClient } from '@/lib/db/client';

/**
 * How annotators received each recommender's suggestions, per label and per day of decision:
 * accepted, rejected, and of the accepted ones how many spans were later edited (updated at
 * least once: the annotator corrected the model) or deleted. Decisions for gold count as well.
 */
export interface DecisionCounts {
  accepted: number;
  rejected: number;
  /** Accepted, and the span was updated afterwards. */
  edited: number;
  /** Accepted, and the span was deleted afterwards. */
  deleted: number;
}

export interface LabelStats extends DecisionCounts {
  recommenderId: string;
  recommender: string;
  label: string;
  layer: string;
  /** accepted / (accepted + rejected); null before any decision. */
  acceptance: number | null;
  /** Per UTC day of decision, oldest first. */
  days: (DecisionCounts & { day: string })[];
}

export interface DecisionRow {
  recommenderId: string;
  labelId: string;
  day: string;
  status: 'ACCEPTED' | 'REJECTED';
  decisions: number;
  edited: number;
  deleted: number;
}

export async function suggestionStats(db: PrismaClient, projectId: string): Promise<LabelStats[]> {
  const [rows, recommenders, labels] = await Promise.all([
    db.$queryRaw<DecisionRow[]>`
      SELECT s."recommenderId", s."labelId", to_char(d."decidedAt", 'YYYY-MM-DD') AS day, d.status::text AS status,
        count(*)::int AS decisions,
        count(*) FILTER (WHERE a.version > 1)::int AS edited,
        count(*) FILTER (WHERE a."deletedAt" IS NOT NULL)::int AS deleted
      FROM "SuggestionDecision" d
      JOIN "Suggestion" s ON s.id = d."suggestionId"
      JOIN "Recommender" r ON r.id = s."recommenderId"
      LEFT JOIN "Annotation" a ON a.id = d."annotationId"
      WHERE r."projectId" = ${projectId}
      GROUP BY 1, 2, 3, 4`,
    db.recommender.findMany({ where: { projectId }, select: { id: true, name: true } }),
    db.label.findMany({ where: { projectId }, select: { id: true, key: true, layer: true } }),
  ]);
  return summarize(rows, new Map(recommenders.map((r) => [r.id, r.name])), new Map(labels.map((l) => [l.id, l])));
}

/** Groups the per-day counts by recommender and label, ordered by recommender name, then label. */
export function summarize(
  rows: readonly DecisionRow[],
  recommenders: ReadonlyMap<string, string>,
  labels: ReadonlyMap<string, { key: string; layer: string }>,
): LabelStats[] {
  const groups = new Map<string, LabelStats>();
  for (const row of rows) {
    const key = `${row.recommenderId}|${row.labelId}`;
    const label = labels.get(row.labelId);
    const group = groups.get(key) ?? {
      recommenderId: row.recommenderId,
      recommender: recommenders.get(row.recommenderId) ?? row.recommenderId,
      label: label?.key ?? row.labelId,
      layer: label?.layer ?? '',
      ...none(),
      acceptance: null,
      days: [],
    };
    groups.set(key, group);
    let day = group.days.find((d) => d.day === row.day);
    if (!day) group.days.push((day = { day: row.day, ...none() }));
    for (const counts of [group, day]) {
      if (row.status === 'ACCEPTED') counts.accepted += row.decisions;
      else counts.rejected += row.decisions;
      counts.edited += row.edited;
      counts.deleted += row.deleted;
    }
  }
  return [...groups.values()]
    .map((g) => ({
      ...g,
      acceptance: g.accepted + g.rejected === 0 ? null : Math.round((g.accepted / (g.accepted + g.rejected)) * 10_000) / 10_000,
      days: g.days.sort((a, b) => a.day.localeCompare(b.day)),
    }))
    .sort((a, b) => a.recommender.localeCompare(b.recommender) || a.layer.localeCompare(b.layer) || a.label.localeCompare(b.label));
}

function none(): DecisionCounts {
  return { accepted: 0, rejected: 0, edited: 0, deleted: 0 };
}
