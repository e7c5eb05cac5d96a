import type { DbClient, PrismaClient } from '@/lib/db/client';
import type { Prisma } from '@/lib/generated/prisma/client';
import { assertLayerWritable } from '@/lib/assignments/writable';
import { recordEvents, type EventInput } from '@/lib/events/log';
import { documentLabelSnapshot } from '@/lib/events/snapshots';
import { validationFailed } from '@/lib/http/errors';
import { assertGoldWriter } from '@/lib/access/project-access';
import { checkAnswer, checkLabel, checkTarget } from './invariants';
import { violationError } from './rules';
import { inDocument, type Actor, type DocumentContext } from './service';
import { readableWhere, type AuthorFilter } from './visibility';

/** Document-level answers (overall stance per target, primary frame …), replaced as a whole per layer owner. */
const answerSelect = {
  id: true,
  documentId: true,
  labelId: true,
  targetId: true,
  values: true,
  origin: true,
  version: true,
  sourceIds: true,
  authorId: true,
  updatedAt: true,
  label: { select: { key: true } },
} as const;
type AnswerRow = Prisma.DocumentLabelGetPayload<{ select: typeof answerSelect }>;

export interface Answer {
  labelId: string;
  targetId?: string | null;
  values: string[];
}

function toWire({ authorId, label, ...rest }: AnswerRow) {
  return { ...rest, question: label.key, author: authorId ?? 'gold' };
}

export async function listAnswers(db: PrismaClient, actor: Actor, documentId: string, filter: AuthorFilter) {
  const rows = await db.documentLabel.findMany({
    where: await readableWhere(db, actor.access, actor.userId, documentId, filter),
    orderBy: { createdAt: 'asc' },
    select: answerSelect,
  });
  return rows.map(toWire);
}

export async function replaceAnswers(db: PrismaClient, actor: Actor, documentId: string, answers: Answer[], gold: boolean) {
  return inDocument(db, documentId, (tx, document) => replaceAnswersIn(tx, document, actor, answers, gold));
}

/** The replacement itself, in a transaction holding the document's lock (one request, or one operation of a batch). */
export async function replaceAnswersIn(tx: DbClient, document: DocumentContext, actor: Actor, answers: Answer[], gold: boolean) {
  if (gold) assertGoldWriter(actor.access.role);
  const authorId = gold ? null : actor.userId;
  const { documentId } = document;
  await assertLayerWritable(tx, actor, documentId, authorId);
  const questions = new Map((await tx.label.findMany({ where: { projectId: document.projectId, layer: 'DOCUMENT' } })).map((q) => [q.id, q]));
  const targets = new Map((await tx.target.findMany({ where: { projectId: document.projectId }, select: { id: true, retired: true } })).map((t) => [t.id, t]));
  const seen = new Set<string>();
  answers.forEach((answer, i) => {
    const path = `body.answers.${i}`;
    const checked = checkLabel(questions.get(answer.labelId), answer.labelId, 'question');
    if (!checked.ok) throw violationError(checked.violation, path);
    const question = questions.get(answer.labelId)!;
    const valid = checkAnswer({ ...question, options: question.options as { key: string }[] }, { values: answer.values, hasTarget: Boolean(answer.targetId) });
    if (!valid.ok) throw violationError(valid.violation, path);
    const target = answer.targetId ? checkTarget(targets.get(answer.targetId), answer.targetId, 'targetId') : undefined;
    if (target && !target.ok) throw violationError(target.violation, path);
    const key = `${answer.labelId}|${answer.targetId ?? ''}`;
    if (seen.has(key))
      throw validationFailed(`${path}: ${question.key} is answered twice${answer.targetId ? ' for this target' : ''}.`, [
        { path, message: 'duplicate answer' },
      ]);
    seen.add(key);
  });

  const existing = await tx.documentLabel.findMany({ where: { documentId, authorId, deletedAt: null }, select: answerSelect });
  const byKey = new Map(existing.map((row) => [`${row.labelId}|${row.targetId ?? ''}`, row]));
  const events: EventInput[] = [];
  const base = { projectId: document.projectId, documentId, actorId: actor.userId, entity: 'DOCUMENT_LABEL' as const };
  for (const answer of answers) {
    const key = `${answer.labelId}|${answer.targetId ?? ''}`;
    const previous = byKey.get(key);
    byKey.delete(key);
    if (previous && previous.values.join('\u0000') === answer.values.join('\u0000')) continue;
    const row = previous
      ? await tx.documentLabel.update({ where: { id: previous.id }, data: { values: answer.values, version: { increment: 1 } }, select: answerSelect })
      : await tx.documentLabel.create({
          data: { documentId, authorId, labelId: answer.labelId, targetId: answer.targetId ?? null, values: answer.values },
          select: answerSelect,
        });
    events.push(
      previous
        ? { ...base, entityId: row.id, action: 'UPDATE', before: documentLabelSnapshot(previous), after: documentLabelSnapshot(row) }
        : { ...base, entityId: row.id, action: 'CREATE', after: documentLabelSnapshot(row) },
    );
  }
  const removed = [...byKey.values()];
  if (removed.length > 0) await tx.documentLabel.updateMany({ where: { id: { in: removed.map((r) => r.id) } }, data: { deletedAt: new Date() } });
  events.push(...removed.map((row) => ({ ...base, entityId: row.id, action: 'DELETE' as const, before: documentLabelSnapshot(row) })));
  await recordEvents(tx, events);
  const rows = await tx.documentLabel.findMany({ where: { documentId, authorId, deletedAt: null }, orderBy: { createdAt: 'asc' }, select: answerSelect });
  return rows.map(toWire);
}
