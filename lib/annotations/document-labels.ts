import type { PrismaClient } from '@/lib/db/client';
import type { Prisma } from '@/lib/generated/prisma/client';
import { assertLayerWritable } from '@/lib/assignments/writable';
import { recordEvents, type EventInput } from '@/lib/events/log';
import { forbidden, validationFailed } from '@/lib/http/errors';
import { can } from '@/lib/access/policy';
import { inDocument, type Actor } from './service';
import { assertCanRead, authorWhere, type AuthorFilter } from './visibility';

/** Document-level answers (overall stance per target, primary frame …), replaced as a whole per layer owner. */
const answerSelect = { id: true, labelId: true, targetId: true, values: true, version: true, authorId: true, updatedAt: true, label: { select: { key: true } } } as const;
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
  await assertCanRead(db, actor.access, actor.userId, documentId, filter);
  const rows = await db.documentLabel.findMany({ where: { documentId, deletedAt: null, ...authorWhere(filter) }, orderBy: { createdAt: 'asc' }, select: answerSelect });
  return rows.map(toWire);
}

export async function replaceAnswers(db: PrismaClient, actor: Actor, documentId: string, answers: Answer[], gold: boolean) {
  if (gold && !can(actor.access.role, 'gold:write')) throw forbidden('Only curators, managers and owners write the gold layer.');
  const authorId = gold ? null : actor.userId;
  return inDocument(db, documentId, async (tx, document) => {
    await assertLayerWritable(tx, actor, documentId, authorId);
    const questions = new Map(
      (await tx.label.findMany({ where: { projectId: document.projectId, layer: 'DOCUMENT', retired: false } })).map((q) => [q.id, q]),
    );
    const targets = new Set((await tx.target.findMany({ where: { projectId: document.projectId, retired: false }, select: { id: true } })).map((t) => t.id));
    const seen = new Set<string>();
    answers.forEach((answer, i) => {
      const path = `body.answers.${i}`;
      const question = questions.get(answer.labelId);
      if (!question) throw validationFailed(`${path}.labelId: not an active document question of this project.`, [{ path: `${path}.labelId`, message: 'unknown question' }]);
      const options = new Set((question.options as { key: string }[]).map((o) => o.key));
      const bad = answer.values.find((v) => !options.has(v));
      if (bad !== undefined) throw validationFailed(`${path}.values: "${bad}" is not an option of ${question.key}.`, [{ path: `${path}.values`, message: `unknown option ${bad}` }]);
      if (answer.values.length === 0 || (!question.multiple && answer.values.length > 1)) {
        throw validationFailed(`${path}.values: ${question.key} takes ${question.multiple ? 'one or more options' : 'exactly one option'}.`, [{ path: `${path}.values`, message: 'wrong number of options' }]);
      }
      if (question.perTarget !== Boolean(answer.targetId)) {
        throw validationFailed(`${path}.targetId: ${question.key} is asked ${question.perTarget ? 'once per stance target' : 'once per document'}.`, [{ path: `${path}.targetId`, message: question.perTarget ? 'required' : 'not allowed' }]);
      }
      if (answer.targetId && !targets.has(answer.targetId)) throw validationFailed(`${path}.targetId: not an active target.`, [{ path: `${path}.targetId`, message: 'unknown target' }]);
      const key = `${answer.labelId}|${answer.targetId ?? ''}`;
      if (seen.has(key)) throw validationFailed(`${path}: ${question.key} is answered twice${answer.targetId ? ' for this target' : ''}.`, [{ path, message: 'duplicate answer' }]);
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
        : await tx.documentLabel.create({ data: { documentId, authorId, labelId: answer.labelId, targetId: answer.targetId ?? null, values: answer.values }, select: answerSelect });
      events.push({ ...base, entityId: row.id, action: previous ? 'UPDATE' : 'CREATE', ...(previous ? { before: json(previous) } : {}), after: json(row) });
    }
    const removed = [...byKey.values()];
    if (removed.length > 0) await tx.documentLabel.updateMany({ where: { id: { in: removed.map((r) => r.id) } }, data: { deletedAt: new Date() } });
    events.push(...removed.map((row) => ({ ...base, entityId: row.id, action: 'DELETE' as const, before: json(row) })));
    await recordEvents(tx, events);
    const rows = await tx.documentLabel.findMany({ where: { documentId, authorId, deletedAt: null }, orderBy: { createdAt: 'asc' }, select: answerSelect });
    return rows.map(toWire);
  });
}

function json({ label: _l, updatedAt: _u, ...rest }: AnswerRow): Prisma.InputJsonObject {
  return rest as unknown as Prisma.InputJsonObject;
}
