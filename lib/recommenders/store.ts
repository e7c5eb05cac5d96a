import type { DbClient, PrismaClient } from '@/lib/db/client';
import { changeOf, recordEvents } from '@/lib/events/log';
import type { LabelLayer } from '@/lib/generated/prisma/enums';
import { notFound, validationFailed } from '@/lib/http/errors';
import { outboundUrl, parseConfig } from './config';
import type { Kind, RecommenderSettings } from './types';

/**
 * Recommenders of a project: create, list, change, delete (soft), each change an event
 * (RECOMMENDER) with the state before and after. Configs hold no secrets — an API key is
 * named by its environment variable (`apiKeyEnv`) — so every member may read them; what they
 * most need to read is where each recommender sends document text (`sendsTextTo`).
 */
/** A recommender as the store reads it; the open-run path reads the same columns. */
export const recommenderSelect = {
  id: true,
  projectId: true,
  kind: true,
  name: true,
  layers: true,
  labels: true,
  config: true,
  gazetteer: true,
  enabled: true,
  createdAt: true,
  updatedAt: true,
} as const;
type Row = {
  id: string;
  projectId: string;
  kind: string;
  name: string;
  layers: LabelLayer[];
  labels: string[];
  config: unknown;
  gazetteer: unknown;
  enabled: boolean;
  createdAt: Date;
  updatedAt: Date;
};

export interface RecommenderInput {
  kind: Kind;
  name: string;
  layers?: LabelLayer[];
  labels?: string[];
  config?: Record<string, unknown>;
}

export interface RecommenderChange {
  name?: string;
  layers?: LabelLayer[];
  labels?: string[];
  config?: Record<string, unknown>;
  enabled?: boolean;
}

export function present(row: Row) {
  const config = row.config as Record<string, unknown>;
  return {
    id: row.id,
    projectId: row.projectId,
    kind: row.kind as Kind,
    name: row.name,
    layers: row.layers,
    labels: row.labels,
    config,
    enabled: row.enabled,
    gazetteerEntries: (row.gazetteer as unknown[]).length,
    sendsTextTo: outboundUrl(row.kind as Kind, config)?.url ?? null,
    createdAt: row.createdAt,
    updatedAt: row.updatedAt,
  };
}

function snapshot(row: Row) {
  const { createdAt: _created, updatedAt: _updated, sendsTextTo: _derived, ...state } = present(row);
  return state;
}

export function settingsOf(row: Row): RecommenderSettings {
  return {
    id: row.id,
    projectId: row.projectId,
    kind: row.kind as Kind,
    name: row.name,
    layers: row.layers.filter((l) => l !== 'RELATION') as RecommenderSettings['layers'],
    labels: row.labels,
    config: row.config as Record<string, unknown>,
    gazetteer: row.gazetteer as RecommenderSettings['gazetteer'],
  };
}

export async function listRecommenders(db: PrismaClient, projectId: string) {
  const rows = await db.recommender.findMany({ where: { projectId, deletedAt: null }, orderBy: { createdAt: 'asc' }, select: recommenderSelect });
  return rows.map(present);
}

/** A live recommender by id, with its project (for authorization); 404 when deleted or unknown. */
export async function findRecommender(db: DbClient, id: string): Promise<Row> {
  const row = await db.recommender.findFirst({ where: { id, deletedAt: null }, select: recommenderSelect });
  if (!row) throw notFound('Recommender');
  return row;
}

/** Label keys must be labels of the project: a 400 naming the first that is not. */
async function checkLabels(db: DbClient, projectId: string, labels: readonly string[], field: string): Promise<void> {
  if (labels.length === 0) return;
  const known = new Set((await db.label.findMany({ where: { projectId, key: { in: [...labels] } }, select: { key: true } })).map((l) => l.key));
  const index = labels.findIndex((key) => !known.has(key));
  if (index >= 0)
    throw validationFailed(`${field}.${index}: ${labels[index]} is not a label of this project.`, [{ path: `${field}.${index}`, message: 'unknown label' }]);
}

export async function createRecommender(db: PrismaClient, projectId: string, actorId: string, input: RecommenderInput) {
  const config = parseConfig(input.kind, input.config);
  await checkLabels(db, projectId, input.labels ?? [], 'body.labels');
  return db.$transaction(async (tx) => {
    const row = await tx.recommender.create({
      data: { projectId, kind: input.kind, name: input.name, layers: input.layers ?? [], labels: input.labels ?? [], config: config as object },
      select: recommenderSelect,
    });
    await recordEvents(tx, [{ projectId, documentId: null, actorId, entity: 'RECOMMENDER', entityId: row.id, ...changeOf(null, snapshot(row)) }]);
    return present(row);
  });
}

export async function updateRecommender(
  db: PrismaClient,
  id: string,
  actorId: string,
  change: RecommenderChange & { gazetteer?: { text: string; label: string }[] },
) {
  return db.$transaction(async (tx) => {
    const before = await findRecommender(tx, id);
    const config = change.config === undefined ? undefined : parseConfig(before.kind as Kind, change.config);
    if (change.labels) await checkLabels(tx, before.projectId, change.labels, 'body.labels');
    const after = await tx.recommender.update({
      where: { id },
      data: {
        name: change.name,
        layers: change.layers,
        labels: change.labels,
        enabled: change.enabled,
        config: config as object | undefined,
        gazetteer: change.gazetteer,
      },
      select: recommenderSelect,
    });
    await recordEvents(tx, [
      { projectId: before.projectId, documentId: null, actorId, entity: 'RECOMMENDER', entityId: id, ...changeOf(snapshot(before), snapshot(after)) },
    ]);
    return present(after);
  });
}

export async function deleteRecommender(db: PrismaClient, id: string, actorId: string): Promise<void> {
  await db.$transaction(async (tx) => {
    const before = await findRecommender(tx, id);
    await tx.recommender.update({ where: { id }, data: { deletedAt: new Date(), enabled: false } });
    await recordEvents(tx, [
      { projectId: before.projectId, documentId: null, actorId, entity: 'RECOMMENDER', entityId: id, ...changeOf(snapshot(before), null) },
    ]);
  });
}
