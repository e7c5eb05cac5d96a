import {
  checkAnswer,
  checkLabel,
  checkOffsets,
  checkSpanLabel,
  checkStanceTarget,
  checkTarget,
  type Checked,
  type LabelFact,
  type TargetFact,
} from '@/lib/annotations/invariants';
import type { OffsetIndex } from '@/lib/offsets';
import { inScope, type Scope } from './scope';
import { countDrop, type Dropped, type SchemaView, type SuggestResult } from './types';

/**
 * Every proposal of every kind passes the annotation invariants (lib/annotations/invariants.ts,
 * the rules every writer obeys) before it is stored: the label exists, is a span label, is
 * not retired and is one this recommender may suggest; the offsets are inside the text and
 * non-empty; a stance span names an active project target and no other span does; an answer
 * names options of its question and a target exactly when asked per target. What fails is
 * dropped and counted under the rule's reason. Overlap is not checked: a suggestion is not a
 * span of anyone's layer until accepted, and accepting goes through the same rules.
 */
export interface AdmittedSuggestion {
  labelId: string;
  targetId: string | null;
  start: number | null;
  end: number | null;
  quote: string;
  values: string[];
  score: number | null;
  forUserId: string | null;
}

export function admit(result: SuggestResult, schema: SchemaView, text: OffsetIndex, scope: Scope): { items: AdmittedSuggestion[]; dropped: Dropped } {
  const dropped: Dropped = { ...result.dropped };
  const labels = new Map<string, LabelFact[]>();
  for (const label of schema.labels) labels.set(label.key, [...(labels.get(label.key) ?? []), label]);
  const targets = new Map<string, TargetFact & { key: string }>(schema.targets.map((t) => [t.key, t]));
  const items = new Map<string, AdmittedSuggestion>();

  for (const span of result.spans) {
    const candidates = (labels.get(span.label) ?? []).filter((l) => l.layer !== 'RELATION' && l.layer !== 'DOCUMENT');
    const label = offered(checkSpanLabel(candidates.find((l) => inScope(l, scope)) ?? candidates[0], span.label), scope);
    if (!label.ok) {
      countDrop(dropped, label.reason);
      continue;
    }
    const quote = checkOffsets(text, span);
    if (!quote.ok) {
      countDrop(dropped, 'offsets out of range');
      continue;
    }
    const target = span.target ? targets.get(span.target) : undefined;
    const stance = checkStanceTarget(
      { layer: label.value.layer, labelKey: label.value.key, authorId: null },
      span.target ? { kind: 'target', id: target?.id ?? span.target } : null,
      target,
    );
    if (!stance.ok) {
      countDrop(dropped, stance.violation.reason);
      continue;
    }
    const item = {
      labelId: label.value.id,
      targetId: stance.value.targetId,
      start: span.start,
      end: span.end,
      quote: quote.value,
      values: [],
      score: span.score ?? null,
      forUserId: span.forUserId ?? null,
    };
    items.set(`${item.start}:${item.end}:${item.labelId}:${item.targetId}:${item.forUserId}`, item);
  }

  for (const answer of result.answers) {
    const found = (labels.get(answer.question) ?? []).find((l) => l.layer === 'DOCUMENT');
    const question = offered(checkLabel(found, answer.question, 'question'), scope);
    if (!question.ok) {
      countDrop(dropped, question.reason);
      continue;
    }
    const view = schema.labels.find((l) => l.id === question.value.id)!;
    const rule = checkAnswer(view, { values: answer.values, hasTarget: Boolean(answer.target) });
    const target = answer.target ? checkTarget(targets.get(answer.target), answer.target) : null;
    const failed = !rule.ok ? rule.violation : target && !target.ok ? target.violation : null;
    if (failed) {
      countDrop(dropped, failed.reason);
      continue;
    }
    const targetId = target?.ok ? target.value.id : null;
    items.set(`answer:${view.id}:${targetId}`, {
      labelId: view.id,
      targetId,
      start: null,
      end: null,
      quote: '',
      values: [...new Set(answer.values)],
      score: null,
      forUserId: null,
    });
  }
  return { items: [...items.values()], dropped };
}

/** A label the invariants accept and this recommender may suggest, or the reason the proposal naming it is dropped. */
function offered<T extends LabelFact>(checked: Checked<T>, scope: Scope): { ok: true; value: T } | { ok: false; reason: string } {
  if (!checked.ok) return { ok: false, reason: checked.violation.reason };
  return inScope(checked.value, scope) ? checked : { ok: false, reason: 'label not offered by this recommender' };
}
