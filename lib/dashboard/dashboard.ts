import type { PrismaClient } from '@/lib/db/client';
import { countSpans, distribution, perAnnotator, SPAN_LAYERS } from './labels';
import { progressOverTime } from './progress';
import { dashboardScope } from './scope';

/**
 * The project overview's charts: spans per label per layer, spans per label per annotator, and
 * documents submitted and adjudicated over time, each limited to what the viewer may see (./scope.ts).
 */
export async function projectDashboard(db: PrismaClient, projectId: string, viewer: { userId: string; seesOthersWork: boolean }) {
  const scope = dashboardScope(viewer);
  const [labels, counts, timeline] = await Promise.all([
    db.label.findMany({
      where: { projectId, layer: { in: [...SPAN_LAYERS] } },
      select: { id: true, layer: true, key: true, name: true, color: true, retired: true },
      orderBy: [{ position: 'asc' }, { id: 'asc' }],
    }),
    countSpans(db, projectId, scope),
    progressOverTime(db, projectId, scope),
  ]);
  const authorIds = [...new Set(counts.flatMap((c) => (c.authorId === null ? [] : [c.authorId])))];
  const users = await db.user.findMany({ where: { id: { in: authorIds } }, select: { id: true, name: true } });
  return {
    scope: scope.kind,
    layers: distribution(labels, counts, scope.kind === 'all'),
    annotators: perAnnotator(counts, new Map(users.map((u) => [u.id, u.name]))),
    timeline,
  };
}

export type ProjectDashboard = Awaited<ReturnType<typeof projectDashboard>>;
