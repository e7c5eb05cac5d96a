import type { Prisma, PrismaClient } from '@/lib/generated/prisma/client';
import { findPreset } from '@/lib/schema/presets';
import { schemaRows } from '@/lib/schema/rows';

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

export function updateProject(db: PrismaClient, id: string, data: Partial<Omit<NewProject, 'presetId' | 'ownerId'>>) {
  return db.project.update({ where: { id }, data, select: projectSelect });
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
