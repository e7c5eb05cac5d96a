import { authorizeDocument, authorizeItem } from '@/lib/access/project-access';
import { defineEndpoint } from '@/lib/api/endpoint';
import { applyOperations } from '@/lib/annotations/batch';
import { replaceAnswers, listAnswers } from '@/lib/annotations/document-labels';
import { createRelation, deleteRelation, listRelations } from '@/lib/annotations/relations';
import { createAnnotation, deleteAnnotation, listAnnotations, updateAnnotation } from '@/lib/annotations/service';
import { parseAuthorFilter } from '@/lib/annotations/visibility';
import { getPrisma } from '@/lib/db/client';
import * as contract from '@/lib/api/contracts/annotations';

async function actorFor(documentId: string, callerId: string, action: 'documents:read' | 'annotations:write', caller: Parameters<typeof authorizeDocument>[1]) {
  return { userId: callerId, access: await authorizeDocument(getPrisma(), caller, documentId, action) };
}

export const listAnnotationsEndpoint = defineEndpoint({
  ...contract.listAnnotations,
  async handle({ db, caller, params, query }) {
    const actor = await actorFor(params.id, caller.userId, 'documents:read', caller);
    return { items: await listAnnotations(db, actor, params.id, parseAuthorFilter(query.author, caller.userId), query.layer), nextCursor: null };
  },
});

export const createAnnotationEndpoint = defineEndpoint({
  ...contract.createAnnotation,
  async handle({ db, caller, params, body }) {
    const actor = await actorFor(params.id, caller.userId, 'annotations:write', caller);
    return createAnnotation(db, actor, params.id, { ...body, attributes: body.attributes as never });
  },
});

/** For routes addressed by annotation or relation id: the item's document, and the caller's rights there. */
async function itemActor(kind: 'annotation' | 'relation', id: string, caller: Parameters<typeof authorizeDocument>[1]) {
  const access = await authorizeItem(getPrisma(), caller, kind, id, 'annotations:write');
  return { documentId: access.documentId, actor: { userId: caller.userId, access } };
}

export const updateAnnotationEndpoint = defineEndpoint({
  ...contract.updateAnnotation,
  async handle({ db, caller, params, body }) {
    const { documentId, actor } = await itemActor('annotation', params.id, caller);
    return updateAnnotation(db, actor, documentId, params.id, { ...body, attributes: body.attributes as never });
  },
});

export const deleteAnnotationEndpoint = defineEndpoint({
  ...contract.deleteAnnotation,
  async handle({ db, caller, params, query }) {
    const { documentId, actor } = await itemActor('annotation', params.id, caller);
    await deleteAnnotation(db, actor, documentId, params.id, query.version);
  },
});

export const listRelationsEndpoint = defineEndpoint({
  ...contract.listRelations,
  async handle({ db, caller, params, query }) {
    const actor = await actorFor(params.id, caller.userId, 'documents:read', caller);
    return { items: await listRelations(db, actor, params.id, parseAuthorFilter(query.author, caller.userId)), nextCursor: null };
  },
});

export const createRelationEndpoint = defineEndpoint({
  ...contract.createRelation,
  async handle({ db, caller, params, body }) {
    const actor = await actorFor(params.id, caller.userId, 'annotations:write', caller);
    return createRelation(db, actor, params.id, { ...body, attributes: body.attributes as never });
  },
});

export const deleteRelationEndpoint = defineEndpoint({
  ...contract.deleteRelation,
  async handle({ db, caller, params, query }) {
    const { documentId, actor } = await itemActor('relation', params.id, caller);
    await deleteRelation(db, actor, documentId, params.id, query.version);
  },
});

export const listAnswersEndpoint = defineEndpoint({
  ...contract.listAnswers,
  async handle({ db, caller, params, query }) {
    const actor = await actorFor(params.id, caller.userId, 'documents:read', caller);
    return { items: await listAnswers(db, actor, params.id, parseAuthorFilter(query.author, caller.userId)), nextCursor: null };
  },
});

export const replaceAnswersEndpoint = defineEndpoint({
  ...contract.replaceAnswers,
  async handle({ db, caller, params, query, body }) {
    const actor = await actorFor(params.id, caller.userId, 'annotations:write', caller);
    return { items: await replaceAnswers(db, actor, params.id, body.answers, query.author === 'gold'), nextCursor: null };
  },
});

export const applyOperationsEndpoint = defineEndpoint({
  ...contract.applyOperations,
  async handle({ db, caller, params, body }) {
    const actor = await actorFor(params.id, caller.userId, 'annotations:write', caller);
    return { results: await applyOperations(db, actor, params.id, body.ops as never) };
  },
});

export const annotationEndpoints = [
  listAnnotationsEndpoint,
  createAnnotationEndpoint,
  updateAnnotationEndpoint,
  deleteAnnotationEndpoint,
  listRelationsEndpoint,
  createRelationEndpoint,
  deleteRelationEndpoint,
  listAnswersEndpoint,
  replaceAnswersEndpoint,
  applyOperationsEndpoint,
];
