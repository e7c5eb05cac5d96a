import { z } from 'zod';
import { defineContract } from '@/lib/api/contract';
import { id, idParams, timestamp } from '@/lib/api/schemas';
import { MAX_COMMENT } from '@/lib/comments/rules';

export const comment = z.object({
  id,
  documentId: id,
  author: z.object({ id, name: z.string() }),
  body: z.string(),
  createdAt: timestamp,
  editedAt: timestamp.nullable(),
  mayEdit: z.boolean().describe('the caller wrote it'),
  mayDelete: z.boolean().describe('the caller wrote it, or is a curator, manager or owner'),
});

const commentBody = z.object({ body: z.string().max(MAX_COMMENT).describe(`at most ${MAX_COMMENT} characters; not blank`) }).strict();

export const listComments = defineContract({
  method: 'GET',
  path: '/documents/{id}/comments',
  tag: 'comments',
  summary: "A document's comment thread, oldest first; in blind mode an annotator sees their own comments and those of curators, managers and owners",
  params: idParams,
  response: z.object({ items: z.array(comment), nextCursor: z.null() }),
  errors: [403, 404],
});

export const createComment = defineContract({
  method: 'POST',
  path: '/documents/{id}/comments',
  tag: 'comments',
  summary: "Add a comment to a document's thread",
  params: idParams,
  body: commentBody,
  response: comment,
  status: 201,
  errors: [403, 404],
});

export const updateComment = defineContract({
  method: 'PATCH',
  path: '/comments/{id}',
  tag: 'comments',
  summary: 'Edit your own comment',
  params: idParams,
  body: commentBody,
  response: comment,
  errors: [403, 404],
});

export const deleteComment = defineContract({
  method: 'DELETE',
  path: '/comments/{id}',
  tag: 'comments',
  summary: "Delete your own comment (curators, managers and owners: anyone's)",
  params: idParams,
  status: 204,
  errors: [403, 404],
});
