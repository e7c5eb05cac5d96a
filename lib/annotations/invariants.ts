import { validateSpan, type OffsetIndex } from '@/lib/offsets';
import { SPAN_LAYERS, type SpanLayer } from '@/lib/schema/types';

/**
 * The rules every stored span and relation obeys, in one place, whoever writes them:
 * the API service, import, adjudication and the editor's pre-checks all call these.
 * Pure: each writer loads the facts (labels, the text, the spans of the layer being
 * written, targets) in its own way — one query per fact on the API, in memory for a
 * whole import or adjudication, from its local state in the editor — and these decide.
 *
 * A violation names the field it is about (relative: the API prefixes `body.`, import
 * names the record) and says what is wrong; an overlap also names the span it clashes with.
 */
export type TargetRef = { kind: 'target'; id: string } | { kind: 'span'; id: string };

export interface Violation {
  field: string;
  /** A sentence for the user. */
  message: string;
  /** The same, in a few words, for error details. */
  reason: string;
  /** Set when the violation is an overlap: the span it clashes with. */
  overlapsWith?: string;
}

export type Checked<T> = { ok: true; value: T } | { ok: false; violation: Violation };

const ok = <T>(value: T): Checked<T> => ({ ok: true, value });
const violated = <T>(field: string, message: string, reason: string, overlapsWith?: string): Checked<T> => ({
  ok: false,
  violation: { field, message, reason, ...(overlapsWith === undefined ? {} : { overlapsWith }) },
});

export interface LabelFact {
  id: string;
  key: string;
  layer: string;
  retired: boolean;
  sourceTypes?: readonly string[];
  targetTypes?: readonly string[];
}

/** A span already in (or about to enter) a layer, as far as the rules look at it. */
export interface SpanFact {
  id: string;
  /** The layer owner: a user id, or null for gold. */
  authorId: string | null;
  layer: SpanLayer;
  labelKey: string;
  start: number;
  end: number;
  quote: string;
}

export interface TargetFact {
  id: string;
  retired: boolean;
}

/** Retired labels and targets describe existing work only; nothing new may use them. */
export function isActive(item: { retired: boolean }): boolean {
  return !item.retired;
}

/** The label exists in the project, is of one of `layers`, and is not retired. */
export function checkLabel(label: LabelFact | undefined, labelId: string, kind: 'span' | 'relation' | 'question', field = 'labelId'): Checked<LabelFact> {
  const layers: readonly string[] = kind === 'span' ? SPAN_LAYERS : kind === 'relation' ? ['RELATION'] : ['DOCUMENT'];
  const what = kind === 'span' ? 'a span label' : kind === 'relation' ? 'a relation type' : 'a document question';
  if (!label || !layers.includes(label.layer))
    return violated(
      field,
      `Label ${labelId} is not ${what} of this project.`,
      `unknown ${kind === 'span' ? 'label' : kind === 'relation' ? 'relation type' : 'question'}`,
    );
  if (!isActive(label)) return violated(field, `Label ${label.key} is retired; choose an active label.`, 'retired label');
  return ok(label);
}

/** A span label, with its layer narrowed for the writers. */
export function checkSpanLabel(label: LabelFact | undefined, labelId: string): Checked<LabelFact & { layer: SpanLayer }> {
  return checkLabel(label, labelId, 'span') as Checked<LabelFact & { layer: SpanLayer }>;
}

/** Offsets inside the text, non-empty, and the quote (if given) equal to the text there. Returns the quote to store. */
export function checkOffsets(text: OffsetIndex, span: { start: number; end: number; quote?: string }): Checked<string> {
  const result = validateSpan(text, span);
  if (!result.ok) return violated('start', `Invalid span: ${result.message}.`, result.message);
  return ok(result.quote);
}

/** An active project target (stance spans and per-target document questions name one). */
export function checkTarget(found: TargetFact | undefined, id: string, field = 'target.id'): Checked<TargetFact> {
  if (!found) return violated(field, `Target ${id} is not a target of this project.`, 'unknown target');
  if (!isActive(found)) return violated(field, `Target ${id} is retired; choose an active target.`, 'retired target');
  return ok(found);
}

/** Stance spans name exactly one target: an active project target, or an entity span of the same layer owner. */
export function checkStanceTarget(
  span: { layer: SpanLayer; labelKey: string; authorId: string | null },
  target: TargetRef | null,
  found: TargetFact | SpanFact | undefined,
): Checked<{ targetId: string | null; targetAnnotationId: string | null }> {
  if (span.layer !== 'STANCE') {
    if (target) return violated('target', `Only STANCE spans take a target; ${span.labelKey} is a ${span.layer} label.`, 'not allowed for this layer');
    return ok({ targetId: null, targetAnnotationId: null });
  }
  if (!target) return violated('target', 'A stance span needs a target.', 'required for STANCE: a project target or an entity span');
  if (target.kind === 'target') {
    const checked = checkTarget(found as TargetFact | undefined, target.id);
    return checked.ok ? ok({ targetId: checked.value.id, targetAnnotationId: null }) : checked;
  }
  const entity = found as SpanFact | undefined;
  if (!entity) return violated('target.id', `Span ${target.id} is not a span of this document.`, 'unknown entity span');
  if (entity.authorId !== span.authorId)
    return violated(
      'target.id',
      `Span ${target.id} belongs to ${layerName(entity.authorId)}, not to the layer of this stance (${layerName(span.authorId)}).`,
      'span of another layer',
    );
  if (entity.layer !== 'ENTITY')
    return violated('target.id', `Span ${target.id} is a ${entity.layer} span; a stance targets an entity span.`, 'not an entity span');
  return ok({ targetId: null, targetAnnotationId: entity.id });
}

/** Whether two spans share at least one code point. */
function overlaps(a: { start: number; end: number }, b: { start: number; end: number }): boolean {
  return a.start < b.end && b.start < a.end;
}

/**
 * With overlap forbidden, no two spans of one layer owner in the same span layer share a
 * code point. `others` are the layer's spans (any candidates; those of other owners, other
 * layers or the span itself are ignored).
 */
export function checkOverlap(allowOverlap: boolean, span: Omit<SpanFact, 'labelKey' | 'quote'>, others: Iterable<Omit<SpanFact, 'labelKey'>>): Checked<null> {
  if (allowOverlap) return ok(null);
  for (const other of others) {
    if (other.id !== span.id && other.authorId === span.authorId && other.layer === span.layer && overlaps(span, other)) {
      return violated(
        'start',
        `This project forbids overlapping ${span.layer} spans: [${span.start},${span.end}) overlaps "${short(other.quote)}" [${other.start},${other.end}).`,
        'overlaps another span',
        other.id,
      );
    }
  }
  return ok(null);
}

/** Every overlapping pair among `spans`, for writers that check a whole document at once (import). */
export function findOverlaps<T extends Omit<SpanFact, 'labelKey'>>(
  allowOverlap: boolean,
  spans: readonly T[],
): { span: T; overlapsWith: T; violation: Violation }[] {
  if (allowOverlap) return [];
  const found: { span: T; overlapsWith: T; violation: Violation }[] = [];
  const groups = new Map<string, T[]>();
  for (const span of spans) {
    const key = `${span.authorId ?? ''}|${span.layer}`;
    const group = groups.get(key);
    if (group) group.push(span);
    else groups.set(key, [span]);
  }
  for (const group of groups.values()) {
    // Sweep by start, keeping the span that reaches furthest: any later span starting before its end overlaps it.
    const sorted = [...group].sort((a, b) => a.start - b.start || a.end - b.end);
    let furthest: T | undefined;
    for (const span of sorted) {
      if (furthest) {
        const check = checkOverlap(false, span, [furthest]);
        if (!check.ok) found.push({ span, overlapsWith: furthest, violation: check.violation });
      }
      if (!furthest || span.end > furthest.end) furthest = span;
    }
  }
  return found;
}

/**
 * A relation: an active relation type whose source and target types allow the endpoint
 * labels (empty lists allow any), between two different spans of the layer being written.
 */
export function checkRelation(
  relation: { labelId: string; sourceId: string; targetId: string; authorId: string | null },
  type: LabelFact | undefined,
  source: SpanFact | undefined,
  target: SpanFact | undefined,
): Checked<LabelFact> {
  const label = checkLabel(type, relation.labelId, 'relation');
  if (!label.ok) return label;
  if (relation.sourceId === relation.targetId) return violated('targetId', 'A relation needs two different spans.', 'same as source');
  for (const [end, field, id] of [
    [source, 'sourceId', relation.sourceId],
    [target, 'targetId', relation.targetId],
  ] as const) {
    if (!end) return violated(field, `Span ${id} is not a span of this document.`, 'unknown span');
    if (end.authorId !== relation.authorId)
      return violated(
        field,
        `Span ${id} belongs to ${layerName(end.authorId)}; a relation links spans of one layer (${layerName(relation.authorId)}).`,
        'span of another layer',
      );
  }
  const { key, sourceTypes, targetTypes } = label.value;
  if (!relationAllows(label.value, source!.labelKey, target!.labelKey)) {
    return violated(
      'labelId',
      `${key} may link ${sourceTypes?.join('/') || 'any'} → ${targetTypes?.join('/') || 'any'}, not ${source!.labelKey} → ${target!.labelKey}.`,
      'not allowed between these spans',
    );
  }
  return label;
}

/** Whether relation type `type` may link a span labelled `sourceKey` to one labelled `targetKey` (empty lists allow any). */
export function relationAllows(type: Pick<LabelFact, 'sourceTypes' | 'targetTypes'>, sourceKey: string, targetKey: string): boolean {
  const allowed = (types: readonly string[] | undefined, key: string) => !types || types.length === 0 || types.includes(key);
  return allowed(type.sourceTypes, sourceKey) && allowed(type.targetTypes, targetKey);
}

function short(quote: string): string {
  const points = Array.from(quote);
  return points.length > 40 ? `${points.slice(0, 39).join('')}…` : quote;
}

function layerName(authorId: string | null): string {
  return authorId === null ? 'the gold layer' : `annotator ${authorId}'s layer`;
}

/** A document question as the answer rules see it. */
interface QuestionFact {
  key: string;
  options: readonly { key: string }[];
  multiple: boolean;
  perTarget: boolean;
}

/**
 * An answer to a document question: options of the question, one (or, for multiple-choice
 * questions, at least one), and a target exactly when the question is asked per stance
 * target. The question itself is checked with checkLabel, the target with checkTarget.
 */
export function checkAnswer(question: QuestionFact, answer: { values: readonly string[]; hasTarget: boolean }): Checked<null> {
  const options = new Set(question.options.map((o) => o.key));
  const bad = answer.values.find((v) => !options.has(v));
  if (bad !== undefined) return violated('values', `"${bad}" is not an option of ${question.key}.`, `unknown option ${bad}`);
  if (answer.values.length === 0 || (!question.multiple && answer.values.length > 1)) {
    return violated('values', `${question.key} takes ${question.multiple ? 'one or more options' : 'exactly one option'}.`, 'wrong number of options');
  }
  if (question.perTarget !== answer.hasTarget) {
    return violated(
      'targetId',
      `${question.key} is asked ${question.perTarget ? 'once per stance target' : 'once per document'}.`,
      question.perTarget ? 'required' : 'not allowed',
    );
  }
  return ok(null);
}

/** A span that stance spans target cannot go: no stance may lose its target silently. */
export function checkDeletable(stancesTargeting: number): Checked<null> {
  if (stancesTargeting > 0)
    return violated('id', `${stancesTargeting} stance span(s) have this span as their target; retarget or delete them first.`, 'stance target');
  return ok(null);
}

/**
 * Relabelling a span must keep what depends on it valid: stance spans may target only
 * entity spans, and each relation's type must still allow its endpoints' labels.
 * `relations` are the relations touching the span, with the span itself already relabelled.
 */
export function checkRelabel(
  span: SpanFact,
  stancesTargeting: number,
  relations: readonly { id: string; type: Pick<LabelFact, 'key' | 'sourceTypes' | 'targetTypes'>; source: SpanFact; target: SpanFact }[],
): Checked<null> {
  if (span.layer !== 'ENTITY' && stancesTargeting > 0) {
    return violated(
      'labelId',
      `${stancesTargeting} stance span(s) have this span as their target, so it must stay an entity; retarget or delete them first.`,
      'stance target must stay an entity',
    );
  }
  for (const { id, type, source, target } of relations) {
    if (!relationAllows(type, source.labelKey, target.labelKey)) {
      return violated(
        'labelId',
        `Relation ${id} (${type.key}) may not link ${source.labelKey} → ${target.labelKey}; delete it or choose another label.`,
        'breaks a relation',
      );
    }
  }
  return ok(null);
}

/**
 * A span's note is the author's word to the curators, so it is capped like other free text
 * (long enough for a paragraph, short enough to show on an adjudication row). A blank note is no
 * note: clearing the field in the editor sends '' and stores null.
 */
export const MAX_SPAN_NOTE = 2_000;

export function checkSpanNote(note: string | null): Checked<string | null> {
  if (note === null || note.trim() === '') return ok(null);
  if (note.length > MAX_SPAN_NOTE) {
    return violated('note', `A span's note holds at most ${MAX_SPAN_NOTE} characters; this one has ${note.length}.`, `longer than ${MAX_SPAN_NOTE} characters`);
  }
  return ok(note);
}
