import { describe, expect, it } from 'vitest';
import { catalogOf } from '@/lib/editor/catalog';
import type { CommandContext } from '@/lib/editor/commands';
import { FindText, findMatches } from '@/lib/editor/find';
import { labelAllReport, planLabelAll } from '@/lib/editor/label-all';
import { applyOps, emptyDoc, type DocState, type Span } from '@/lib/editor/model';
import { OffsetIndex } from '@/lib/offsets';
import { schemaLabel } from '../support/schema-label';
import { editorSpan } from '../support/editor-span';

const catalog = catalogOf(
  [
    schemaLabel('ENTITY', 'PERSON', { name: 'Person' }),
    schemaLabel('ENTITY', 'ORG'),
    schemaLabel('ENTITY', 'OLD', { retired: true }),
    schemaLabel('STANCE', 'AGAINST'),
    schemaLabel('FRAME', 'SECURITY'),
  ],
  [],
);
// "Khan" six times: at 0, 10, 19 (inside "Khanate"), 36 (inside "Imran Khan"), 42 and 49.
const source = 'Khan said Khan and Khanate of Imran Khan. Khan 👍 Khan';
const text = new OffsetIndex(source);
const find = new FindText(text);
const matches = findMatches(find, 'khan', { matchCase: false, wholeWord: false }).matches;

let keys = 0;
const newKey = () => `k${++keys}`;

function context(spans: Span[] = [], allowOverlap = false): CommandContext {
  const doc: DocState = applyOps(
    emptyDoc,
    spans.map((span) => ({ type: 'createSpan', span })),
  );
  return { doc, catalog, text, allowOverlap };
}

const span = (key: string, labelId: string, start: number, end: number): Span => editorSpan(key, labelId, start, end, source);

const createdRanges = (plan: ReturnType<typeof planLabelAll>) => plan.ops.map((op) => (op.type === 'createSpan' ? [op.span.start, op.span.end] : null));

describe('label all matches', () => {
  it('finds the six occurrences the tests below count on', () => {
    expect(matches.map((m) => m.start)).toEqual([0, 10, 19, 36, 42, 49]);
  });

  it('creates one span per match with the label and the quote of the text', () => {
    const plan = planLabelAll(context(), matches, 'PERSON', { snapToWords: false, find, newKey });
    expect(plan.ops).toHaveLength(6);
    expect(plan.ops[0]).toMatchObject({ type: 'createSpan', span: { labelId: 'PERSON', start: 0, end: 4, quote: 'Khan', target: null } });
    expect(new Set(plan.ops.map((op) => (op.type === 'createSpan' ? op.span.key : '')))).toHaveProperty('size', 6);
    expect(plan.leftOut.size).toBe(0);
    expect(labelAllReport(plan, 'Person')).toBe('Labelled 6 matches as Person');
  });

  it('leaves out a match that snapping to words would widen, when the project snaps', () => {
    const plan = planLabelAll(context(), matches, 'PERSON', { snapToWords: true, find, newKey });
    expect(createdRanges(plan)).toEqual([
      [0, 4],
      [10, 14],
      [36, 40],
      [42, 46],
      [49, 53],
    ]);
    expect([...plan.leftOut]).toEqual([['snapping', 1]]);
    expect(labelAllReport(plan, 'Person')).toBe('Labelled 5 matches as Person; 1 left out: 1 not whole words');
  });

  it('counts matches already labelled apart from overlaps, under a no-overlap policy', () => {
    const spans = [span('a', 'PERSON', 10, 14), span('b', 'PERSON', 30, 40), span('c', 'ORG', 42, 46)];
    const plan = planLabelAll(context(spans), matches, 'PERSON', { snapToWords: false, find, newKey });
    expect(createdRanges(plan)).toEqual([
      [0, 4],
      [19, 23],
      [49, 53],
    ]);
    expect(Object.fromEntries(plan.leftOut)).toEqual({ 'already labelled': 1, overlap: 2 });
    expect(labelAllReport(plan, 'Person')).toBe('Labelled 3 matches as Person; 3 left out: 2 overlap, 1 already labelled');
  });

  it('leaves out every match a long span covers, and only those', () => {
    const spans = [span('long', 'ORG', 2, 20), span('late', 'ORG', 50, 52)];
    const plan = planLabelAll(context(spans), matches, 'PERSON', { snapToWords: false, find, newKey });
    expect(createdRanges(plan)).toEqual([
      [36, 40],
      [42, 46],
    ]);
    expect(Object.fromEntries(plan.leftOut)).toEqual({ overlap: 4 });
  });

  it('lets spans of another layer and, when the project allows, overlapping spans be', () => {
    const spans = [span('b', 'PERSON', 30, 40), span('f', 'SECURITY', 0, 14)];
    expect(planLabelAll(context(spans), matches, 'ORG', { snapToWords: false, find, newKey }).ops).toHaveLength(5);
    expect(planLabelAll(context(spans, true), matches, 'ORG', { snapToWords: false, find, newKey }).ops).toHaveLength(6);
  });

  it('reports what the invariants refuse, with the first refusal word for word', () => {
    const stance = planLabelAll(context(), matches, 'AGAINST', { snapToWords: false, find, newKey });
    expect(stance.ops).toEqual([]);
    expect([...stance.leftOut]).toEqual([['refused', 6]]);
    expect(stance.firstRefusal).toBe('A stance span needs a target.');
    const retired = planLabelAll(context(), matches.slice(0, 1), 'OLD', { snapToWords: false, find, newKey });
    expect(retired.firstRefusal).toBe('Label OLD is retired; choose an active label.');
    expect(labelAllReport(retired, 'OLD')).toBe('Labelled 0 matches as OLD; 1 left out: 1 refused');
  });
});

describe('label all matches in a project that snaps to words', () => {
  it('keeps a match with a blank at its edge out, as snapping would trim it', () => {
    const spaced = new OffsetIndex('say Khan say Khan');
    const spacedFind = new FindText(spaced);
    const found = findMatches(spacedFind, ' khan', { matchCase: false, wholeWord: true }).matches;
    expect(found).toHaveLength(2);
    const plan = planLabelAll({ ...context(), text: spaced }, found, 'PERSON', { snapToWords: true, find: spacedFind, newKey });
    expect(plan.ops).toEqual([]);
    expect([...plan.leftOut]).toEqual([['snapping', 2]]);
  });
});
