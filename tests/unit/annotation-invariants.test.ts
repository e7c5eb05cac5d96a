import { describe, expect, it } from 'vitest';
import {
  checkOffsets,
  checkOverlap,
  checkRelabel,
  checkRelation,
  checkSpanLabel,
  checkStanceTarget,
  findOverlaps,
  relationAllows,
  type Checked,
  type LabelFact,
  type SpanFact,
  type TargetRef,
} from '@/lib/annotations/invariants';
import { catalogOf } from '@/lib/editor/catalog';
import { changeSpan, createSpan, deleteSpan, linkSpans, type CommandContext } from '@/lib/editor/commands';
import { applyOps, emptyDoc, type Span } from '@/lib/editor/model';
import type { SchemaLabel } from '@/lib/editor/schema';
import { OffsetIndex } from '@/lib/offsets';
import { findPreset } from '@/lib/schema/presets';
import { CASES, offsetsOf, reaches, RETIRED_LABEL, RETIRED_TARGET, TEXT, type InvariantCase, type SpanSpec } from '../support/invariant-cases';
import { editorSpan } from '../support/editor-span';

/** The world of the case table in memory: the preset's labels by LAYER:KEY (one retired), two targets. */
const preset = findPreset('news-stance-framing')!;
const schemaLabels: SchemaLabel[] = preset.labels.map((l, position) => ({
  id: `${l.layer}:${l.key}`,
  layer: l.layer,
  key: l.key,
  name: l.key,
  description: '',
  color: '#000000',
  hotkey: null,
  position,
  retired: `${l.layer}:${l.key}` === RETIRED_LABEL,
  sourceTypes: l.sourceTypes ?? [],
  targetTypes: l.targetTypes ?? [],
  options: [],
  multiple: false,
  perTarget: false,
}));
const labels = new Map<string, LabelFact>(schemaLabels.map((l) => [l.id, l]));
const targets = new Map([
  ['AFGHAN_TALIBAN', { id: 'AFGHAN_TALIBAN', key: 'AFGHAN_TALIBAN', name: 'Afghan Taliban', aliases: [], retired: false }],
  [RETIRED_TARGET, { id: RETIRED_TARGET, key: RETIRED_TARGET, name: 'An old target', aliases: [], retired: true }],
]);
const text = new OffsetIndex(TEXT);

function fact(spec: SpanSpec, authorId: string): SpanFact {
  const label = labels.get(spec.label)!;
  const { start, end } = offsetsOf(spec.at);
  // Sliced leniently: the write under test may lie outside the text.
  return {
    id: spec.ref,
    authorId,
    layer: label.layer as SpanFact['layer'],
    labelKey: label.key,
    start,
    end,
    quote: Array.from(TEXT).slice(start, end).join(''),
  };
}

/** The first rule a write breaks, checked as a server writer does once it has its facts. */
function firstViolation(testCase: InvariantCase) {
  const existing = (testCase.spans ?? []).map((s) => fact(s, s.author));
  const write = testCase.write;
  const checks: (() => Checked<unknown>)[] = [];
  if ('relation' in write) {
    const { label, source, target } = write.relation;
    const end = (ref: string) => existing.find((s) => s.id === ref);
    checks.push(() => checkRelation({ labelId: label, sourceId: source, targetId: target, authorId: 'mine' }, labels.get(label), end(source), end(target)));
  } else {
    const spec = write.span;
    const label = checkSpanLabel(labels.get(spec.label), spec.label);
    checks.push(() => label);
    if (label.ok) {
      const span = fact(spec, 'mine');
      const ref: TargetRef | null = spec.target
        ? 'target' in spec.target
          ? { kind: 'target', id: spec.target.target }
          : { kind: 'span', id: spec.target.span }
        : null;
      const found =
        spec.target && ('target' in spec.target ? targets.get(spec.target.target) : existing.find((s) => s.id === (spec.target as { span: string }).span));
      checks.push(
        () => checkOffsets(text, { ...offsetsOf(spec.at), quote: spec.quote }),
        () => checkStanceTarget(span, ref, found),
        () => checkOverlap(testCase.allowOverlap ?? true, span, existing),
      );
    }
  }
  for (const check of checks) {
    const result = check();
    if (!result.ok) return result.violation;
  }
  return null;
}

describe('annotation rules, the pure module', () => {
  it.each(CASES.filter((c) => reaches(c, 'pure') === null).map((c) => [c.name, c] as const))('%s', (_name, testCase) => {
    const violation = firstViolation(testCase);
    if (!testCase.refused) {
      expect(violation).toBeNull();
      return;
    }
    expect(violation).toMatchObject({ field: testCase.refused.field, message: expect.stringMatching(testCase.refused.pattern) });
    expect(violation!.overlapsWith).toBe(testCase.refused.overlap ? 'org' : undefined);
  });

  it('finds every overlapping span in one sweep, even one nested inside an earlier long span', () => {
    const span = (id: string, start: number, end: number, layer: SpanFact['layer'] = 'ENTITY', authorId: string | null = 'a') => ({
      id,
      authorId,
      layer,
      start,
      end,
      quote: id,
    });
    // [0,30) covers [2,3) and [10,12), which do not touch each other: both must be reported.
    const found = findOverlaps(false, [
      span('long', 0, 30),
      span('short', 2, 3),
      span('later', 10, 12),
      span('frame', 5, 6, 'FRAME'),
      span('gold', 1, 4, 'ENTITY', null),
    ]);
    expect(found.map((f) => [f.span.id, f.overlapsWith.id])).toEqual([
      ['short', 'long'],
      ['later', 'long'],
    ]);
    expect(findOverlaps(true, [span('long', 0, 30), span('short', 2, 3)])).toEqual([]);
    // End-exclusive: touching spans do not overlap.
    expect(findOverlaps(false, [span('x', 0, 5), span('y', 5, 9)])).toEqual([]);
    // A span being moved does not clash with where it was.
    expect(checkOverlap(false, span('x', 2, 7), [span('x', 0, 5)]).ok).toBe(true);
    expect(checkOverlap(false, span('x', 2, 7), [span('x', 0, 5), span('y', 6, 9)])).toMatchObject({ ok: false, violation: { overlapsWith: 'y' } });
  });

  it('keeps what depends on a span valid when it is relabelled', () => {
    const person = fact({ ref: 'p', label: 'ENTITY:PERSON', at: 'Hafiz Gul Bahadur' }, 'a');
    const org = fact({ ref: 'o', label: 'ENTITY:ORG', at: 'Hafiz Gul Bahadur group' }, 'a');
    const memberOf = labels.get('RELATION:MEMBER_OF')!;
    expect(checkRelabel(person, 0, [{ id: 'r', type: memberOf, source: person, target: org }])).toEqual({ ok: true, value: null });
    const asGpe = { ...person, labelKey: 'GPE' };
    expect(checkRelabel(asGpe, 0, [{ id: 'r', type: memberOf, source: asGpe, target: org }])).toMatchObject({
      ok: false,
      violation: { field: 'labelId', message: expect.stringContaining('Relation r (MEMBER_OF) may not link GPE → ORG') },
    });
    expect(checkRelabel({ ...person, layer: 'FRAME' }, 2, [])).toMatchObject({
      ok: false,
      violation: { message: expect.stringMatching(/^2 stance span\(s\) have this span as their target/) },
    });
  });

  it('lets empty source and target type lists allow any label', () => {
    expect(relationAllows({ sourceTypes: [], targetTypes: [] }, 'ANY', 'THING')).toBe(true);
    expect(relationAllows({ sourceTypes: ['PERSON'], targetTypes: [] }, 'ORG', 'THING')).toBe(false);
  });
});

describe('annotation rules, the editor’s pre-checks', () => {
  const catalog = catalogOf(schemaLabels, [...targets.values()]);
  const spanOf = (spec: SpanSpec): Span => {
    const { start, end } = offsetsOf(spec.at);
    const target = spec.target
      ? 'target' in spec.target
        ? { kind: 'target' as const, id: spec.target.target }
        : { kind: 'span' as const, key: spec.target.span }
      : null;
    return { key: spec.ref, labelId: spec.label, start, end, quote: text.slice(start, end), target, attributes: {}, unsure: false, note: null };
  };

  it.each(CASES.filter((c) => reaches(c, 'editor') === null).map((c) => [c.name, c] as const))('%s', (_name, testCase) => {
    const doc = applyOps(
      emptyDoc,
      (testCase.spans ?? []).map((s) => ({ type: 'createSpan' as const, span: spanOf(s) })),
    );
    const context: CommandContext = { doc, catalog, text, allowOverlap: testCase.allowOverlap ?? true };
    const write = testCase.write;
    const command =
      'span' in write
        ? createSpan(context, write.span.ref, offsetsOf(write.span.at), write.span.label, spanOf(write.span).target)
        : linkSpans(context, 'r', write.relation.source, write.relation.target, write.relation.label);
    if (!testCase.refused) expect(command).toMatchObject({ ok: true });
    else {
      // An overlap names the span it clashes with (label-all counts overlaps by it), as the API's 409 does.
      const clash = testCase.refused.overlap ? { overlapsWith: 'org' } : {};
      expect(command).toEqual({ ok: false, error: expect.stringMatching(testCase.refused.pattern), ...clash });
    }
  });
});

describe('relabelling and deleting in the editor', () => {
  it('refuses a label that breaks a relation, and deleting a stance target', () => {
    const person = editorSpan('p', 'ENTITY:PERSON', 4, 21, TEXT);
    const org = editorSpan('o', 'ENTITY:ORG', 4, 27, TEXT);
    const stance = editorSpan('s', 'STANCE:AGAINST', 28, 36, TEXT, { target: { kind: 'span', key: 'o' } });
    const doc = applyOps(emptyDoc, [
      ...[person, org, stance].map((span) => ({ type: 'createSpan' as const, span })),
      { type: 'createRelation', relation: { key: 'r', labelId: 'RELATION:MEMBER_OF', sourceKey: 'p', targetKey: 'o' } },
    ]);
    const context: CommandContext = { doc, catalog: catalogOf(schemaLabels, [...targets.values()]), text, allowOverlap: true };
    expect(changeSpan(context, 'p', 'ENTITY:GPE', null)).toEqual({ ok: false, error: expect.stringContaining('(MEMBER_OF) may not link GPE → ORG') });
    expect(changeSpan(context, 'p', 'ENTITY:ORG', null)).toMatchObject({ ok: true });
    expect(deleteSpan(context, 'o')).toEqual({ ok: false, error: '1 stance span(s) have this span as their target; retarget or delete them first.' });
  });
});
