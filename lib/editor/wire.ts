import type { Answer, DocState, Relation, Span, SpanTarget } from './model';

/** The fields of the API's shapes (docs/ARCHITECTURE.md §9) the editor uses. */
export interface WireAnnotation {
  id: string;
  labelId: string;
  start: number;
  end: number;
  quote: string;
  attributes: unknown;
  target: { kind: 'target' | 'span'; id: string } | null;
  version: number;
}

export interface WireRelation {
  id: string;
  labelId: string;
  sourceId: string;
  targetId: string;
  version: number;
}

export interface WireAnswer {
  labelId: string;
  targetId: string | null;
  values: string[];
}

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
export function spanFromWire(annotation: WireAnnotation, key: string, keyOf: (id: string) => string): Span {
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
  };
}

/**
 * The state as loaded. Every entity's key is its server id, unless `keyOf` maps an id
 * to the key the client already uses for it (a reload keeps undo history valid).
 */
export function stateFromWire(
  annotations: readonly WireAnnotation[],
  relations: readonly WireRelation[],
  answers: readonly WireAnswer[],
  keyOf: (id: string) => string = (id) => id,
): { doc: DocState; refs: Map<string, ServerRef> } {
  const refs = new Map<string, ServerRef>();
  const spans = new Map<string, Span>();
  for (const annotation of annotations) {
    const key = keyOf(annotation.id);
    spans.set(key, spanFromWire(annotation, key, keyOf));
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
