import type { DbClient } from '@/lib/db/client';
import type { SchemaView } from './types';

/** The project's labels, targets and guidelines as recommenders see them (retired ones included: the invariants drop them by name). */
export async function loadSchemaView(db: DbClient, projectId: string): Promise<SchemaView> {
  const [project, labels, targets] = await Promise.all([
    db.project.findUniqueOrThrow({ where: { id: projectId }, select: { guidelines: true } }),
    db.label.findMany({
      where: { projectId },
      orderBy: [{ retired: 'asc' }, { position: 'asc' }],
      select: { id: true, key: true, name: true, description: true, layer: true, retired: true, options: true, multiple: true, perTarget: true },
    }),
    db.target.findMany({ where: { projectId }, orderBy: { position: 'asc' }, select: { id: true, key: true, name: true, aliases: true, retired: true } }),
  ]);
  return {
    guidelines: project.guidelines,
    labels: labels.map((l) => ({ ...l, options: (l.options as { key: string; name: string }[] | null) ?? [] })),
    targets,
  };
}
