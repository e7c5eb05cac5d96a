import { layerOf, shortQuote, type Catalog } from './catalog';
import type { Answer, DocState, Op, SpanTarget } from './model';
import { overlapping, stancesTargeting } from './rules';
import { isSpanLayer, relationTypesFor } from './schema';
import type { CodePointRange, OffsetIndex } from '@/lib/offsets';

/**
 * What the user asked for, as operations to apply, or the reason it cannot be done. The
 * checks mirror the server's rules so the usual mistakes are explained at once instead of
 * after a rollback; the server still has the last word.
 */
export type Command = { ok: true; ops: Op[]; description: string } | { ok: false; error: string };

export interface CommandContext {
  doc: DocState;
  catalog: Catalog;
  text: OffsetIndex;
  allowOverlap: boolean;
}

const fail = (error: string): Command => ({ ok: false, error });

function spanLabel(context: CommandContext, labelId: string) {
  const label = context.catalog.labels.get(labelId);
  return label && !label.retired && isSpanLayer(label.layer) ? { ...label, layer: label.layer } : undefined;
}

function checkTarget(layer: string, target: SpanTarget | null): string | null {
  if (layer === 'STANCE' && !target) return 'A stance span needs a target.';
  return null;
}

function checkOverlap(context: CommandContext, range: CodePointRange, layer: 'ENTITY' | 'STANCE' | 'FRAME', exceptKey?: string): string | null {
  if (context.allowOverlap) return null;
  const clash = overlapping(context.doc.spans.values(), range, layer, (span) => layerOf(context.catalog, span), exceptKey);
  return clash ? `This project forbids overlapping ${layer.toLowerCase()} spans: it would overlap “${shortQuote(clash.quote, 40)}”.` : null;
}

export function createSpan(context: CommandContext, key: string, range: CodePointRange, labelId: string, target: SpanTarget | null): Command {
  const label = spanLabel(context, labelId);
  if (!label) return fail('That label cannot be used for new spans.');
  const problem = checkTarget(label.layer, target) ?? checkOverlap(context, range, label.layer);
  if (problem) return fail(problem);
  const span = { key, labelId, start: range.start, end: range.end, quote: context.text.slice(range.start, range.end), target, attributes: {} };
  return { ok: true, ops: [{ type: 'createSpan', span }], description: `create ${label.key}` };
}

/** A new label, and the target that goes with it (null unless the label is a stance label). */
export function changeSpan(context: CommandContext, key: string, labelId: string, target: SpanTarget | null): Command {
  const span = context.doc.spans.get(key);
  const label = spanLabel(context, labelId);
  if (!span) return fail('That span no longer exists.');
  if (!label) return fail('That label cannot be used for new spans.');
  const stances = stancesTargeting(context.doc.spans.values(), key);
  if (label.layer !== 'ENTITY' && stances.length > 0) {
    return fail(`${stances.length} stance span(s) have this span as their target, so it must stay an entity; retarget or delete them first.`);
  }
  const problem = checkTarget(label.layer, target) ?? checkOverlap(context, span, label.layer, key);
  if (problem) return fail(problem);
  const description = labelId === span.labelId ? `change target of ${label.key}` : `change label to ${label.key}`;
  return { ok: true, ops: [{ type: 'updateSpan', key, change: { labelId, target } }], description };
}

export function deleteSpan(context: CommandContext, key: string): Command {
  const span = context.doc.spans.get(key);
  if (!span) return fail('That span no longer exists.');
  const stances = stancesTargeting(context.doc.spans.values(), key);
  if (stances.length > 0) return fail(`${stances.length} stance span(s) have this span as their target; retarget or delete them first.`);
  return { ok: true, ops: [{ type: 'deleteSpan', key }], description: `delete ${context.catalog.labels.get(span.labelId)?.key ?? 'span'}` };
}

export function linkSpans(context: CommandContext, key: string, sourceKey: string, targetKey: string, labelId: string): Command {
  const source = context.doc.spans.get(sourceKey);
  const target = context.doc.spans.get(targetKey);
  if (!source || !target) return fail('One of the two spans no longer exists.');
  if (sourceKey === targetKey) return fail('A relation needs two different spans.');
  const keyOf = (id: string) => context.catalog.labels.get(id)?.key ?? '';
  const type = relationTypesFor([...context.catalog.labels.values()], keyOf(source.labelId), keyOf(target.labelId)).find((l) => l.id === labelId);
  if (!type) return fail(`That relation type cannot link ${keyOf(source.labelId)} to ${keyOf(target.labelId)}.`);
  const duplicate = [...context.doc.relations.values()].some((r) => r.labelId === labelId && r.sourceKey === sourceKey && r.targetKey === targetKey);
  if (duplicate) return fail(`These spans are already linked by ${type.key}.`);
  return { ok: true, ops: [{ type: 'createRelation', relation: { key, labelId, sourceKey, targetKey } }], description: `link ${type.key}` };
}

export function unlink(context: CommandContext, key: string): Command {
  const relation = context.doc.relations.get(key);
  if (!relation) return fail('That relation no longer exists.');
  return { ok: true, ops: [{ type: 'deleteRelation', key }], description: `delete ${context.catalog.labels.get(relation.labelId)?.key ?? 'relation'}` };
}

export function answer(answers: readonly Answer[]): Command {
  return { ok: true, ops: [{ type: 'setAnswers', answers }], description: 'answer a document question' };
}
