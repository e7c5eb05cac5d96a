import type { ProjectAccess } from '@/lib/access/project-access';
import type { PrismaClient } from '@/lib/db/client';
import { recordEvents } from '@/lib/events/log';
import type { Role } from '@/lib/generated/prisma/enums';
import { commentSnapshot } from '@/lib/events/snapshots';
import { forbidden, notFound, validationFailed } from '@/lib/http/errors';
import { checkBody, mayDelete, mayEdit, mayRead } from './rules';

/**
 * A document's comment thread in PostgreSQL: reads filtered by lib/comments/rules.ts, every write
 * with its COMMENT event (before and after). Deleting marks the row; the thread no longer shows it.
 */
export interface CommentActor {
  userId: string;
  access: ProjectAccess & { documentId: string };
}

const commentSelect = {
  id: true,
  documentId: true,
  authorId: true,
  body: true,
  createdAt: true,
  editedAt: true,
  author: { select: { name: true } },
} as const;

/** The comment with its author's role in the project, which blind mode's rule reads. */
const withAuthorRole = (projectId: string) =>
  ({ ...commentSelect, author: { select: { name: true, memberships: { where: { projectId }, select: { role: true } } } } }) as const;

function readableBy(actor: CommentActor, row: { authorId: string; author: { memberships: { role: Role }[] } }): boolean {
  return mayRead(
    { userId: actor.userId, seesOthersWork: actor.access.seesOthersWork },
    { authorId: row.authorId, authorRole: row.author.memberships[0]?.role ?? null },
  );
}

type CommentRow = { id: string; documentId: string; authorId: string; body: string; createdAt: Date; editedAt: Date | null; author: { name: string } };

function toWire(actor: CommentActor, row: CommentRow) {
  const { id, documentId, authorId, author, body, createdAt, editedAt } = row;
  return {
    id,
    documentId,
    body,
    createdAt,
    editedAt,
    author: { id: authorId, name: author.name },
    mayEdit: mayEdit(actor.userId, row),
    mayDelete: mayDelete({ userId: actor.userId, role: actor.access.role }, row),
  };
}

export async function listComments(db: PrismaClient, actor: CommentActor) {
  const { documentId, projectId } = actor.access;
  const rows = await db.documentComment.findMany({
    where: { documentId, deletedAt: null },
    orderBy: [{ createdAt: 'asc' }, { id: 'asc' }],
    select: withAuthorRole(projectId),
  });
  return rows.filter((row) => readableBy(actor, row)).map((row) => toWire(actor, row));
}

export async function createComment(db: PrismaClient, actor: CommentActor, body: string) {
  const text = storedBody(body);
  return db.$transaction(async (tx) => {
    const row = await tx.documentComment.create({ data: { documentId: actor.access.documentId, authorId: actor.userId, body: text }, select: commentSelect });
    await recordEvents(tx, [{ ...about(actor, row), action: 'CREATE', after: commentSnapshot(row) }]);
    return toWire(actor, row);
  });
}

export async function updateComment(db: PrismaClient, actor: CommentActor, commentId: string, body: string) {
  const text = storedBody(body);
  return db.$transaction(async (tx) => {
    const current = await readable(tx, actor, commentId);
    if (!mayEdit(actor.userId, current)) throw forbidden('You can edit only your own comments.');
    const row = await tx.documentComment.update({ where: { id: commentId }, data: { body: text, editedAt: new Date() }, select: commentSelect });
    await recordEvents(tx, [{ ...about(actor, row), action: 'UPDATE', before: commentSnapshot(current), after: commentSnapshot(row) }]);
    return toWire(actor, row);
  });
}

export async function deleteComment(db: PrismaClient, actor: CommentActor, commentId: string): Promise<void> {
  await db.$transaction(async (tx) => {
    const current = await readable(tx, actor, commentId);
    if (!mayDelete({ userId: actor.userId, role: actor.access.role }, current)) {
      throw forbidden("You can delete only your own comments; curators, managers and owners may delete anyone's.");
    }
    await tx.documentComment.update({ where: { id: commentId }, data: { deletedAt: new Date() } });
    await recordEvents(tx, [{ ...about(actor, current), action: 'DELETE', before: commentSnapshot(current) }]);
  });
}

/** The comment, if the actor may read it; one they may not read answers like one that does not exist. */
async function readable(db: Pick<PrismaClient, 'documentComment'>, actor: CommentActor, commentId: string) {
  const row = await db.documentComment.findFirst({
    where: { id: commentId, documentId: actor.access.documentId, deletedAt: null },
    select: withAuthorRole(actor.access.projectId),
  });
  if (!row || !readableBy(actor, row)) throw notFound('Comment');
  return row;
}

function storedBody(body: string): string {
  const checked = checkBody(body);
  if (!checked.ok) throw validationFailed(checked.message, [{ path: 'body.body', message: checked.message }]);
  return checked.value;
}

function about(actor: CommentActor, row: { id: string; documentId: string }) {
  return { projectId: actor.access.projectId, documentId: row.documentId, actorId: actor.userId, entity: 'COMMENT' as const, entityId: row.id };
}
