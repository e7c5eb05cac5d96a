import type { DbClient, PrismaClient } from '@/lib/db/client';
import type { Prisma } from '@/lib/generated/prisma/client';
import { inDocument, type Actor } from '@/lib/annotations/service';
import {
  checkAnswer,
  checkLabel,
  checkOffsets,
  checkOverlap,
  checkRelation,
  checkSpanLabel,
  checkStanceTarget,
  checkTarget,
  type Checked,
  type LabelFact,
  type SpanFact,
  type TargetFact,
  type TargetRef,
  type Violation,
} from '@/lib/annotations/invariants';
import { recordEvents, type EventChange, type EventInput } from '@/lib/events/log';
import { annotationSnapshot, documentLabelSnapshot, relationSnapshot } from '@/lib/events/snapshots';
import { conflict, validationFailed } from '@/lib/http/errors';
import type { OffsetIndex } from '@/lib/offsets';
import { align, answerKey, relationKey, spanKey, type AlignAnswer, type AlignRelation, type AlignSpan } from './alignment';
import { liveRelations } from './load-relations';

/**
 * Adjudication into the gold layer (authorId null). Accepting is idempotent: an item
 * whose twin is already in gold only adds its id to the gold item's provenance
 * (`sourceIds`), so two curators accepting the same span at once yield one gold span
 * (both run under the document's lock, see inDocument).
 *
 * Gold obeys the same invariants as every layer (lib/annotations/invariants.ts), checked
 * against the gold layer as it stands: an item with a retired label or target, one that
 * would overlap a gold span where the project forbids overlap, or a relation its type no
 * longer allows is never copied. Accepting chosen items refuses the whole request with
 * 409 `conflict` naming the item; auto-accept leaves such items out and lists them in
 * its answer (`skipped`), the rest of the document is accepted.
 */
interface DocumentWork {
  submitted: string[];
  /** Submitted annotators who changed their work after gold was shown to them: not independent votes. */
  afterGold: string[];
  /** Relations (annotators' or gold) left out because an endpoint span is deleted or missing. */
  danglingRelations: number;
  spans: (AlignSpan & { quote: string; attributes: Prisma.JsonValue; unsure: boolean; note: string | null })[];
  relations: AlignRelation[];
  answers: AlignAnswer[];
  gold: {
    spans: (AlignSpan & { quote: string; sourceIds: string[] })[];
    relations: (AlignRelation & { sourceIds: string[] })[];
    answers: (AlignAnswer & { sourceIds: string[] })[];
  };
}

/** Every annotator's and gold's work on a document, with span targets resolved to span identities. */
export async function loadWork(db: DbClient, documentId: string, submittedOnly = true): Promise<DocumentWork> {
  const [assignments, spans, relations, answers] = await Promise.all([
    db.assignment.findMany({ where: { documentId, ...(submittedOnly ? { status: 'SUBMITTED' } : {}) }, select: { userId: true, afterGoldAt: true } }),
    db.annotation.findMany({
      where: { documentId, deletedAt: null },
      select: {
        id: true,
        authorId: true,
        start: true,
        end: true,
        labelId: true,
        targetId: true,
        targetAnnotationId: true,
        quote: true,
        attributes: true,
        unsure: true,
        note: true,
        sourceIds: true,
      },
    }),
    db.relation.findMany({
      where: { documentId, deletedAt: null },
      select: { id: true, authorId: true, labelId: true, sourceId: true, targetId: true, sourceIds: true },
    }),
    db.documentLabel.findMany({
      where: { documentId, deletedAt: null },
      select: { id: true, authorId: true, labelId: true, targetId: true, values: true, sourceIds: true },
    }),
  ]);
  const byId = new Map(spans.map((s) => [s.id, s]));
  const aligned = spans.map((s) => {
    const target = s.targetAnnotationId ? byId.get(s.targetAnnotationId) : undefined;
    return { ...s, authorId: s.authorId ?? 'gold', targetSpan: target ? { start: target.start, end: target.end, labelId: target.labelId } : null };
  });
  const alignedById = new Map(aligned.map((s) => [s.id, s]));
  const { live, dangling } = liveRelations(relations, alignedById);
  const rels = live.map((r) => ({ ...r, authorId: r.authorId ?? 'gold' }));
  const answersAligned = answers.map((a) => ({ ...a, authorId: a.authorId ?? 'gold' }));
  const submitted = assignments.map((a) => a.userId);
  const counts = (authorId: string) => submitted.includes(authorId);
  return {
    submitted,
    afterGold: assignments.filter((a) => a.afterGoldAt !== null).map((a) => a.userId),
    danglingRelations: dangling,
    spans: aligned.filter((s) => counts(s.authorId)),
    relations: rels.filter((r) => counts(r.authorId)),
    answers: answersAligned.filter((a) => counts(a.authorId)),
    gold: {
      spans: aligned.filter((s) => s.authorId === 'gold'),
      relations: rels.filter((r) => r.authorId === 'gold'),
      answers: answersAligned.filter((a) => a.authorId === 'gold'),
    },
  };
}

interface AcceptRequest {
  annotationIds?: string[];
  relationIds?: string[];
  answerIds?: string[];
}

interface AcceptResult {
  spans: number;
  relations: number;
  answers: number;
}

/** An item auto-accept left out of gold, and the rule it would have broken. */
interface SkippedItem {
  documentId: string;
  kind: 'annotation' | 'relation' | 'answer';
  id: string;
  reason: string;
}

/** How many skipped items auto-accept lists (all are counted). */
const LISTED_SKIPPED = 1000;

export async function acceptIntoGold(db: PrismaClient, actor: Actor, documentId: string, request: AcceptRequest): Promise<AcceptResult> {
  return inDocument(db, documentId, async (tx, document) => {
    const work = await loadWork(tx, documentId);
    if (work.submitted.length === 0) throw conflict('Nobody has submitted this document yet; there is nothing to adjudicate.');
    const gold = new GoldWriter(tx, actor, await goldRules(tx, document), work, 'refuse');
    const pick = <T extends { id: string }>(items: T[], ids: string[] | undefined, what: string) =>
      (ids ?? []).map((id) => {
        const item = items.find((i) => i.id === id);
        if (!item)
          throw validationFailed(`${what} ${id} is not submitted work of an annotator in this document.`, [
            { path: `body.${what}Ids`, message: `unknown ${what}` },
          ]);
        return item;
      });
    const annotatorSpans = work.spans.filter((s) => s.authorId !== 'gold');
    for (const span of pick(annotatorSpans, request.annotationIds, 'annotation')) await gold.span(span);
    for (const relation of pick(
      work.relations.filter((r) => r.authorId !== 'gold'),
      request.relationIds,
      'relation',
    ))
      await gold.relation(relation);
    for (const answer of pick(
      work.answers.filter((a) => a.authorId !== 'gold'),
      request.answerIds,
      'answer',
    ))
      await gold.answer(answer);
    await gold.flushEvents();
    return gold.result;
  });
}

interface AutoAcceptOptions {
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
  const total: AcceptResult & { documents: number; finished: number; skipped: { count: number; items: SkippedItem[] }; afterGoldLeftOut: number } = {
    documents: 0,
    finished: 0,
    spans: 0,
    relations: 0,
    answers: 0,
    skipped: { count: 0, items: [] },
    afterGoldLeftOut: 0,
  };
  for (const { id } of documents) {
    const accepted = await inDocument(db, id, async (tx, document) => {
      // k of n counts independent judgements only: work changed after its annotator saw gold is no vote.
      const all = await loadWork(tx, id);
      const work = independentWork(all);
      if (options.onlyFullAgreement && !fullyAgree(work)) return null;
      const gold = new GoldWriter(tx, actor, await goldRules(tx, document), work, 'skip');
      const enough = <T>(candidates: { items: T[]; authors: string[] }[]) =>
        candidates.filter((c) => c.authors.length >= options.minAgreement).map((c) => c.items[0]!);
      for (const span of enough(align(work.spans, spanKey))) await gold.span(span, true);
      for (const relation of enough(align(work.relations, relationKey))) await gold.relation(relation, true);
      for (const answer of enough(align(work.answers, answerKey))) await gold.answer(answer, true);
      await gold.flushEvents();
      if (options.finish) await tx.document.update({ where: { id }, data: { adjudicatedAt: new Date(), adjudicatedById: actor.userId } });
      return { ...gold.result, skipped: gold.skipped, afterGold: all.afterGold.length };
    });
    if (!accepted) continue;
    total.afterGoldLeftOut += accepted.afterGold;
    total.skipped.count += accepted.skipped.length;
    total.skipped.items.push(...accepted.skipped.slice(0, LISTED_SKIPPED - total.skipped.items.length));
    total.documents += 1;
    total.finished += options.finish ? 1 : 0;
    total.spans += accepted.spans;
    total.relations += accepted.relations;
    total.answers += accepted.answers;
  }
  return total;
}

/** The work without the annotators flagged after-gold: what counts as independent agreement. */
function independentWork(work: DocumentWork): DocumentWork {
  if (work.afterGold.length === 0) return work;
  const counts = (item: { authorId: string }) => !work.afterGold.includes(item.authorId);
  return {
    ...work,
    submitted: work.submitted.filter((userId) => !work.afterGold.includes(userId)),
    afterGold: [],
    spans: work.spans.filter(counts),
    relations: work.relations.filter(counts),
    answers: work.answers.filter(counts),
  };
}

/** Every submitted annotator's set of spans, relations and answers is identical. */
function fullyAgree(work: DocumentWork): boolean {
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

/** The facts the invariants need about the document's project, loaded once per document transaction. */
interface GoldRules {
  projectId: string;
  documentId: string;
  text: OffsetIndex;
  allowOverlap: boolean;
  labels: Map<string, LabelFact & { options: unknown; multiple: boolean; perTarget: boolean }>;
  targets: Map<string, TargetFact>;
}

async function goldRules(db: DbClient, document: { projectId: string; documentId: string; text: OffsetIndex; allowOverlap: boolean }): Promise<GoldRules> {
  const labels = await db.label.findMany({
    where: { projectId: document.projectId },
    select: { id: true, key: true, layer: true, retired: true, sourceTypes: true, targetTypes: true, options: true, multiple: true, perTarget: true },
  });
  const targets = await db.target.findMany({ where: { projectId: document.projectId }, select: { id: true, retired: true } });
  return { ...document, labels: new Map(labels.map((l) => [l.id, l])), targets: new Map(targets.map((t) => [t.id, t])) };
}

/** An item that breaks a rule: refused (409 naming it) or left out and reported, by mode. */
class Refused extends Error {}

/** Creates gold twins of annotator items, or extends the provenance of existing ones. */
class GoldWriter {
  readonly result: AcceptResult = { spans: 0, relations: 0, answers: 0 };
  readonly skipped: SkippedItem[] = [];
  private readonly events: EventInput[] = [];

  constructor(
    private readonly tx: DbClient,
    private readonly actor: Actor,
    private readonly rules: GoldRules,
    private readonly work: DocumentWork,
    private readonly mode: 'refuse' | 'skip',
  ) {}

  span(item: DocumentWork['spans'][number], bulk = false): Promise<string | null> {
    return this.guard('annotation', item.id, () => this.writeSpan(item, bulk));
  }

  relation(item: AlignRelation, bulk = false): Promise<void> {
    return this.guard('relation', item.id, () => this.writeRelation(item, bulk)).then(() => undefined);
  }

  answer(item: AlignAnswer, bulk = false): Promise<void> {
    return this.guard('answer', item.id, () => this.writeAnswer(item, bulk)).then(() => undefined);
  }

  flushEvents(): Promise<void> {
    return recordEvents(this.tx, this.events.splice(0));
  }

  /** Runs one item's write; a broken rule refuses the request, or skips and reports the item. */
  private async guard<T>(kind: SkippedItem['kind'], id: string, write: () => Promise<T>): Promise<T | null> {
    try {
      return await write();
    } catch (error) {
      if (!(error instanceof Refused) || this.mode === 'refuse') throw error;
      this.skipped.push({ documentId: this.rules.documentId, kind, id, reason: error.message });
      return null;
    }
  }

  /** The checked value, or the item refused (nothing of it has been written yet). */
  private require<T>(kind: SkippedItem['kind'], id: string, checked: Checked<T>): T {
    if (checked.ok) return checked.value;
    throw this.refusal(kind, id, checked.violation);
  }

  private refusal(kind: SkippedItem['kind'], id: string, violation: Violation): Error {
    const message = `${kind === 'answer' ? 'Answer' : kind === 'relation' ? 'Relation' : 'Annotation'} ${id} cannot go into gold: ${violation.message}`;
    if (this.mode === 'skip') return new Refused(message);
    return conflict(message, [
      { path: `body.${kind}Ids`, item: id, message: violation.reason, ...(violation.overlapsWith ? { overlapsWith: violation.overlapsWith } : {}) },
    ]);
  }

  private goldSpanFacts(): SpanFact[] {
    return this.work.gold.spans.map((g) => ({
      id: g.id,
      authorId: null,
      layer: this.rules.labels.get(g.labelId)!.layer as SpanFact['layer'],
      labelKey: this.rules.labels.get(g.labelId)!.key,
      start: g.start,
      end: g.end,
      quote: g.quote,
    }));
  }

  private async writeSpan(item: DocumentWork['spans'][number], bulk: boolean): Promise<string> {
    const sources = bulk ? this.work.spans.filter((s) => spanKey(s) === spanKey(item)).map((s) => s.id) : [item.id];
    const existing = this.work.gold.spans.find((g) => spanKey(g) === spanKey(item));
    if (existing) {
      await this.extend('annotation', existing, sources);
      return existing.id;
    }
    const label = this.require('annotation', item.id, checkSpanLabel(this.rules.labels.get(item.labelId), item.labelId));
    const quote = this.require('annotation', item.id, checkOffsets(this.rules.text, item));
    const fact = { id: '', authorId: null, layer: label.layer, labelKey: label.key, start: item.start, end: item.end, quote };
    const target = this.require('annotation', item.id, checkStanceTarget(fact, ...(await this.goldTarget(item))));
    this.require('annotation', item.id, checkOverlap(this.rules.allowOverlap, fact, this.goldSpanFacts()));
    const created = await this.tx.annotation.create({
      data: {
        documentId: this.rules.documentId,
        authorId: null,
        labelId: item.labelId,
        start: item.start,
        end: item.end,
        quote,
        attributes: (item.attributes ?? {}) as Prisma.InputJsonObject,
        ...target,
        origin: 'ADJUDICATED',
        sourceIds: sources,
      },
    });
    this.work.gold.spans.push({ ...item, id: created.id, authorId: 'gold', sourceIds: sources });
    this.result.spans += 1;
    this.log('ANNOTATION', created.id, { action: 'CREATE', after: annotationSnapshot(created) });
    return created.id;
  }

  /** The stance's target as gold will have it (an entity span is accepted first), and its fact. */
  private async goldTarget(item: DocumentWork['spans'][number]): Promise<[TargetRef | null, TargetFact | SpanFact | undefined]> {
    if (item.targetId) return [{ kind: 'target', id: item.targetId }, this.rules.targets.get(item.targetId)];
    if (!item.targetSpan) return [null, undefined];
    const entity = this.work.spans.find(
      (s) =>
        s.authorId === item.authorId &&
        s.start === item.targetSpan!.start &&
        s.end === item.targetSpan!.end &&
        s.labelId === item.targetSpan!.labelId &&
        !s.targetSpan,
    );
    if (!entity) throw conflict('The entity span this stance points at no longer exists.');
    const gold = await this.span(entity);
    if (gold === null)
      throw this.refusal('annotation', item.id, {
        field: 'target',
        message: `its target span ${entity.id} was not accepted.`,
        reason: 'target span not accepted',
      });
    return [{ kind: 'span', id: gold }, this.goldSpanFacts().find((g) => g.id === gold)];
  }

  private async writeRelation(item: AlignRelation, bulk: boolean): Promise<void> {
    const sources = bulk ? this.work.relations.filter((r) => relationKey(r) === relationKey(item)).map((r) => r.id) : [item.id];
    const existing = this.work.gold.relations.find((g) => relationKey(g) === relationKey(item));
    if (existing) return this.extend('relation', existing, sources);
    const type = this.require('relation', item.id, checkLabel(this.rules.labels.get(item.labelId), item.labelId, 'relation'));
    const ends: string[] = [];
    for (const end of [item.source, item.target]) {
      const gold = await this.span(this.work.spans.find((s) => s.id === end.id)!);
      if (gold === null)
        throw this.refusal('relation', item.id, {
          field: end === item.source ? 'sourceId' : 'targetId',
          message: `its span ${end.id} was not accepted.`,
          reason: 'span not accepted',
        });
      ends.push(gold);
    }
    const [sourceId, targetId] = ends as [string, string];
    const facts = this.goldSpanFacts();
    this.require(
      'relation',
      item.id,
      checkRelation(
        { labelId: type.id, sourceId, targetId, authorId: null },
        type,
        facts.find((f) => f.id === sourceId),
        facts.find((f) => f.id === targetId),
      ),
    );
    const created = await this.tx.relation.create({
      data: { documentId: this.rules.documentId, authorId: null, labelId: item.labelId, sourceId, targetId, origin: 'ADJUDICATED', sourceIds: sources },
    });
    this.work.gold.relations.push({ ...item, id: created.id, authorId: 'gold', sourceIds: sources });
    this.result.relations += 1;
    this.log('RELATION', created.id, { action: 'CREATE', after: relationSnapshot(created) });
  }

  private async writeAnswer(item: AlignAnswer, bulk: boolean): Promise<void> {
    const sources = bulk ? this.work.answers.filter((a) => answerKey(a) === answerKey(item)).map((a) => a.id) : [item.id];
    const existing = this.work.gold.answers.find((g) => g.labelId === item.labelId && g.targetId === item.targetId);
    if (existing && answerKey(existing) === answerKey(item)) return this.extend('answer', existing, sources);
    const question = this.require('answer', item.id, checkLabel(this.rules.labels.get(item.labelId), item.labelId, 'question'));
    const { options, multiple, perTarget } = this.rules.labels.get(question.id)!;
    this.require(
      'answer',
      item.id,
      checkAnswer(
        { key: question.key, options: options as { key: string }[], multiple, perTarget },
        { values: item.values, hasTarget: item.targetId !== null },
      ),
    );
    if (item.targetId) this.require('answer', item.id, checkTarget(this.rules.targets.get(item.targetId), item.targetId, 'targetId'));
    if (existing) {
      // The curator chose another annotator's answer: gold takes it, keeping one answer per question.
      const before = await this.tx.documentLabel.findUniqueOrThrow({ where: { id: existing.id } });
      const updated = await this.tx.documentLabel.update({
        where: { id: existing.id },
        data: { values: item.values, sourceIds: sources, version: { increment: 1 } },
      });
      Object.assign(existing, { values: item.values, sourceIds: sources });
      this.result.answers += 1;
      return this.log('DOCUMENT_LABEL', updated.id, { action: 'UPDATE', before: documentLabelSnapshot(before), after: documentLabelSnapshot(updated) });
    }
    const created = await this.tx.documentLabel.create({
      data: {
        documentId: this.rules.documentId,
        authorId: null,
        labelId: item.labelId,
        targetId: item.targetId,
        values: item.values,
        origin: 'ADJUDICATED',
        sourceIds: sources,
      },
    });
    this.work.gold.answers.push({ ...item, id: created.id, authorId: 'gold', sourceIds: sources });
    this.result.answers += 1;
    this.log('DOCUMENT_LABEL', created.id, { action: 'CREATE', after: documentLabelSnapshot(created) });
  }

  /** Adds provenance to a gold item that already has the accepted content. */
  private async extend(kind: 'annotation' | 'relation' | 'answer', gold: { id: string; sourceIds: string[] }, sources: string[]): Promise<void> {
    const added = sources.filter((s) => !gold.sourceIds.includes(s));
    if (added.length === 0) return;
    gold.sourceIds.push(...added);
    const where = { id: gold.id };
    const data = { sourceIds: gold.sourceIds };
    if (kind === 'annotation') {
      const before = await this.tx.annotation.findUniqueOrThrow({ where });
      this.log('ANNOTATION', gold.id, {
        action: 'UPDATE',
        before: annotationSnapshot(before),
        after: annotationSnapshot(await this.tx.annotation.update({ where, data })),
      });
    } else if (kind === 'relation') {
      const before = await this.tx.relation.findUniqueOrThrow({ where });
      this.log('RELATION', gold.id, {
        action: 'UPDATE',
        before: relationSnapshot(before),
        after: relationSnapshot(await this.tx.relation.update({ where, data })),
      });
    } else {
      const before = await this.tx.documentLabel.findUniqueOrThrow({ where });
      this.log('DOCUMENT_LABEL', gold.id, {
        action: 'UPDATE',
        before: documentLabelSnapshot(before),
        after: documentLabelSnapshot(await this.tx.documentLabel.update({ where, data })),
      });
    }
  }

  private log(entity: EventInput['entity'], entityId: string, change: EventChange): void {
    this.events.push({ projectId: this.rules.projectId, documentId: this.rules.documentId, actorId: this.actor.userId, entity, entityId, ...change });
  }
}
