import { can } from '@/lib/access/policy';
import type { Role } from '@/lib/generated/prisma/enums';

/**
 * Who reads, edits and deletes which comment of a document's thread (pure; lib/comments/store.ts
 * loads the facts). Blind mode keeps annotators independent: an annotator reads their own comments
 * and those of members who see everyone's work anyway (curators, managers, owners), never another
 * annotator's. A curator's comment is not gold exposure: the thread does not show gold.
 */

/** Long enough for a paragraph of discussion, short enough to list a thread of them. */
export const MAX_COMMENT = 5_000;

export interface CommentViewer {
  userId: string;
  /** canSeeOthersWork: curators and above, or anyone when blind mode is off. */
  seesOthersWork: boolean;
}

export interface CommentFacts {
  authorId: string;
  /** The author's role in the project now; null once they are no longer a member. */
  authorRole: Role | null;
}

export function mayRead(viewer: CommentViewer, comment: CommentFacts): boolean {
  if (viewer.seesOthersWork || comment.authorId === viewer.userId) return true;
  // A former member's comment could be an annotator's: blind mode hides it to be safe.
  return comment.authorRole !== null && can(comment.authorRole, 'work:read-others');
}

/** Only the author edits a comment: words put in someone's mouth would be worse than none. */
export function mayEdit(viewerId: string, comment: Pick<CommentFacts, 'authorId'>): boolean {
  return comment.authorId === viewerId;
}

/** Authors delete their own; curators and above keep the thread in order and may delete any. */
export function mayDelete(viewer: { userId: string; role: Role }, comment: Pick<CommentFacts, 'authorId'>): boolean {
  return comment.authorId === viewer.userId || can(viewer.role, 'comments:moderate');
}

/** The body to store, or what is wrong with it (the field is named by the caller). */
export function checkBody(body: string): { ok: true; value: string } | { ok: false; message: string } {
  const value = body.trim();
  if (value === '') return { ok: false, message: 'A comment needs some text.' };
  if (value.length > MAX_COMMENT) return { ok: false, message: `A comment holds at most ${MAX_COMMENT} characters; this one has ${value.length}.` };
  return { ok: true, value };
}
