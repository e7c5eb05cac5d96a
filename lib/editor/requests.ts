import { requestTo, type ApiRequest, type BodyOf } from '@/lib/api/client';
import { MAX_BATCH_OPS } from '@/lib/annotations/batch-limit';
import type * as contracts from '@/lib/api/contracts/annotations';
import type { Op, SpanChange, SpanTarget } from './model';
import type { Refs } from './server';

/** A key without a server id: the change that would have created it was not saved. */
export class UnsavedDependency extends Error {
  constructor(readonly key: string) {
    super('This change depends on an earlier change that was not saved, so it was undone too.');
    this.name = 'UnsavedDependency';
  }
}

function ref(refs: Refs, key: string) {
  const found = refs.get(key);
  if (!found) throw new UnsavedDependency(key);
  return found;
}

function targetBody(refs: Refs, target: SpanTarget | null) {
  if (target === null || target.kind === 'target') return target;
  return { kind: 'span' as const, id: ref(refs, target.key).id };
}

function changeBody(refs: Refs, change: SpanChange) {
  const { target, ...rest } = change;
  return target === undefined ? rest : { ...rest, target: targetBody(refs, target) };
}

function newSpanBody(refs: Refs, { labelId, start, end, quote, target, attributes, unsure, note }: Extract<Op, { type: 'createSpan' }>['span']) {
  return { labelId, start, end, quote, target: targetBody(refs, target), attributes, unsure, note };
}

function newRelationBody(refs: Refs, { labelId, sourceKey, targetKey }: Extract<Op, { type: 'createRelation' }>['relation']) {
  return { labelId, sourceId: ref(refs, sourceKey).id, targetId: ref(refs, targetKey).id };
}

function answersBody(answers: Extract<Op, { type: 'setAnswers' }>['answers']) {
  return { answers: answers.map(({ labelId, targetId, values }) => ({ labelId, targetId, values: [...values] })) };
}

/**
 * The API call that saves `op`, with ids and versions as the server knows them now.
 * Throws UnsavedDependency when `op` names an entity the server never got.
 */
export function requestFor(op: Op, documentId: string, refs: Refs): ApiRequest {
  const doc = { id: documentId };
  switch (op.type) {
    case 'createSpan':
      return requestTo<typeof contracts.createAnnotation>('POST /documents/{id}/annotations', { params: doc, body: newSpanBody(refs, op.span) });
    case 'updateSpan': {
      const { id, version } = ref(refs, op.key);
      return requestTo<typeof contracts.updateAnnotation>('PATCH /annotations/{id}', { params: { id }, body: { version, ...changeBody(refs, op.change) } });
    }
    case 'deleteSpan': {
      const { id, version } = ref(refs, op.key);
      return requestTo<typeof contracts.deleteAnnotation>('DELETE /annotations/{id}', { params: { id }, query: { version } });
    }
    case 'createRelation':
      return requestTo<typeof contracts.createRelation>('POST /documents/{id}/relations', { params: doc, body: newRelationBody(refs, op.relation) });
    case 'deleteRelation': {
      const { id, version } = ref(refs, op.key);
      return requestTo<typeof contracts.deleteRelation>('DELETE /relations/{id}', { params: { id }, query: { version } });
    }
    case 'setAnswers':
      return requestTo<typeof contracts.replaceAnswers>('PUT /documents/{id}/labels', { params: doc, body: answersBody(op.answers) });
  }
}

type BatchOp = BodyOf<typeof contracts.applyOperations>['ops'][number];

function batchOpFor(op: Op, refs: Refs): BatchOp {
  switch (op.type) {
    case 'createSpan':
      return { op: 'createAnnotation', body: newSpanBody(refs, op.span) };
    case 'updateSpan': {
      const { id, version } = ref(refs, op.key);
      return { op: 'updateAnnotation', id, body: { version, ...changeBody(refs, op.change) } };
    }
    case 'deleteSpan':
      return { op: 'deleteAnnotation', ...ref(refs, op.key) };
    case 'createRelation':
      return { op: 'createRelation', body: newRelationBody(refs, op.relation) };
    case 'deleteRelation':
      return { op: 'deleteRelation', ...ref(refs, op.key) };
    case 'setAnswers':
      return { op: 'replaceAnswers', author: 'me', body: answersBody(op.answers) };
  }
}

/** The client keys an operation reads or writes; the document's answers count as one. */
function keysOf(op: Op): string[] {
  const spanTarget = (target: SpanTarget | null | undefined) => (target?.kind === 'span' ? [target.key] : []);
  switch (op.type) {
    case 'createSpan':
      return [op.span.key, ...spanTarget(op.span.target)];
    case 'updateSpan':
      return [op.key, ...spanTarget(op.change.target)];
    case 'createRelation':
      return [op.relation.key, op.relation.sourceKey, op.relation.targetKey];
    case 'deleteSpan':
    case 'deleteRelation':
      return [op.key];
    case 'setAnswers':
      return ['answers'];
  }
}

/**
 * How many of the queued `ops` (from the head, at most `max`) can go in one batch, and its request.
 * A batch stops before an operation that touches a key an earlier one in it touched: ids and
 * versions are taken from `refs` when the batch is built, so a span created or changed earlier in
 * the same batch would be sent without its id or with a stale version. It also stops before an
 * operation whose dependency was never saved (the single request then reports it).
 */
export function batchFor(ops: readonly Op[], documentId: string, refs: Refs, max = MAX_BATCH_OPS): { count: number; request: ApiRequest } {
  const touched = new Set<string>();
  const batch: BatchOp[] = [];
  for (const op of ops.slice(0, max)) {
    const keys = keysOf(op);
    if (keys.some((key) => touched.has(key))) break;
    try {
      batch.push(batchOpFor(op, refs));
    } catch (error) {
      if (error instanceof UnsavedDependency) break;
      throw error;
    }
    for (const key of keys) touched.add(key);
  }
  return {
    count: batch.length,
    request: requestTo<typeof contracts.applyOperations>('POST /documents/{id}/operations', { params: { id: documentId }, body: { ops: batch } }),
  };
}
