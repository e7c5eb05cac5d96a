import { changeOf, recordEvents } from '@/lib/events/log';
import { projectSnapshot } from '@/lib/events/snapshots';
import type { Prisma, PrismaClient } from '@/lib/generated/prisma/client';
import { schemaEvents } from '@/lib/schema/events';
import { findPreset } from '@/lib/schema/presets';
import { schemaRows } from '@/lib/schema/rows';
import { getSchema } from '@/lib/schema/store';

export interface ProjectSettings {
  annotatorsPerDocument?: number;
  blindMode?: boolean;
  allowOverlap?: boolean;
  snapToWords?: boolean;
  showGoldToAnnotators?: boolean;
  allowSelfAssignment?: boolean;
  license?: string;
}

interface NewProject extends ProjectSettings {
  name: string;
  description?: string;
  guidelines?: string;
  presetId: string;
  ownerId: string;
}

const projectSelect = {
  id: true,
  name: true,
  description: true,
  guidelines: true,
  annotatorsPerDocument: true,
  blindMode: true,
  allowOverlap: true,
  snapToWords: true,
  showGoldToAnnotators: true,
  allowSelfAssignment: true,
  license: true,
  createdAt: true,
  updatedAt: true,
} as const satisfies Prisma.ProjectSelect;

/** Creates a project, its label schema from a preset and the creator's OWNER membership in one transaction. */
export async function createProject(db: PrismaClient, { presetId, ownerId, ...fields }: NewProject) {
  const preset = findPreset(presetId);
  if (!preset) throw new Error(`Unknown preset "${presetId}".`);
  return db.$transaction(async (tx) => {
    const project = await tx.project.create({
      data: { ...fields, memberships: { create: { userId: ownerId, role: 'OWNER' } } },
      select: projectSelect,
    });
    const rows = schemaRows(project.id, preset);
    await tx.label.createMany({ data: rows.labels });
    await tx.target.createMany({ data: rows.targets });
    await recordEvents(tx, [
      { projectId: project.id, documentId: null, actorId: ownerId, entity: 'PROJECT', entityId: project.id, ...changeOf(null, projectSnapshot(project)) },
      ...schemaEvents(project.id, ownerId, { labels: [], targets: [] }, await getSchema(tx, project.id)),
    ]);
    return project;
  });
}

export function listProjectsOf(db: PrismaClient, userId: string, page: { take: number; cursor?: { id: string }; skip?: number }) {
  return db.project.findMany({
    where: { memberships: { some: { userId } } },
    orderBy: { id: 'asc' },
    select: { ...projectSelect, memberships: { where: { userId }, select: { role: true } } },
    ...page,
  });
}

export function getProject(db: PrismaClient, id: string) {
  return db.project.findUniqueOrThrow({ where: { id }, select: projectSelect });
}

/** Updates a project's fields; a change to any of them is an event (a PATCH that changes nothing records none). */
export function updateProject(db: PrismaClient, actorId: string, id: string, data: Partial<Omit<NewProject, 'presetId' | 'ownerId'>>) {
  return db.$transaction(async (tx) => {
    const before = await tx.project.findUniqueOrThrow({ where: { id }, select: projectSelect });
    const after = await tx.project.update({ where: { id }, data, select: projectSelect });
    const [was, is] = [projectSnapshot(before), projectSnapshot(after)];
    if (JSON.stringify(was) !== JSON.stringify(is)) {
      await recordEvents(tx, [{ projectId: id, documentId: null, actorId, entity: 'PROJECT', entityId: id, ...changeOf(was, is) }]);
    }
    return after;
  });
}

/**
 * The only hard delete of project content (docs/ARCHITECTURE.md §3): everything in the project
 * goes with it, in one transaction. Rows go children-first because labels, targets and spans
 * are referenced across branches of the cascade (an annotation points at a label and at its
 * document), which PostgreSQL's cascade order cannot resolve.
 */
export async function deleteProject(db: PrismaClient, id: string): Promise<void> {
  const inProject = { document: { projectId: id } };
  await db.$transaction([
    db.event.deleteMany({ where: { projectId: id } }),
    db.documentLabel.deleteMany({ where: inProject }),
    db.relation.deleteMany({ where: inProject }),
    db.annotation.updateMany({ where: { ...inProject, targetAnnotationId: { not: null } }, data: { targetAnnotationId: null } }),
    db.annotation.deleteMany({ where: inProject }),
    db.project.delete({ where: { id } }),
  ]);
}
