import type { DbClient, PrismaClient } from '@/lib/db/client';
import { recordEvents } from '@/lib/events/log';
import { validationFailed } from '@/lib/http/errors';
import { schemaEvents } from './events';
import { schemaRows } from './rows';
import type { SchemaDefinition } from './types';

const labelSelect = {
  id: true,
  layer: true,
  key: true,
  name: true,
  description: true,
  color: true,
  hotkey: true,
  position: true,
  retired: true,
  sourceTypes: true,
  targetTypes: true,
  options: true,
  multiple: true,
  perTarget: true,
} as const;
const targetSelect = { id: true, key: true, name: true, aliases: true, position: true, retired: true } as const;

export async function getSchema(db: DbClient, projectId: string) {
  const [labels, targets] = await Promise.all([
    db.label.findMany({ where: { projectId }, orderBy: [{ retired: 'asc' }, { position: 'asc' }], select: labelSelect }),
    db.target.findMany({ where: { projectId }, orderBy: [{ retired: 'asc' }, { position: 'asc' }], select: targetSelect }),
  ]);
  return { labels, targets };
}

/**
 * Replaces the active schema with `schema`, matching labels by (layer, key) and
 * targets by key. Anything left out or sent with `retired: true` is retired, never
 * deleted, so annotations that use it stay readable and exportable; sending it
 * again without `retired` revives it.
 */
export async function replaceSchema(db: PrismaClient, actorId: string | null, projectId: string, schema: SchemaDefinition) {
  const rows = schemaRows(projectId, schema);
  await db.$transaction(async (tx) => {
    await checkIds(tx, projectId, schema);
    const before = await getSchema(tx, projectId);
    await tx.label.updateMany({ where: { projectId }, data: { retired: true, hotkey: null } });
    await tx.target.updateMany({ where: { projectId }, data: { retired: true } });
    for (const label of rows.labels) {
      await tx.label.upsert({
        where: { projectId_layer_key: { projectId, layer: label.layer, key: label.key } },
        create: label,
        update: kept(label),
      });
    }
    for (const target of rows.targets) {
      await tx.target.upsert({ where: { projectId_key: { projectId, key: target.key } }, create: target, update: kept(target) });
    }
    await recordEvents(tx, schemaEvents(projectId, actorId, before, await getSchema(tx, projectId)));
  });
  return getSchema(db, projectId);
}

/** A stored item that stays retired keeps its position, so sending GET's answer back changes nothing. */
function kept<T extends { retired: boolean; position: number }>(row: T): Omit<T, 'position'> | T {
  if (!row.retired) return row;
  const { position: _position, ...rest } = row;
  return rest;
}

/**
 * An `id` sent back from GET must be the stored item with that key: matching is by
 * key, so a script that edited a key next to its id would otherwise retire the
 * label and create another instead of the rename it meant.
 */
async function checkIds(db: DbClient, projectId: string, schema: SchemaDefinition) {
  const [labels, targets] = await Promise.all([
    db.label.findMany({ where: { projectId }, select: { id: true, layer: true, key: true } }),
    db.target.findMany({ where: { projectId }, select: { id: true, key: true } }),
  ]);
  const labelIds = new Map(labels.map((label) => [label.id, `${label.layer}:${label.key}`]));
  const targetIds = new Map(targets.map((target) => [target.id, target.key]));
  const details: { path: string; message: string }[] = [];
  schema.labels.forEach((label, i) => {
    if (label.id === undefined || labelIds.get(label.id) === `${label.layer}:${label.key}`) return;
    const stored = labelIds.get(label.id);
    details.push({
      path: `body.labels.${i}.id`,
      message: stored
        ? `${label.id} is the label ${stored}, not ${label.layer}:${label.key}; keys cannot be renamed (leave id out to add a new label)`
        : `${label.id} is not a label of this project (leave id out to add a new label)`,
    });
  });
  schema.targets.forEach((target, i) => {
    if (target.id === undefined || targetIds.get(target.id) === target.key) return;
    const stored = targetIds.get(target.id);
    details.push({
      path: `body.targets.${i}.id`,
      message: stored
        ? `${target.id} is the target ${stored}, not ${target.key}; keys cannot be renamed (leave id out to add a new target)`
        : `${target.id} is not a target of this project (leave id out to add a new target)`,
    });
  });
  if (details.length > 0) {
    throw validationFailed(`Invalid request body: ${details.map((d) => `${d.path}: ${d.message}`).join('; ')}`, details);
  }
}
