import type { PrismaClient } from '@/lib/db/client';

/**
 * Recommenders, runs and suggestions written straight into the database, as the recommender
 * engine would leave them: the consuming side (editor, decisions, agreement, statistics) is
 * tested without running a model.
 */
export interface SuggestedSpan {
  /** Label key. */
  label: string;
  start: number;
  end: number;
  quote?: string;
  /** Target key (stance suggestions). */
  target?: string;
  forUserId?: string;
  score?: number;
}

export interface SuggestedAnswer {
  /** Document question key. */
  question: string;
  values: string[];
  target?: string;
}

/**
 * An `openai` recommender by default: no model is called here, and unlike the fast kinds it does
 * not run when a document is opened, which would supersede the run a test wrote by hand.
 */
export async function makeRecommender(db: PrismaClient, projectId: string, name = 'Matcher', kind = 'openai') {
  return db.recommender.create({ data: { projectId, name, kind } });
}

/** A finished run over `documentIds` (empty: the whole project). */
export async function makeRun(
  db: PrismaClient,
  recommender: { id: string; projectId: string },
  documentIds: string[],
  finishedAt = new Date('2026-11-30T12:00:00Z'),
) {
  return db.recommenderRun.create({
    data: {
      recommenderId: recommender.id,
      projectId: recommender.projectId,
      trigger: 'batch',
      status: 'SUCCEEDED',
      documentIds,
      documentsDone: documentIds.length,
      startedAt: finishedAt,
      finishedAt,
      createdAt: finishedAt,
    },
  });
}

/** Stores the run's suggestions on one document; quotes default to the text at the offsets. */
export async function suggest(
  db: PrismaClient,
  run: { id: string; recommenderId: string; projectId: string },
  documentId: string,
  spans: SuggestedSpan[],
  answers: SuggestedAnswer[] = [],
) {
  const [document, labels, targets] = await Promise.all([
    db.document.findUniqueOrThrow({ where: { id: documentId }, select: { text: true } }),
    db.label.findMany({ where: { projectId: run.projectId }, select: { id: true, key: true } }),
    db.target.findMany({ where: { projectId: run.projectId }, select: { id: true, key: true } }),
  ]);
  const labelId = (key: string) => labels.find((l) => l.key === key)?.id ?? fail(`no label ${key}`);
  const targetId = (key?: string) => (key ? (targets.find((t) => t.key === key)?.id ?? fail(`no target ${key}`)) : null);
  const codePoints = [...document.text];
  const common = { documentId, recommenderId: run.recommenderId, runId: run.id };
  const rows = [
    ...spans.map((s) => ({
      ...common,
      labelId: labelId(s.label),
      start: s.start,
      end: s.end,
      quote: s.quote ?? codePoints.slice(s.start, s.end).join(''),
      targetId: targetId(s.target),
      forUserId: s.forUserId ?? null,
      score: s.score ?? null,
    })),
    ...answers.map((a) => ({ ...common, labelId: labelId(a.question), values: a.values, targetId: targetId(a.target) })),
  ];
  for (const data of rows) await db.suggestion.create({ data });
  // The engine marks each document a run processed, in the same transaction as its suggestions.
  await db.recommenderRunDocument.upsert({ where: { runId_documentId: { runId: run.id, documentId } }, create: { runId: run.id, documentId }, update: {} });
  return db.suggestion.findMany({ where: { runId: run.id, documentId }, orderBy: [{ start: 'asc' }, { createdAt: 'asc' }] });
}

function fail(message: string): never {
  throw new Error(message);
}
