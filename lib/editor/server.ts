import type { ResponseOf } from '@/lib/api/client';
import type * as contracts from '@/lib/api/contracts/annotations';
import type { Answer, DocState, Relation, Span, SpanTarget } from './model';

/**
 * The fields of the API's answers the editor uses, typed from the endpoint contracts: a
 * changed response schema breaks the editor's type check instead of its behaviour.
 */
export type ServerAnnotation = Pick<
  ResponseOf<typeof contracts.updateAnnotation>,
  'id' | 'labelId' | 'start' | 'end' | 'quote' | 'attributes' | 'unsure' | 'note' | 'target' | 'version'
>;
export type ServerRelation = Pick<ResponseOf<typeof contracts.createRelation>, 'id' | 'labelId' | 'sourceId' | 'targetId' | 'version'>;
export type ServerAnswer = Pick<ResponseOf<typeof contracts.listAnswers>['items'][number], 'labelId' | 'targetId' | 'values'>;

/** Where a client key stands on the server: its id there and the version last seen. */
export interface ServerRef {
  readonly id: string;
  readonly version: number;
}

export type Refs = ReadonlyMap<string, ServerRef>;

function attributesOf(value: unknown): Record<string, unknown> {
  return value && typeof value === 'object' && !Array.isArray(value) ? (value as Record<string, unknown>) : {};
}

/** `keyOf` maps a server id to the client key of the span it belongs to. */
export function spanFromServer(annotation: ServerAnnotation, key: string, keyOf: (id: string) => string): Span {
  const target: SpanTarget | null =
    annotation.target === null
      ? null
      : annotation.target.kind === 'target'
        ? { kind: 'target', id: annotation.target.id }
        : { kind: 'span', key: keyOf(annotation.target.id) };
  return {
    key,
    labelId: annotation.labelId,
    start: annotation.start,
    end: annotation.end,
    quote: annotation.quote,
    target,
    attributes: attributesOf(annotation.attributes),
    unsure: annotation.unsure,
    note: annotation.note,
  };
}

/**
 * The state as loaded. Every entity's key is its server id, unless `keyOf` maps an id
 * to the key the client already uses for it (a reload keeps undo history valid).
 */
export function stateFromServer(
  annotations: readonly ServerAnnotation[],
  relations: readonly ServerRelation[],
  answers: readonly ServerAnswer[],
  keyOf: (id: string) => string = (id) => id,
): { doc: DocState; refs: Map<string, ServerRef> } {
  const refs = new Map<string, ServerRef>();
  const spans = new Map<string, Span>();
  for (const annotation of annotations) {
    const key = keyOf(annotation.id);
    spans.set(key, spanFromServer(annotation, key, keyOf));
    refs.set(key, { id: annotation.id, version: annotation.version });
  }
  const relationMap = new Map<string, Relation>();
  for (const relation of relations) {
    const key = keyOf(relation.id);
    relationMap.set(key, { key, labelId: relation.labelId, sourceKey: keyOf(relation.sourceId), targetKey: keyOf(relation.targetId) });
    refs.set(key, { id: relation.id, version: relation.version });
  }
  const answerList: Answer[] = answers.map(({ labelId, targetId, values }) => ({ labelId, targetId, values }));
  return { doc: { spans, relations: relationMap, answers: answerList }, refs };
}

/** The client key whose server id is `id`; ids loaded from the server are their own keys. */
export function keyOfId(refs: Refs, id: string): string {
  for (const [key, ref] of refs) if (ref.id === id) return key;
  return id;
}
