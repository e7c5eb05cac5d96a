import type { ProjectAccess } from '@/lib/access/project-access';
import type { DbClient, PrismaClient } from '@/lib/db/client';
import { notFound } from '@/lib/http/errors';
import { OffsetIndex } from '@/lib/offsets';
import { annotationSelect, toWire } from './serialize';
import { SpanWriter, type NewSpan, type SpanChange, type SpanOrigin } from './span-writer';
import { readableWhere, shownTo, type AuthorFilter } from './visibility';

/**
 * Span annotations: every write runs in a transaction holding the document's
 * advisory lock (so the overlap rule and version checks see a stable document),
 * and records its event (span-writer.ts). Deletion is soft; the event log keeps the full history.
 */
export interface Actor {
  userId: string;
  access: ProjectAccess;
}

export async function listAnnotations(db: PrismaClient, actor: Actor, documentId: string, filter: AuthorFilter, layer?: string) {
  const rows = await db.annotation.findMany({
    where: { ...(await readableWhere(db, actor.access, actor.userId, documentId, filter)), ...(layer ? { label: { layer: layer as never } } : {}) },
    orderBy: [{ start: 'asc' }, { end: 'desc' }, { id: 'asc' }],
    select: annotationSelect,
  });
  return shownTo(actor.access, rows.map(toWire));
}

export async function createAnnotation(db: PrismaClient, actor: Actor, documentId: string, input: NewSpan) {
  return writeSpans(db, actor, documentId, { ids: [], gold: input.gold ?? false }, (spans) => spans.create(input));
}

export async function updateAnnotation(db: PrismaClient, actor: Actor, documentId: string, annotationId: string, change: SpanChange) {
  return writeSpans(db, actor, documentId, { ids: [annotationId], gold: false }, (spans) => spans.update(annotationId, change));
}

export async function deleteAnnotation(db: PrismaClient, actor: Actor, documentId: string, annotationId: string, version?: number): Promise<void> {
  await writeSpans(db, actor, documentId, { ids: [annotationId], gold: false }, (spans) => spans.delete(annotationId, version));
}

/**
 * Span writes in one transaction holding the document (one request, or a batch): a SpanWriter
 * that first reads what `prefetch` says the writes address (SpanWriter.prefetch), runs `work`,
 * then stores it all. `timeoutMs` as for inDocument.
 */
export function writeSpans<T>(
  db: PrismaClient,
  actor: Actor,
  documentId: string,
  prefetch: { ids: readonly string[]; gold: boolean },
  work: (spans: SpanWriter, tx: DbClient, document: DocumentContext) => Promise<T>,
  timeoutMs?: number,
): Promise<T> {
  return inDocument(
    db,
    documentId,
    async (tx, document) => {
      const spans = new SpanWriter(tx, document, actor);
      await spans.prefetch(prefetch.ids, prefetch.gold);
      const result = await work(spans, tx, document);
      await spans.flush();
      return result;
    },
    timeoutMs,
  );
}

/**
 * Creating a span in a layer inside `inDocument`'s transaction, from another writer (accepting
 * a suggestion): the same SpanWriter path as a span typed by hand, so a suggestion can never
 * break a rule a typed span would meet.
 */
export async function writeSpan(tx: DbClient, document: DocumentContext, actor: Actor, authorId: string | null, input: NewSpan, from: SpanOrigin) {
  const spans = new SpanWriter(tx, document, actor);
  const created = await spans.createIn(authorId, input, from);
  await spans.flush();
  return created;
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
