import { assertGoldWriter, type ProjectAccess } from '@/lib/access/project-access';
import type { DbClient, PrismaClient } from '@/lib/db/client';
import type { Prisma } from '@/lib/generated/prisma/client';
import { assertLayerWritable } from '@/lib/assignments/writable';
import { recordEvents } from '@/lib/events/log';
import { conflict, forbidden, notFound, versionConflict } from '@/lib/http/errors';
import { OffsetIndex } from '@/lib/offsets';
import { annotationSnapshot, relationSnapshot } from '@/lib/events/snapshots';
import { annotationFields, annotationSelect, toWire, type AnnotationFields } from './serialize';
import { checkDeletable, checkSpanNote } from './invariants';
import { checkDependents, checkSpan, violationError, type SpanDraft, type TargetRef } from './rules';
import { assertCanRead, authorWhere, shownTo, type AuthorFilter } from './visibility';

/**
 * Span annotations: every write runs in a transaction holding the document's
 * advisory lock (so the overlap rule and version checks see a stable document),
 * and records its event. Deletion is soft; the event log keeps the full history.
 */
export interface Actor {
  userId: string;
  access: ProjectAccess;
}

/** The author's flag and note on a span (invariants.ts, checkSpanNote). */
export interface SpanRemarks {
  unsure?: boolean;
  note?: string | null;
}

export interface NewSpan extends SpanDraft, SpanRemarks {
  attributes?: Prisma.InputJsonObject;
  gold?: boolean;
}

export interface SpanChange extends SpanRemarks {
  version: number;
  labelId?: string;
  start?: number;
  end?: number;
  quote?: string;
  target?: TargetRef | null;
  attributes?: Prisma.InputJsonObject;
}

export async function listAnnotations(db: PrismaClient, actor: Actor, documentId: string, filter: AuthorFilter, layer?: string) {
  await assertCanRead(db, actor.access, actor.userId, documentId, filter);
  const rows = await db.annotation.findMany({
    where: { documentId, deletedAt: null, ...authorWhere(filter), ...(layer ? { label: { layer: layer as never } } : {}) },
    orderBy: [{ start: 'asc' }, { end: 'desc' }, { id: 'asc' }],
    select: annotationSelect,
  });
  return shownTo(actor.access, rows.map(toWire));
}

export async function createAnnotation(db: PrismaClient, actor: Actor, documentId: string, input: NewSpan) {
  const authorId = layerOwner(actor, input.gold ?? false);
  return inDocument(db, documentId, (tx, document) => writeSpan(tx, document, actor, authorId, input));
}

/** Creating a span inside a transaction that already holds the document (a batch of operations). */
export function createSpanIn(tx: DbClient, document: DocumentContext, actor: Actor, input: NewSpan) {
  return writeSpan(tx, document, actor, layerOwner(actor, input.gold ?? false), input);
}

/** Where a new span came from: typed by hand, or accepted from a suggestion (provenance in `sourceIds`). */
export interface SpanOrigin {
  origin: 'MANUAL' | 'SUGGESTED';
  sourceIds?: string[];
}

/**
 * The one path that creates a span in a layer, inside `inDocument`'s transaction: the layer's
 * blind rules, the span invariants, the row and its event. Creating by hand and accepting a
 * suggestion both come here, so a suggestion can never break a rule a typed span would meet.
 */
export async function writeSpan(
  tx: DbClient,
  document: DocumentContext,
  actor: Actor,
  authorId: string | null,
  input: NewSpan,
  from: SpanOrigin = { origin: 'MANUAL' },
) {
  await assertLayerWritable(tx, actor, document.documentId, authorId);
  const { label, ...fields } = await checkSpan(tx, input, { ...document, authorId });
  const created = await tx.annotation.create({
    data: {
      ...fields,
      ...remarks(input),
      documentId: document.documentId,
      authorId,
      attributes: input.attributes ?? {},
      origin: from.origin,
      sourceIds: from.sourceIds ?? [],
    },
    select: annotationFields,
  });
  const row = { ...created, label };
  await recordEvents(tx, [{ ...about(document.projectId, actor, row), action: 'CREATE', after: annotationSnapshot(row) }]);
  if (authorId) await markStarted(tx, document.documentId, authorId);
  return toWire(row);
}

export async function updateAnnotation(db: PrismaClient, actor: Actor, documentId: string, annotationId: string, change: SpanChange) {
  return inDocument(db, documentId, (tx, document) => updateSpanIn(tx, document, actor, annotationId, change));
}

/** The update itself, in a transaction holding the document's lock (one request, or one operation of a batch). */
export async function updateSpanIn(tx: DbClient, document: DocumentContext, actor: Actor, annotationId: string, change: SpanChange) {
  const { documentId } = document;
  const current = await loadOwned(tx, actor, documentId, annotationId);
  await assertLayerWritable(tx, actor, documentId, current.authorId);
  if (current.version !== change.version) {
    throw versionConflict(`This annotation changed since you loaded it (version ${current.version}, you sent ${change.version}).`, await wireOf(tx, current));
  }
  const draft: SpanDraft = {
    labelId: change.labelId ?? current.labelId,
    start: change.start ?? current.start,
    end: change.end ?? current.end,
    quote: change.quote,
    target: change.target !== undefined ? change.target : currentTarget(current),
  };
  const { label, ...fields } = await checkSpan(tx, draft, { ...document, authorId: current.authorId, selfId: current.id });
  if (draft.labelId !== current.labelId)
    await checkDependents(tx, {
      id: current.id,
      authorId: current.authorId,
      layer: label.layer,
      labelKey: label.key,
      start: fields.start,
      end: fields.end,
      quote: fields.quote,
    });
  const updated = await tx.annotation.update({
    where: { id: annotationId },
    data: { ...fields, ...remarks(change), ...(change.attributes ? { attributes: change.attributes } : {}), version: { increment: 1 } },
    select: annotationFields,
  });
  const row = { ...updated, label };
  await recordEvents(tx, [{ ...about(document.projectId, actor, row), action: 'UPDATE', before: annotationSnapshot(current), after: annotationSnapshot(row) }]);
  return toWire(row);
}

/**
 * Deleting a span also deletes the relations that use it; a span that stance
 * spans point at must be released first, so no stance loses its target silently.
 */
export async function deleteAnnotation(db: PrismaClient, actor: Actor, documentId: string, annotationId: string, version?: number): Promise<void> {
  await inDocument(db, documentId, (tx, document) => deleteSpanIn(tx, document, actor, annotationId, version));
}

export async function deleteSpanIn(tx: DbClient, document: DocumentContext, actor: Actor, annotationId: string, version?: number): Promise<void> {
  const { documentId } = document;
  const current = await loadOwned(tx, actor, documentId, annotationId);
  await assertLayerWritable(tx, actor, documentId, current.authorId);
  if (version !== undefined && current.version !== version) {
    throw versionConflict(`This annotation changed since you loaded it (version ${current.version}).`, await wireOf(tx, current));
  }
  const stances = await tx.annotation.count({ where: { targetAnnotationId: annotationId, deletedAt: null } });
  const deletable = checkDeletable(stances);
  if (!deletable.ok) throw conflict(deletable.violation.message);
  const now = new Date();
  const relations = await tx.relation.findMany({ where: { deletedAt: null, OR: [{ sourceId: annotationId }, { targetId: annotationId }] } });
  if (relations.length > 0) {
    await tx.relation.updateMany({ where: { id: { in: relations.map((r) => r.id) } }, data: { deletedAt: now } });
  }
  await tx.annotation.update({ where: { id: annotationId }, data: { deletedAt: now } });
  await recordEvents(tx, [
    ...relations.map((r) => ({
      projectId: document.projectId,
      documentId,
      actorId: actor.userId,
      entity: 'RELATION' as const,
      entityId: r.id,
      action: 'DELETE' as const,
      before: relationSnapshot(r),
    })),
    { ...about(document.projectId, actor, current), action: 'DELETE' as const, before: annotationSnapshot(current) },
  ]);
}

/** Writers may touch their own layer; gold needs the curator's permission. */
export function layerOwner(actor: Actor, gold: boolean): string | null {
  if (!gold) return actor.userId;
  assertGoldWriter(actor.access.role);
  return null;
}

async function loadOwned(db: DbClient, actor: Actor, documentId: string, annotationId: string): Promise<AnnotationFields> {
  const row = await db.annotation.findFirst({ where: { id: annotationId, documentId, deletedAt: null }, select: annotationFields });
  if (!row) throw notFound('Annotation');
  if (row.authorId === null) layerOwner(actor, true);
  else if (row.authorId !== actor.userId) {
    if (!actor.access.seesOthersWork) throw notFound('Annotation');
    throw forbidden("You can change only your own annotations (or gold, as a curator); adjudicate to take another annotator's work into gold.");
  }
  return row;
}

/** The wire shape of a loaded annotation, for conflict answers (writers otherwise skip its label). */
async function wireOf(db: DbClient, row: AnnotationFields) {
  return toWire({ ...row, label: await db.label.findUniqueOrThrow({ where: { id: row.labelId }, select: { key: true, layer: true } }) });
}

export interface DocumentContext {
  projectId: string;
  documentId: string;
  text: OffsetIndex;
  allowOverlap: boolean;
}

/** Runs `work` in a transaction that holds the document's write lock (`timeoutMs`: Prisma's interactive default, 5 s, unless given). */
export async function inDocument<T>(
  db: PrismaClient,
  documentId: string,
  work: (tx: DbClient, document: DocumentContext) => Promise<T>,
  timeoutMs?: number,
): Promise<T> {
  return db.$transaction(
    async (tx) => {
      // Lock and document in one round trip. Reading the row in the statement that takes the lock
      // is safe: the lock guards the document's annotations, and the text never changes.
      const [document] = await tx.$queryRaw<Array<{ projectId: string; text: string; allowOverlap: boolean }>>`
      SELECT d."projectId", d.text, p."allowOverlap"
      FROM (SELECT pg_advisory_xact_lock(hashtextextended(${documentId}, 0))) AS locked, "Document" d JOIN "Project" p ON p.id = d."projectId"
      WHERE d.id = ${documentId} AND d."deletedAt" IS NULL`;
      if (!document) throw notFound('Document');
      return work(tx, { projectId: document.projectId, documentId, text: new OffsetIndex(document.text), allowOverlap: document.allowOverlap });
    },
    timeoutMs === undefined ? undefined : { timeout: timeoutMs },
  );
}

async function markStarted(db: DbClient, documentId: string, userId: string): Promise<void> {
  await db.assignment.updateMany({ where: { documentId, userId, status: 'ASSIGNED' }, data: { status: 'IN_PROGRESS', startedAt: new Date() } });
}

/** The flag and note to store, of those sent (a blank note clears it; a long one is refused naming `note`). */
function remarks({ unsure, note }: SpanRemarks): { unsure?: boolean; note?: string | null } {
  if (note === undefined) return unsure === undefined ? {} : { unsure };
  const checked = checkSpanNote(note);
  if (!checked.ok) throw violationError(checked.violation);
  return { ...(unsure === undefined ? {} : { unsure }), note: checked.value };
}

function currentTarget(row: AnnotationFields): TargetRef | null {
  if (row.targetId) return { kind: 'target', id: row.targetId };
  if (row.targetAnnotationId) return { kind: 'span', id: row.targetAnnotationId };
  return null;
}

/** Who changed which annotation: the part of its events every action shares. */
function about(projectId: string, actor: Actor, row: AnnotationFields) {
  return { projectId, documentId: row.documentId, actorId: actor.userId, entity: 'ANNOTATION' as const, entityId: row.id };
}
