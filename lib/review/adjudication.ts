import type { DbClient, PrismaClient } from '@/lib/db/client';
import type { Prisma } from '@/lib/generated/prisma/client';
import { inDocument, type Actor } from '@/lib/annotations/service';
import { recordEvents, type EventInput } from '@/lib/events/log';
import { conflict, validationFailed } from '@/lib/http/errors';
import { align, answerKey, relationKey, spanKey, type AlignAnswer, type AlignRelation, type AlignSpan } from './alignment';

/**
 * Adjudication into the gold layer (authorId null). Accepting is idempotent: an item
 * whose twin is already in gold only adds its id to the gold item's provenance
 * (`sourceIds`), so two curators accepting the same span at once yield one gold span
 * (both run under the document's lock, see inDocument).
 */
export interface DocumentWork {
  submitted: string[];
  spans: (AlignSpan & { quote: string; attributes: Prisma.JsonValue })[];
  relations: AlignRelation[];
  answers: AlignAnswer[];
  gold: { spans: (AlignSpan & { sourceIds: string[] })[]; relations: (AlignRelation & { sourceIds: string[] })[]; answers: (AlignAnswer & { sourceIds: string[] })[] };
}

/** Every annotator's and gold's work on a document, with span targets resolved to span identities. */
export async function loadWork(db: DbClient, documentId: string, submittedOnly = true): Promise<DocumentWork> {
  const [assignments, spans, relations, answers] = await Promise.all([
    db.assignment.findMany({ where: { documentId, ...(submittedOnly ? { status: 'SUBMITTED' } : {}) }, select: { userId: true } }),
    db.annotation.findMany({ where: { documentId, deletedAt: null }, select: { id: true, authorId: true, start: true, end: true, labelId: true, targetId: true, targetAnnotationId: true, quote: true, attributes: true, sourceIds: true } }),
    db.relation.findMany({ where: { documentId, deletedAt: null }, select: { id: true, authorId: true, labelId: true, sourceId: true, targetId: true, sourceIds: true } }),
    db.documentLabel.findMany({ where: { documentId, deletedAt: null }, select: { id: true, authorId: true, labelId: true, targetId: true, values: true, sourceIds: true } }),
  ]);
  const byId = new Map(spans.map((s) => [s.id, s]));
  const aligned = spans.map((s) => {
    const target = s.targetAnnotationId ? byId.get(s.targetAnnotationId) : undefined;
    return { ...s, authorId: s.authorId ?? 'gold', targetSpan: target ? { start: target.start, end: target.end, labelId: target.labelId } : null };
  });
  const alignedById = new Map(aligned.map((s) => [s.id, s]));
  const rels = relations.map((r) => ({ ...r, authorId: r.authorId ?? 'gold', source: alignedById.get(r.sourceId)!, target: alignedById.get(r.targetId)! }));
  const answersAligned = answers.map((a) => ({ ...a, authorId: a.authorId ?? 'gold' }));
  const submitted = assignments.map((a) => a.userId);
  const counts = (authorId: string) => submitted.includes(authorId);
  return {
    submitted,
    spans: aligned.filter((s) => counts(s.authorId)),
    relations: rels.filter((r) => counts(r.authorId)),
    answers: answersAligned.filter((a) => counts(a.authorId)),
    gold: { spans: aligned.filter((s) => s.authorId === 'gold'), relations: rels.filter((r) => r.authorId === 'gold'), answers: answersAligned.filter((a) => a.authorId === 'gold') },
  };
}

export interface AcceptRequest {
  annotationIds?: string[];
  relationIds?: string[];
  answerIds?: string[];
}

export interface AcceptResult {
  spans: number;
  relations: number;
  answers: number;
}

export async function acceptIntoGold(db: PrismaClient, actor: Actor, documentId: string, request: AcceptRequest): Promise<AcceptResult> {
  return inDocument(db, documentId, async (tx, document) => {
    const work = await loadWork(tx, documentId);
    if (work.submitted.length === 0) throw conflict('Nobody has submitted this document yet; there is nothing to adjudicate.');
    const gold = new GoldWriter(tx, actor, document.projectId, documentId, work);
    const pick = <T extends { id: string }>(items: T[], ids: string[] | undefined, what: string) =>
      (ids ?? []).map((id) => {
        const item = items.find((i) => i.id === id);
        if (!item) throw validationFailed(`${what} ${id} is not submitted work of an annotator in this document.`, [{ path: `body.${what}Ids`, message: `unknown ${what}` }]);
        return item;
      });
    const annotatorSpans = work.spans.filter((s) => s.authorId !== 'gold');
    for (const span of pick(annotatorSpans, request.annotationIds, 'annotation')) await gold.span(span);
    for (const relation of pick(work.relations.filter((r) => r.authorId !== 'gold'), request.relationIds, 'relation')) await gold.relation(relation);
    for (const answer of pick(work.answers.filter((a) => a.authorId !== 'gold'), request.answerIds, 'answer')) await gold.answer(answer);
    await gold.flushEvents();
    return gold.result;
  });
}

export interface AutoAcceptOptions {
  minAgreement: number;
  documentIds?: string[];
  /** Only documents where every submitted annotator produced exactly the same work. */
  onlyFullAgreement?: boolean;
  /** Mark the processed documents adjudicated. */
  finish?: boolean;
}

/** "Accept everything with at least k of n agreeing", per document, each in its own transaction. */
export async function autoAccept(db: PrismaClient, actor: Actor, projectId: string, options: AutoAcceptOptions) {
  const documents = await db.document.findMany({
    where: { projectId, deletedAt: null, ...(options.documentIds ? { id: { in: options.documentIds } } : {}), assignments: { some: { status: 'SUBMITTED' } } },
    select: { id: true },
    orderBy: { position: 'asc' },
  });
  const total: AcceptResult & { documents: number; finished: number } = { documents: 0, finished: 0, spans: 0, relations: 0, answers: 0 };
  for (const { id } of documents) {
    const accepted = await inDocument(db, id, async (tx, document) => {
      const work = await loadWork(tx, id);
      if (options.onlyFullAgreement && !fullyAgree(work)) return null;
      const gold = new GoldWriter(tx, actor, document.projectId, id, work);
      const enough = <T>(candidates: { items: T[]; authors: string[] }[]) => candidates.filter((c) => c.authors.length >= options.minAgreement).map((c) => c.items[0]!);
      for (const span of enough(align(work.spans, spanKey))) await gold.span(span, true);
      for (const relation of enough(align(work.relations, relationKey))) await gold.relation(relation, true);
      for (const answer of enough(align(work.answers, answerKey))) await gold.answer(answer, true);
      await gold.flushEvents();
      if (options.finish) await tx.document.update({ where: { id }, data: { adjudicatedAt: new Date(), adjudicatedById: actor.userId } });
      return gold.result;
    });
    if (!accepted) continue;
    total.documents += 1;
    total.finished += options.finish ? 1 : 0;
    total.spans += accepted.spans;
    total.relations += accepted.relations;
    total.answers += accepted.answers;
  }
  return total;
}

/** Every submitted annotator's set of spans, relations and answers is identical. */
export function fullyAgree(work: DocumentWork): boolean {
  const n = work.submitted.length;
  if (n < 2) return false;
  return [align(work.spans, spanKey), align(work.relations, relationKey), align(work.answers, answerKey)].every((candidates) =>
    candidates.every((c) => c.authors.length === n),
  );
}

export async function setAdjudicated(db: PrismaClient, actor: Actor, documentId: string, done: boolean) {
  const submitted = await db.assignment.count({ where: { documentId, status: 'SUBMITTED' } });
  if (done && submitted === 0) throw conflict('Nobody has submitted this document yet; there is nothing to adjudicate.');
  return db.document.update({
    where: { id: documentId },
    data: done ? { adjudicatedAt: new Date(), adjudicatedById: actor.userId } : { adjudicatedAt: null, adjudicatedById: null },
    select: { id: true, adjudicatedAt: true },
  });
}

/** Creates gold twins of annotator items, or extends the provenance of existing ones. */
class GoldWriter {
  readonly result: AcceptResult = { spans: 0, relations: 0, answers: 0 };
  private readonly events: EventInput[] = [];

  constructor(
    private readonly tx: DbClient,
    private readonly actor: Actor,
    private readonly projectId: string,
    private readonly documentId: string,
    private readonly work: DocumentWork,
  ) {}

  async span(item: DocumentWork['spans'][number], bulk = false): Promise<string> {
    const sources = bulk ? this.work.spans.filter((s) => spanKey(s) === spanKey(item)).map((s) => s.id) : [item.id];
    const existing = this.work.gold.spans.find((g) => spanKey(g) === spanKey(item));
    if (existing) {
      await this.extend('annotation', existing, sources);
      return existing.id;
    }
    let targetAnnotationId: string | null = null;
    if (item.targetSpan) {
      const entity = this.work.spans.find((s) => s.authorId === item.authorId && s.start === item.targetSpan!.start && s.end === item.targetSpan!.end && s.labelId === item.targetSpan!.labelId && !s.targetSpan);
      if (!entity) throw conflict('The entity span this stance points at no longer exists.');
      targetAnnotationId = await this.span(entity);
    }
    const created = await this.tx.annotation.create({
      data: {
        documentId: this.documentId, authorId: null, labelId: item.labelId, start: item.start, end: item.end, quote: item.quote,
        attributes: (item.attributes ?? {}) as Prisma.InputJsonObject, targetId: item.targetId, targetAnnotationId, origin: 'ADJUDICATED', sourceIds: sources,
      },
    });
    this.work.gold.spans.push({ ...item, id: created.id, authorId: 'gold', sourceIds: sources });
    this.result.spans += 1;
    this.log('ANNOTATION', created.id, 'CREATE', created);
    return created.id;
  }

  async relation(item: AlignRelation, bulk = false): Promise<void> {
    const sources = bulk ? this.work.relations.filter((r) => relationKey(r) === relationKey(item)).map((r) => r.id) : [item.id];
    const existing = this.work.gold.relations.find((g) => relationKey(g) === relationKey(item));
    if (existing) return this.extend('relation', existing, sources);
    const sourceId = await this.span(this.work.spans.find((s) => s.id === item.source.id)!);
    const targetId = await this.span(this.work.spans.find((s) => s.id === item.target.id)!);
    const created = await this.tx.relation.create({ data: { documentId: this.documentId, authorId: null, labelId: item.labelId, sourceId, targetId, origin: 'ADJUDICATED', sourceIds: sources } });
    this.work.gold.relations.push({ ...item, id: created.id, authorId: 'gold', sourceIds: sources });
    this.result.relations += 1;
    this.log('RELATION', created.id, 'CREATE', created);
  }

  async answer(item: AlignAnswer, bulk = false): Promise<void> {
    const sources = bulk ? this.work.answers.filter((a) => answerKey(a) === answerKey(item)).map((a) => a.id) : [item.id];
    const existing = this.work.gold.answers.find((g) => g.labelId === item.labelId && g.targetId === item.targetId);
    if (existing && answerKey(existing) === answerKey(item)) return this.extend('answer', existing, sources);
    if (existing) {
      // The curator chose another annotator's answer: gold takes it, keeping one answer per question.
      const updated = await this.tx.documentLabel.update({ where: { id: existing.id }, data: { values: item.values, sourceIds: sources, version: { increment: 1 } } });
      Object.assign(existing, { values: item.values, sourceIds: sources });
      this.result.answers += 1;
      return this.log('DOCUMENT_LABEL', updated.id, 'UPDATE', updated);
    }
    const created = await this.tx.documentLabel.create({ data: { documentId: this.documentId, authorId: null, labelId: item.labelId, targetId: item.targetId, values: item.values, origin: 'ADJUDICATED', sourceIds: sources } });
    this.work.gold.answers.push({ ...item, id: created.id, authorId: 'gold', sourceIds: sources });
    this.result.answers += 1;
    this.log('DOCUMENT_LABEL', created.id, 'CREATE', created);
  }

  flushEvents(): Promise<void> {
    return recordEvents(this.tx, this.events.splice(0));
  }

  private async extend(kind: 'annotation' | 'relation' | 'answer', gold: { id: string; sourceIds: string[] }, sources: string[]): Promise<void> {
    const added = sources.filter((s) => !gold.sourceIds.includes(s));
    if (added.length === 0) return;
    gold.sourceIds.push(...added);
    const data = { sourceIds: gold.sourceIds };
    const row =
      kind === 'annotation'
        ? await this.tx.annotation.update({ where: { id: gold.id }, data })
        : kind === 'relation'
          ? await this.tx.relation.update({ where: { id: gold.id }, data })
          : await this.tx.documentLabel.update({ where: { id: gold.id }, data });
    this.log(kind === 'annotation' ? 'ANNOTATION' : kind === 'relation' ? 'RELATION' : 'DOCUMENT_LABEL', gold.id, 'UPDATE', row);
  }

  private log(entity: EventInput['entity'], entityId: string, action: EventInput['action'], row: object): void {
    const { createdAt: _c, updatedAt: _u, ...after } = row as Record<string, unknown>;
    this.events.push({ projectId: this.projectId, documentId: this.documentId, actorId: this.actor.userId, entity, entityId, action, after: after as Prisma.InputJsonObject });
  }
}
