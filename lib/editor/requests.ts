import { requestTo, type ApiRequest } from '@/lib/api/client';
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

/**
 * The API call that saves `op`, with ids and versions as the server knows them now.
 * Throws UnsavedDependency when `op` names an entity the server never got.
 */
export function requestFor(op: Op, documentId: string, refs: Refs): ApiRequest {
  const doc = { id: documentId };
  switch (op.type) {
    case 'createSpan': {
      const { labelId, start, end, quote, target, attributes } = op.span;
      return requestTo<typeof contracts.createAnnotation>('POST /documents/{id}/annotations', {
        params: doc,
        body: { labelId, start, end, quote, target: targetBody(refs, target), attributes },
      });
    }
    case 'updateSpan': {
      const { id, version } = ref(refs, op.key);
      return requestTo<typeof contracts.updateAnnotation>('PATCH /annotations/{id}', { params: { id }, body: { version, ...changeBody(refs, op.change) } });
    }
    case 'deleteSpan': {
      const { id, version } = ref(refs, op.key);
      return requestTo<typeof contracts.deleteAnnotation>('DELETE /annotations/{id}', { params: { id }, query: { version } });
    }
    case 'createRelation': {
      const { labelId, sourceKey, targetKey } = op.relation;
      return requestTo<typeof contracts.createRelation>('POST /documents/{id}/relations', {
        params: doc,
        body: { labelId, sourceId: ref(refs, sourceKey).id, targetId: ref(refs, targetKey).id },
      });
    }
    case 'deleteRelation': {
      const { id, version } = ref(refs, op.key);
      return requestTo<typeof contracts.deleteRelation>('DELETE /relations/{id}', { params: { id }, query: { version } });
    }
    case 'setAnswers':
      return requestTo<typeof contracts.replaceAnswers>('PUT /documents/{id}/labels', {
        params: doc,
        body: { answers: op.answers.map(({ labelId, targetId, values }) => ({ labelId, targetId, values: [...values] })) },
      });
  }
}
