import {
  checkDeletable,
  checkOverlap,
  checkRelabel,
  checkRelation,
  checkSpanLabel,
  checkSpanNote,
  checkStanceTarget,
  type SpanFact,
  type TargetRef,
  type Violation,
} from '@/lib/annotations/invariants';
import { layerOf, type Catalog } from './catalog';
import type { Answer, DocState, Op, Span, SpanChange, SpanTarget } from './model';
import { stancesTargeting } from './rules';
import type { CodePointRange, OffsetIndex } from '@/lib/offsets';

/**
 * What the user asked for, as operations to apply, or the reason it cannot be done. The
 * checks are the server's own rules (lib/annotations/invariants.ts) run on the editor's
 * state, so the usual mistakes are explained at once instead of after a rollback; the
 * server still has the last word.
 */
export type Command = { ok: true; ops: Op[]; description: string } | { ok: false; error: string; overlapsWith?: string };

export interface CommandContext {
  doc: DocState;
  catalog: Catalog;
  text: OffsetIndex;
  allowOverlap: boolean;
}

const fail = (error: string): Command => ({ ok: false, error });
/** A refusal that keeps the span an overlap clashes with, so that label-all can count overlaps apart from other refusals. */
const refuse = ({ message, overlapsWith }: Violation): Command => ({ ok: false, error: message, ...(overlapsWith === undefined ? {} : { overlapsWith }) });

/** The editor holds one layer, the caller's, and addresses spans by key: facts use the key as id and one owner for all. */
const OWN_LAYER = 'own';

function factOf(context: CommandContext, span: Span, labelId = span.labelId, range: CodePointRange = span): SpanFact | undefined {
  const label = context.catalog.labels.get(labelId);
  const layer = layerOf(context.catalog, { ...span, labelId });
  if (!label || !layer) return undefined;
  return {
    id: span.key,
    authorId: OWN_LAYER,
    layer,
    labelKey: label.key,
    start: range.start,
    end: range.end,
    quote: context.text.slice(range.start, range.end),
  };
}

function facts(context: CommandContext): SpanFact[] {
  return [...context.doc.spans.values()].flatMap((span) => factOf(context, span) ?? []);
}

/** What a stance target refers to in the editor's state: a project target, or one of the caller's spans. */
function targetFact(context: CommandContext, target: SpanTarget | null) {
  if (target?.kind === 'target') return context.catalog.targets.get(target.id);
  const span = target && context.doc.spans.get(target.key);
  return span ? factOf(context, span) : undefined;
}

/** The first rule the span would break: its stance target, then the overlap policy. */
function spanProblem(context: CommandContext, span: SpanFact, target: SpanTarget | null): Violation | null {
  const ref: TargetRef | null = target && (target.kind === 'target' ? target : { kind: 'span', id: target.key });
  const stance = checkStanceTarget(span, ref, targetFact(context, target));
  if (!stance.ok) return stance.violation;
  const overlap = checkOverlap(context.allowOverlap, span, facts(context));
  return overlap.ok ? null : overlap.violation;
}

export function createSpan(context: CommandContext, key: string, range: CodePointRange, labelId: string, target: SpanTarget | null): Command {
  const label = checkSpanLabel(context.catalog.labels.get(labelId), labelId);
  if (!label.ok) return fail(label.violation.message);
  const quote = context.text.slice(range.start, range.end);
  const span = { key, labelId, start: range.start, end: range.end, quote, target, attributes: {}, unsure: false, note: null };
  const problem = spanProblem(context, factOf(context, span)!, target);
  if (problem) return refuse(problem);
  return { ok: true, ops: [{ type: 'createSpan', span }], description: `create ${label.value.key}` };
}

/** A new label, and the target that goes with it (null unless the label is a stance label). */
export function changeSpan(context: CommandContext, key: string, labelId: string, target: SpanTarget | null): Command {
  const span = context.doc.spans.get(key);
  if (!span) return fail('That span no longer exists.');
  const label = checkSpanLabel(context.catalog.labels.get(labelId), labelId);
  if (!label.ok) return fail(label.violation.message);
  const relabelled = factOf(context, span, labelId)!;
  const relations = [...context.doc.relations.values()].flatMap((relation) => {
    if (relation.sourceKey !== key && relation.targetKey !== key) return [];
    const type = context.catalog.labels.get(relation.labelId);
    const end = (endKey: string) => (endKey === key ? relabelled : factOf(context, context.doc.spans.get(endKey)!));
    const [source, target] = [end(relation.sourceKey), end(relation.targetKey)];
    return type && source && target ? [{ id: relation.key, type, source, target }] : [];
  });
  const dependents = checkRelabel(relabelled, stancesTargeting(context.doc.spans.values(), key).length, relations);
  if (!dependents.ok) return fail(dependents.violation.message);
  const problem = spanProblem(context, relabelled, target);
  if (problem) return refuse(problem);
  const description = labelId === span.labelId ? `change target of ${label.value.key}` : `change label to ${label.value.key}`;
  return { ok: true, ops: [{ type: 'updateSpan', key, change: { labelId, target } }], description };
}

/** Marks a span unsure (or not), or sets its note; a blank note removes it, as the server would. */
export function remarkSpan(context: CommandContext, key: string, change: Pick<SpanChange, 'unsure' | 'note'>): Command {
  const span = context.doc.spans.get(key);
  if (!span) return fail('That span no longer exists.');
  if (change.note === undefined) return { ok: true, ops: [{ type: 'updateSpan', key, change }], description: change.unsure ? 'mark unsure' : 'clear unsure' };
  const note = checkSpanNote(change.note);
  if (!note.ok) return fail(note.violation.message);
  return { ok: true, ops: [{ type: 'updateSpan', key, change: { ...change, note: note.value } }], description: note.value ? 'edit note' : 'remove note' };
}

export function deleteSpan(context: CommandContext, key: string): Command {
  const span = context.doc.spans.get(key);
  if (!span) return fail('That span no longer exists.');
  const deletable = checkDeletable(stancesTargeting(context.doc.spans.values(), key).length);
  if (!deletable.ok) return fail(deletable.violation.message);
  return { ok: true, ops: [{ type: 'deleteSpan', key }], description: `delete ${context.catalog.labels.get(span.labelId)?.key ?? 'span'}` };
}

export function linkSpans(context: CommandContext, key: string, sourceKey: string, targetKey: string, labelId: string): Command {
  const end = (spanKey: string) => {
    const span = context.doc.spans.get(spanKey);
    return span && factOf(context, span);
  };
  const type = context.catalog.labels.get(labelId);
  const checked = checkRelation({ labelId, sourceId: sourceKey, targetId: targetKey, authorId: OWN_LAYER }, type, end(sourceKey), end(targetKey));
  if (!checked.ok) return fail(checked.violation.message);
  const duplicate = [...context.doc.relations.values()].some((r) => r.labelId === labelId && r.sourceKey === sourceKey && r.targetKey === targetKey);
  if (duplicate) return fail(`These spans are already linked by ${checked.value.key}.`);
  return { ok: true, ops: [{ type: 'createRelation', relation: { key, labelId, sourceKey, targetKey } }], description: `link ${checked.value.key}` };
}

export function unlink(context: CommandContext, key: string): Command {
  const relation = context.doc.relations.get(key);
  if (!relation) return fail('That relation no longer exists.');
  return { ok: true, ops: [{ type: 'deleteRelation', key }], description: `delete ${context.catalog.labels.get(relation.labelId)?.key ?? 'relation'}` };
}

export function answer(answers: readonly Answer[]): Command {
  return { ok: true, ops: [{ type: 'setAnswers', answers }], description: 'answer a document question' };
}
