import type { DbClient, PrismaClient } from '@/lib/db/client';
import type { Prisma } from '@/lib/generated/prisma/client';
import { assertLayerWritable } from '@/lib/assignments/writable';
import { recordEvents } from '@/lib/events/log';
import { relationSnapshot } from '@/lib/events/snapshots';
import { forbidden, notFound, versionConflict } from '@/lib/http/errors';
import { checkRelation } from './invariants';
import { spanFact, violationError } from './rules';
import { inDocument, type Actor, type DocumentContext } from './service';
import { relationFields } from './span-store';
import { readableWhere, shownTo, type AuthorFilter } from './visibility';
import { can } from '@/lib/access/policy';
import { assertGoldWriter } from '@/lib/access/project-access';

/** Directed relations between two spans of the same layer owner, typed by a RELATION label. */
const relationSelect = {
  ...relationFields,
  createdAt: true,
  updatedAt: true,
  label: { select: { key: true } },
} as const satisfies Prisma.RelationSelect;

type RelationRow = Prisma.RelationGetPayload<{ select: typeof relationSelect }>;

function relationToWire({ authorId, label, ...rest }: RelationRow) {
  return { ...rest, author: authorId ?? 'gold', label: label.key };
}

export interface NewRelation {
  labelId: string;
  sourceId: string;
  targetId: string;
  attributes?: Prisma.InputJsonObject;
  gold?: boolean;
}

export async function listRelations(db: PrismaClient, actor: Actor, documentId: string, filter: AuthorFilter) {
  const rows = await db.relation.findMany({
    where: await readableWhere(db, actor.access, actor.userId, documentId, filter),
    orderBy: { createdAt: 'asc' },
    select: relationSelect,
  });
  return shownTo(actor.access, rows.map(relationToWire));
}

export async function createRelation(db: PrismaClient, actor: Actor, documentId: string, input: NewRelation) {
  return inDocument(db, documentId, (tx, document) => createRelationIn(tx, document, actor, input));
}

/** The creation itself, in a transaction holding the document's lock (one request, or one operation of a batch). */
export async function createRelationIn(tx: DbClient, document: DocumentContext, actor: Actor, input: NewRelation) {
  if (input.gold) assertGoldWriter(actor.access.role);
  const authorId = input.gold ? null : actor.userId;
  const { documentId } = document;
  await assertLayerWritable(tx, actor, documentId, authorId);
  // One transaction runs one statement at a time, so these go in sequence.
  const type = await tx.label.findFirst({
    where: { id: input.labelId, projectId: document.projectId },
    select: { id: true, key: true, layer: true, retired: true, sourceTypes: true, targetTypes: true },
  });
  const ends = await tx.annotation.findMany({
    where: { id: { in: [input.sourceId, input.targetId] }, documentId, deletedAt: null },
    select: { id: true, authorId: true, start: true, end: true, quote: true, label: { select: { key: true, layer: true } } },
  });
  const end = (id: string) => {
    const row = ends.find((e) => e.id === id);
    return row ? spanFact(row) : undefined;
  };
  const checked = checkRelation({ ...input, authorId }, type ?? undefined, end(input.sourceId), end(input.targetId));
  if (!checked.ok) throw violationError(checked.violation);
  const row = await tx.relation.create({
    data: {
      documentId,
      authorId,
      labelId: input.labelId,
      sourceId: input.sourceId,
      targetId: input.targetId,
      attributes: input.attributes ?? {},
      origin: 'MANUAL',
    },
    select: relationSelect,
  });
  await recordEvents(tx, [
    {
      projectId: document.projectId,
      documentId,
      actorId: actor.userId,
      entity: 'RELATION',
      entityId: row.id,
      action: 'CREATE',
      after: relationSnapshot(row),
    },
  ]);
  return relationToWire(row);
}

export async function deleteRelation(db: PrismaClient, actor: Actor, documentId: string, relationId: string, version?: number): Promise<void> {
  await inDocument(db, documentId, (tx, document) => deleteRelationIn(tx, document, actor, relationId, version));
}

export async function deleteRelationIn(tx: DbClient, document: DocumentContext, actor: Actor, relationId: string, version?: number): Promise<void> {
  const { documentId } = document;
  const row = await tx.relation.findFirst({ where: { id: relationId, documentId, deletedAt: null }, select: relationSelect });
  if (!row) throw notFound('Relation');
  if (row.authorId === null ? !can(actor.access.role, 'gold:write') : row.authorId !== actor.userId) {
    if (row.authorId !== null && !actor.access.seesOthersWork) throw notFound('Relation');
    throw forbidden('You can delete only your own relations (or gold, as a curator).');
  }
  await assertLayerWritable(tx, actor, documentId, row.authorId);
  if (version !== undefined && row.version !== version)
    throw versionConflict(`This relation changed since you loaded it (version ${row.version}).`, relationToWire(row));
  await tx.relation.update({ where: { id: relationId }, data: { deletedAt: new Date() } });
  await recordEvents(tx, [
    {
      projectId: document.projectId,
      documentId: row.documentId,
      actorId: actor.userId,
      entity: 'RELATION',
      entityId: row.id,
      action: 'DELETE',
      before: relationSnapshot(row),
    },
  ]);
}
