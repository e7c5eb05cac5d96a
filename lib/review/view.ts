import type { PrismaClient } from '@/lib/db/client';
import { align, answerKey, relationKey, spanKey } from './alignment';
import { loadWork } from './adjudication';
import { documentDisagreement } from './span-measures';
import { loadReportInput } from './load';

/** What a curator sees for one document: every candidate, who proposed it, and whether gold has it. */
export async function reviewView(db: PrismaClient, documentId: string) {
  const [document, work, labels, users] = await Promise.all([
    db.document.findUniqueOrThrow({ where: { id: documentId }, select: { id: true, name: true, text: true, projectId: true, adjudicatedAt: true } }),
    loadWork(db, documentId),
    db.label.findMany({
      where: { project: { documents: { some: { id: documentId } } } },
      select: { id: true, key: true, name: true, layer: true, color: true },
    }),
    db.assignment.findMany({ where: { documentId }, select: { status: true, afterGoldAt: true, user: { select: { id: true, name: true } } } }),
  ]);
  const label = new Map(labels.map((l) => [l.id, l]));
  const goldSpan = new Map(work.gold.spans.map((g) => [spanKey(g), g.id]));
  const goldRelation = new Map(work.gold.relations.map((g) => [relationKey(g), g.id]));
  const goldAnswer = new Map(work.gold.answers.map((g) => [answerKey(g), g.id]));
  const n = work.submitted.length;
  const matched = new Set<string>();
  const spans = align(work.spans, spanKey).map((c) => {
    const first = c.items[0]!;
    const gold = goldSpan.get(c.key) ?? null;
    if (gold) matched.add(gold);
    return {
      key: c.key,
      start: first.start,
      end: first.end,
      quote: first.quote,
      labelId: first.labelId,
      label: label.get(first.labelId)?.key ?? '?',
      layer: label.get(first.labelId)?.layer ?? 'ENTITY',
      targetId: first.targetId,
      targetSpan: first.targetSpan,
      authors: c.authors,
      annotationIds: c.items.map((i) => i.id),
      // What each proposer flagged or noted on their span, for the curator deciding on it.
      remarks: c.items.filter((i) => i.unsure || i.note !== null).map((i) => ({ author: i.authorId, unsure: i.unsure, note: i.note })),
      agreement: `${c.authors.length}/${n}`,
      unanimous: c.authors.length === n,
      gold,
    };
  });
  return {
    document: { id: document.id, name: document.name, text: document.text, projectId: document.projectId, adjudicatedAt: document.adjudicatedAt },
    // afterGold: changed after gold was shown to them, so their candidates are not independent votes.
    annotators: users.map((u) => ({ ...u.user, status: u.status, afterGold: u.afterGoldAt !== null })),
    submitted: work.submitted,
    // Relations pointing at a deleted span: left out of the candidates, and the page says how many.
    danglingRelations: work.danglingRelations,
    spans: spans.sort((a, b) => a.start - b.start || b.end - a.end),
    goldOnly: work.gold.spans
      .filter((g) => !matched.has(g.id))
      .map((g) => ({ id: g.id, start: g.start, end: g.end, labelId: g.labelId, label: label.get(g.labelId)?.key ?? '?' })),
    relations: align(work.relations, relationKey).map((c) => ({
      key: c.key,
      labelId: c.items[0]!.labelId,
      label: label.get(c.items[0]!.labelId)?.key ?? '?',
      source: spanKey(c.items[0]!.source),
      target: spanKey(c.items[0]!.target),
      authors: c.authors,
      relationIds: c.items.map((i) => i.id),
      agreement: `${c.authors.length}/${n}`,
      gold: goldRelation.get(c.key) ?? null,
    })),
    answers: align(work.answers, answerKey).map((c) => ({
      key: c.key,
      labelId: c.items[0]!.labelId,
      question: label.get(c.items[0]!.labelId)?.key ?? '?',
      targetId: c.items[0]!.targetId,
      values: c.items[0]!.values,
      authors: c.authors,
      answerIds: c.items.map((i) => i.id),
      agreement: `${c.authors.length}/${n}`,
      gold: goldAnswer.get(c.key) ?? null,
    })),
  };
}

export type ReviewStatusFilter = 'open' | 'adjudicated' | 'all';

/** The curator's queue: submitted documents, worst disagreement first. */
export async function reviewQueue(db: PrismaClient, projectId: string, status: ReviewStatusFilter, minDisagreement = 0) {
  // Adjudication needs every submitted document, after-gold work included (the view marks it).
  const input = await loadReportInput(db, projectId, 'submitted', { tokens: false, afterGold: 'include' });
  // Gold spans counted per document (index on documentId, authorId); Prisma's relation _count
  // groups the whole Annotation table first, 1.8 s at 10 million spans (bench/RESULTS.md).
  const meta = new Map(
    (
      await db.$queryRaw<{ id: string; adjudicatedAt: Date | null; goldSpans: number }[]>`
        SELECT d.id, d."adjudicatedAt",
          (SELECT count(*)::int FROM "Annotation" a WHERE a."documentId" = d.id AND a."authorId" IS NULL AND a."deletedAt" IS NULL) AS "goldSpans"
        FROM "Document" d
        WHERE d."projectId" = ${projectId} AND d."deletedAt" IS NULL`
    ).map((d) => [d.id, d]),
  );
  return input.documents
    .filter((d) => d.annotators.length > 0)
    .map((d) => ({
      id: d.id,
      name: d.name,
      submitted: d.annotators.length,
      disagreement: documentDisagreement(d),
      adjudicatedAt: meta.get(d.id)?.adjudicatedAt ?? null,
      goldSpans: meta.get(d.id)?.goldSpans ?? 0,
    }))
    .filter((d) => (status === 'all' ? true : status === 'open' ? !d.adjudicatedAt : Boolean(d.adjudicatedAt)))
    .filter((d) => (d.disagreement ?? 0) >= minDisagreement)
    .sort((a, b) => (b.disagreement ?? -1) - (a.disagreement ?? -1));
}
