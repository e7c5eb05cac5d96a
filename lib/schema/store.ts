import type { PrismaClient } from '@/lib/db/client';
import { schemaRows } from './rows';
import type { SchemaDefinition } from './types';

const labelSelect = {
  id: true, layer: true, key: true, name: true, description: true, color: true, hotkey: true, position: true,
  retired: true, sourceTypes: true, targetTypes: true, options: true, multiple: true, perTarget: true,
} as const;
const targetSelect = { id: true, key: true, name: true, aliases: true, position: true, retired: true } as const;

export async function getSchema(db: PrismaClient, projectId: string) {
  const [labels, targets] = await Promise.all([
    db.label.findMany({ where: { projectId }, orderBy: [{ retired: 'asc' }, { position: 'asc' }], select: labelSelect }),
    db.target.findMany({ where: { projectId }, orderBy: [{ retired: 'asc' }, { position: 'asc' }], select: targetSelect }),
  ]);
  return { labels, targets };
}

/**
 * Replaces the active schema with `schema`, matching labels by (layer, key) and
 * targets by key. Anything left out is retired, never deleted, so annotations
 * that use it stay readable and exportable; sending it again revives it.
 */
export async function replaceSchema(db: PrismaClient, projectId: string, schema: SchemaDefinition) {
  const rows = schemaRows(projectId, schema);
  await db.$transaction(async (tx) => {
    await tx.label.updateMany({ where: { projectId }, data: { retired: true, hotkey: null } });
    await tx.target.updateMany({ where: { projectId }, data: { retired: true } });
    for (const label of rows.labels) {
      await tx.label.upsert({
        where: { projectId_layer_key: { projectId, layer: label.layer, key: label.key } },
        create: label,
        update: label,
      });
    }
    for (const target of rows.targets) {
      await tx.target.upsert({ where: { projectId_key: { projectId, key: target.key } }, create: target, update: target });
    }
  });
  return getSchema(db, projectId);
}
