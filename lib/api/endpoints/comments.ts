import { authorizeDocument, authorizeItem } from '@/lib/access/project-access';
import { defineEndpoint } from '@/lib/api/endpoint';
import * as contract from '@/lib/api/contracts/comments';
import { createComment, deleteComment, listComments, updateComment } from '@/lib/comments/store';

export const listCommentsEndpoint = defineEndpoint({
  ...contract.listComments,
  async handle({ db, caller, params }) {
    const access = await authorizeDocument(db, caller, params.id, 'documents:read');
    return { items: await listComments(db, { userId: caller.userId, access }), nextCursor: null };
  },
});

export const createCommentEndpoint = defineEndpoint({
  ...contract.createComment,
  async handle({ db, caller, params, body }) {
    const access = await authorizeDocument(db, caller, params.id, 'comments:write');
    return createComment(db, { userId: caller.userId, access }, body.body);
  },
});

export const updateCommentEndpoint = defineEndpoint({
  ...contract.updateComment,
  async handle({ db, caller, params, body }) {
    const access = await authorizeItem(db, caller, 'comment', params.id, 'comments:write');
    return updateComment(db, { userId: caller.userId, access }, params.id, body.body);
  },
});

export const deleteCommentEndpoint = defineEndpoint({
  ...contract.deleteComment,
  async handle({ db, caller, params }) {
    const access = await authorizeItem(db, caller, 'comment', params.id, 'comments:write');
    await deleteComment(db, { userId: caller.userId, access }, params.id);
  },
});

export const commentEndpoints = [listCommentsEndpoint, createCommentEndpoint, updateCommentEndpoint, deleteCommentEndpoint];
