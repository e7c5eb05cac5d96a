import { describe, expect, it } from 'vitest';
import { describeLosses } from '@/components/export/losses';
import { checkSpanNote, MAX_SPAN_NOTE } from '@/lib/annotations/invariants';
import { catalogOf } from '@/lib/editor/catalog';
import { remarkSpan, type CommandContext } from '@/lib/editor/commands';
import { applyOps, emptyDoc, inverseOf, type DocState, type Span } from '@/lib/editor/model';
import { spanSections } from '@/lib/editor/sections';
import { takeRemarks } from '@/lib/formats/span-remarks';
import { fitsNote } from '@/lib/import/prepare';
import { OffsetIndex } from '@/lib/offsets';
import { schemaLabel } from '../support/schema-label';
import { editorSpan } from '../support/editor-span';

/** A span's "unsure" flag and note (issue #17): the note rule, the editor's command and its undo, the list filter, the import's reading. */
const SOURCE = 'Hafiz Gul Bahadur group attacked Bannu.';
const text = new OffsetIndex(SOURCE);
const span = (key: string, start: number, end: number, remarks: Partial<Pick<Span, 'unsure' | 'note'>> = {}): Span =>
  editorSpan(key, 'ORG', start, end, SOURCE, remarks);
const catalog = catalogOf([schemaLabel('ENTITY', 'ORG')], []);
const docOf = (...spans: Span[]): DocState =>
  applyOps(
    emptyDoc,
    spans.map((s) => ({ type: 'createSpan', span: s })),
  );
const contextOf = (doc: DocState): CommandContext => ({ doc, catalog, text, allowOverlap: true });

describe('checkSpanNote', () => {
  it('keeps a note up to the limit, stores a blank one as none, refuses a longer one naming the field and the limit', () => {
    expect(checkSpanNote('Town or district?')).toEqual({ ok: true, value: 'Town or district?' });
    expect(checkSpanNote('x'.repeat(MAX_SPAN_NOTE))).toEqual({ ok: true, value: 'x'.repeat(MAX_SPAN_NOTE) });
    expect(checkSpanNote(' \n ')).toEqual({ ok: true, value: null });
    expect(checkSpanNote(null)).toEqual({ ok: true, value: null });
    const long = checkSpanNote('x'.repeat(MAX_SPAN_NOTE + 1));
    expect(long.ok).toBe(false);
    if (!long.ok) {
      expect(long.violation.field).toBe('note');
      expect(long.violation.message).toBe(`A span's note holds at most ${MAX_SPAN_NOTE} characters; this one has ${MAX_SPAN_NOTE + 1}.`);
    }
  });
});

describe('remarkSpan in the editor', () => {
  it('flags a span unsure and undo clears the flag again', () => {
    const doc = docOf(span('o', 0, 23));
    const command = remarkSpan(contextOf(doc), 'o', { unsure: true });
    expect(command).toMatchObject({ ok: true, description: 'mark unsure' });
    if (!command.ok) return;
    const flagged = applyOps(doc, command.ops);
    expect(flagged.spans.get('o')).toMatchObject({ unsure: true, note: null });
    const undo = command.ops.flatMap((op) => inverseOf(doc, op));
    expect(applyOps(flagged, undo).spans.get('o')).toEqual(doc.spans.get('o'));
  });

  it('sets a note, undo brings back the note it replaced, and a blank note removes it', () => {
    const doc = docOf(span('o', 0, 23, { note: 'first thought' }));
    const command = remarkSpan(contextOf(doc), 'o', { note: 'second thought' });
    if (!command.ok) throw new Error(command.error);
    const noted = applyOps(doc, command.ops);
    expect(noted.spans.get('o')!.note).toBe('second thought');
    expect(applyOps(noted, inverseOf(doc, command.ops[0]!)).spans.get('o')!.note).toBe('first thought');
    const cleared = remarkSpan(contextOf(noted), 'o', { note: '   ' });
    expect(cleared).toMatchObject({ ok: true, description: 'remove note', ops: [{ type: 'updateSpan', key: 'o', change: { note: null } }] });
  });

  it('refuses a note over the limit with the rule’s own message, and a span that is gone', () => {
    const doc = docOf(span('o', 0, 23));
    expect(remarkSpan(contextOf(doc), 'o', { note: 'x'.repeat(MAX_SPAN_NOTE + 1) })).toEqual({
      ok: false,
      error: `A span's note holds at most ${MAX_SPAN_NOTE} characters; this one has ${MAX_SPAN_NOTE + 1}.`,
    });
    expect(remarkSpan(contextOf(doc), 'gone', { unsure: true })).toEqual({ ok: false, error: 'That span no longer exists.' });
  });

  it('the span list shows only the spans marked unsure when asked', () => {
    const doc = docOf(span('o', 0, 23, { unsure: true }), span('b', 33, 38, { note: 'noted, not unsure' }));
    const keys = (unsureOnly: boolean) =>
      spanSections(doc.spans, catalog, { layer: 'ALL', labelId: 'ALL', unsureOnly }).flatMap((s) => s.groups.flatMap((g) => g.spans.map((x) => x.key)));
    expect(keys(false).sort()).toEqual(['b', 'o']);
    expect(keys(true)).toEqual(['o']);
  });
});

describe('takeRemarks (import)', () => {
  it('takes the unsure flag and the note out of the attributes', () => {
    expect(takeRemarks({ unsure: true, note: 'maybe', confidence: 0.5 }, fitsNote)).toEqual({ unsure: true, note: 'maybe', attributes: { confidence: 0.5 } });
    expect(takeRemarks({}, fitsNote)).toEqual({ unsure: false, note: null, attributes: {} });
    // WebAnno TSV features are text.
    expect(takeRemarks({ unsure: 'true' }, fitsNote)).toEqual({ unsure: true, note: null, attributes: {} });
  });

  it('leaves values that are not a flag or a storable note as attributes, so nothing is lost', () => {
    const long = 'x'.repeat(MAX_SPAN_NOTE + 1);
    expect(takeRemarks({ unsure: 'yes', note: long }, fitsNote)).toEqual({ unsure: false, note: null, attributes: { unsure: 'yes', note: long } });
    expect(takeRemarks({ note: ['a', 'b'] }, fitsNote)).toEqual({ unsure: false, note: null, attributes: { note: ['a', 'b'] } });
    expect(takeRemarks({ note: '  ' }, fitsNote)).toEqual({ unsure: false, note: null, attributes: { note: '  ' } });
  });
});

describe('export losses', () => {
  it('names the flags and notes a format without attributes leaves out', () => {
    expect(describeLosses({ unsureFlagsDropped: 2, notesDropped: 1 })).toEqual([
      '2 "unsure" flags on spans will not be in this file (it has no span attributes).',
      '1 note on spans will not be in this file (it has no span attributes).',
    ]);
  });
});
