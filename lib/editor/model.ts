/**
 * The editor's local picture of the caller's annotations on one document, and the
 * operations that change it. Entities are addressed by a client `key`, not a server id:
 * a span created offline has no id yet, and a span deleted then re-created by undo gets
 * a new one. The sync layer resolves keys to the current server ids when it sends, so
 * the history and queued operations never need rewriting when ids change.
 */

export type SpanTarget = { kind: 'target'; id: string } | { kind: 'span'; key: string };

export interface Span {
  readonly key: string;
  readonly labelId: string;
  /** Code point offsets into the document text, end-exclusive. */
  readonly start: number;
  readonly end: number;
  readonly quote: string;
  readonly target: SpanTarget | null;
  /** Kept so that undoing a delete restores notes or confidence written by other tools. */
  readonly attributes: Readonly<Record<string, unknown>>;
  /** The author's own doubt and note for the curators (lib/annotations/invariants.ts, checkSpanNote). */
  readonly unsure: boolean;
  readonly note: string | null;
}

export interface Relation {
  readonly key: string;
  readonly labelId: string;
  readonly sourceKey: string;
  readonly targetKey: string;
}

export interface Answer {
  readonly labelId: string;
  readonly targetId: string | null;
  readonly values: readonly string[];
}

export interface DocState {
  readonly spans: ReadonlyMap<string, Span>;
  readonly relations: ReadonlyMap<string, Relation>;
  readonly answers: readonly Answer[];
}

export type SpanChange = Partial<Pick<Span, 'labelId' | 'start' | 'end' | 'quote' | 'target' | 'unsure' | 'note'>>;

export type Op =
  | { readonly type: 'createSpan'; readonly span: Span }
  | { readonly type: 'updateSpan'; readonly key: string; readonly change: SpanChange }
  | { readonly type: 'deleteSpan'; readonly key: string }
  | { readonly type: 'createRelation'; readonly relation: Relation }
  | { readonly type: 'deleteRelation'; readonly key: string }
  | { readonly type: 'setAnswers'; readonly answers: readonly Answer[] };

export const emptyDoc: DocState = { spans: new Map(), relations: new Map(), answers: [] };

function without<V>(map: ReadonlyMap<string, V>, drop: (key: string, value: V) => boolean): Map<string, V> {
  const next = new Map<string, V>();
  for (const [key, value] of map) if (!drop(key, value)) next.set(key, value);
  return next;
}

function touches(relation: Relation, spanKey: string): boolean {
  return relation.sourceKey === spanKey || relation.targetKey === spanKey;
}

/** "1 relation", "3 relations". */
export function relationCount(count: number): string {
  return `${count} relation${count === 1 ? '' : 's'}`;
}

/** The relations from or to a span: deleting the span deletes them too. */
export function relationsOfSpan(doc: DocState, spanKey: string): Relation[] {
  return [...doc.relations.values()].filter((relation) => touches(relation, spanKey));
}

function targetExists(doc: DocState, target: SpanTarget | null | undefined): boolean {
  return target?.kind !== 'span' || doc.spans.has(target.key);
}

/**
 * Whether `op` makes sense on `doc`. It may not when an earlier change it relied on was
 * rolled back, e.g. undoing the creation of a span the server refused.
 */
export function isApplicable(doc: DocState, op: Op): boolean {
  switch (op.type) {
    case 'createSpan':
      return !doc.spans.has(op.span.key) && targetExists(doc, op.span.target);
    case 'updateSpan':
      return doc.spans.has(op.key) && targetExists(doc, op.change.target);
    case 'deleteSpan':
      return doc.spans.has(op.key);
    case 'createRelation':
      return !doc.relations.has(op.relation.key) && doc.spans.has(op.relation.sourceKey) && doc.spans.has(op.relation.targetKey);
    case 'deleteRelation':
      return doc.relations.has(op.key);
    case 'setAnswers':
      return true;
  }
}

/**
 * The state after `op`. Deleting a span also drops the relations that use it, as the server
 * does. Operations that do not apply leave the state as it is.
 */
export function applyOp(doc: DocState, op: Op): DocState {
  if (!isApplicable(doc, op)) return doc;
  switch (op.type) {
    case 'createSpan':
      return { ...doc, spans: new Map(doc.spans).set(op.span.key, op.span) };
    case 'updateSpan': {
      const span = doc.spans.get(op.key)!;
      return { ...doc, spans: new Map(doc.spans).set(op.key, { ...span, ...op.change }) };
    }
    case 'deleteSpan':
      return {
        ...doc,
        spans: without(doc.spans, (key) => key === op.key),
        relations: without(doc.relations, (_, relation) => touches(relation, op.key)),
      };
    case 'createRelation':
      return { ...doc, relations: new Map(doc.relations).set(op.relation.key, op.relation) };
    case 'deleteRelation':
      return { ...doc, relations: without(doc.relations, (key) => key === op.key) };
    case 'setAnswers':
      return { ...doc, answers: op.answers };
  }
}

export function applyOps(doc: DocState, ops: readonly Op[]): DocState {
  return ops.reduce(applyOp, doc);
}

/** The operations that undo `op` when applied to the state `op` produced from `doc`. */
export function inverseOf(doc: DocState, op: Op): Op[] {
  if (!isApplicable(doc, op)) return [];
  switch (op.type) {
    case 'createSpan':
      return [{ type: 'deleteSpan', key: op.span.key }];
    case 'updateSpan': {
      const span = doc.spans.get(op.key)!;
      const before = Object.fromEntries(Object.keys(op.change).map((field) => [field, span[field as keyof SpanChange]])) as SpanChange;
      return [{ type: 'updateSpan', key: op.key, change: before }];
    }
    case 'deleteSpan': {
      const relations = relationsOfSpan(doc, op.key);
      return [{ type: 'createSpan', span: doc.spans.get(op.key)! }, ...relations.map((relation) => ({ type: 'createRelation' as const, relation }))];
    }
    case 'createRelation':
      return [{ type: 'deleteRelation', key: op.relation.key }];
    case 'deleteRelation':
      return [{ type: 'createRelation', relation: doc.relations.get(op.key)! }];
    case 'setAnswers':
      return [{ type: 'setAnswers', answers: doc.answers }];
  }
}
