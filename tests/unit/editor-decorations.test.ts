import { getSchema } from '@tiptap/core';
import Document from '@tiptap/extension-document';
import Paragraph from '@tiptap/extension-paragraph';
import Text from '@tiptap/extension-text';
import type { DecorationSet } from '@tiptap/pm/view';
import { describe, expect, it } from 'vitest';
import { spanDecorations, updateSpanDecorations } from '@/components/editor/annotation-extension';
import { changedMarks, layoutSpans } from '@/lib/editor/layout';
import type { Span } from '@/lib/editor/model';
import { buildSegmentTable } from '@/lib/offsets';
import { editorSpan } from '../support/editor-span';

const schema = getSchema([Document, Paragraph, Text]);

function documentOf(text: string) {
  const table = buildSegmentTable(text);
  const doc = schema.nodeFromJSON({ type: 'doc', content: table.paragraphs.map((p) => ({ type: 'paragraph', content: [{ type: 'text', text: p.text }] })) });
  return { table, doc };
}

describe('span decorations', () => {
  it('draw each span over its characters, with its lane and colour, across paragraphs and RTL text', () => {
    const text = 'The Hafiz Gul Bahadur group\n\nامن ہمارا حق ہے';
    const { table, doc } = documentOf(text);
    expect(doc.content.size).toBe(table.size);
    const spans: Span[] = [
      { key: 'org', labelId: 'ORG', start: 4, end: 27, quote: 'Hafiz Gul Bahadur group', target: null, attributes: {}, unsure: false, note: null },
      { key: 'per', labelId: 'PERSON', start: 4, end: 21, quote: 'Hafiz Gul Bahadur', target: null, attributes: {}, unsure: false, note: null },
      { key: 'ur', labelId: 'GPE', start: 29, end: 32, quote: 'امن', target: null, attributes: {}, unsure: false, note: null },
    ];
    const { marks } = layoutSpans(spans, table, (span) => ({
      color: span.key === 'org' ? '#4363d8' : '#e6194b',
      title: span.labelId,
      tag: span.labelId,
      layer: span.key === 'ur' ? null : 'ENTITY',
    }));
    const set = spanDecorations(doc, marks, 'span');
    const found = set
      .find()
      .map((d) => ({ text: doc.textBetween(d.from, d.to), attrs: (d as unknown as { type: { attrs: Record<string, string> } }).type.attrs }));
    // The ORG is drawn in two pieces (the PERSON ends inside it): its tag goes on the first only.
    expect(found.map((f) => f.text).sort()).toEqual([' group', 'Hafiz Gul Bahadur', 'Hafiz Gul Bahadur', 'امن']);
    expect(found.filter((f) => f.attrs['data-span'] === 'org').map((f) => [f.text, f.attrs['data-tag']])).toEqual([
      ['Hafiz Gul Bahadur', 'ORG'],
      [' group', undefined],
    ]);
    const org = found.find((f) => f.attrs['data-span'] === 'org')!;
    expect(org.attrs).toMatchObject({
      nodeName: 'span',
      class: 'span',
      title: 'ORG',
      'data-tag': 'ORG',
      'data-layer': 'ENTITY',
      style: '--lane:0;--color:#4363d8',
    });
    // A span of an unknown label has no layer: it is drawn with the default (solid) line, not a layer's look.
    expect(found.find((f) => f.attrs['data-span'] === 'ur')!.attrs).not.toHaveProperty('data-layer');
    expect(found.find((f) => f.attrs['data-span'] === 'per')!.attrs.style).toBe('--lane:1;--color:#e6194b');
  });

  it('tag a span once: on its first drawn piece, cut where a nested span or a paragraph ends, and again whole when the nested span goes', () => {
    const text = 'The Hafiz Gul Bahadur group met.\n\nTalks ended.';
    const { table, doc } = documentOf(text);
    const look = (span: Span) => ({ color: '#4363d8', title: span.labelId, tag: span.labelId, layer: 'ENTITY' as const });
    const org = editorSpan('org', 'ORG', 4, 27, text);
    const per = editorSpan('per', 'PERSON', 10, 13, text);
    const across = editorSpan('across', 'EVENT', 28, 39, text);
    const first = layoutSpans([org, per, across], table, look);
    const cutText = (key: string, marks = first.marks) => {
      const mark = marks.find((m) => m.key === key)!;
      return mark.cut === null ? null : doc.textBetween(mark.from, mark.cut);
    };
    // The PERSON starts inside the ORG, so the ORG's first piece is "Hafiz "; the EVENT's ends with its paragraph.
    expect([cutText('org'), cutText('per'), cutText('across')]).toEqual(['Hafiz ', null, 'met.']);
    const tagged = (marks: typeof first.marks) =>
      spanDecorations(doc, marks, 'span')
        .find()
        .filter((d) => (d as unknown as { type: { attrs: Record<string, string> } }).type.attrs['data-tag'] !== undefined)
        .map((d) => doc.textBetween(d.from, d.to))
        .sort();
    expect(tagged(first.marks)).toEqual(['Gul', 'Hafiz ', 'met.']);

    // Without the PERSON the ORG is one piece again: a new mark, so the delta redraws it.
    const second = layoutSpans([org, across], table, look, first);
    expect(cutText('org', second.marks)).toBeNull();
    expect(changedMarks(first.marks, second.marks).added.map((mark) => mark.key)).toEqual(['org']);
    expect(tagged(second.marks)).toEqual(['Hafiz Gul Bahadur group', 'met.']);
  });

  // Its time is measured by npm run bench:editor-layout, not asserted here.
  it('builds a decoration for each of 5,000 overlapping spans', () => {
    const text = Array.from({ length: 400 }, (_, i) =>
      i % 2 ? 'پاکستان اور افغان طالبان کے درمیان دوحہ میں مذاکرات ختم ہو گئے۔' : 'Talks between Pakistan and the Afghan Taliban ended in Doha on Tuesday.',
    ).join('\n\n');
    const { table, doc } = documentOf(text);
    const length = [...text].length;
    const spans: Span[] = Array.from({ length: 5000 }, (_, i) => {
      const start = (i * 37) % (length - 60);
      return { key: `s${i}`, labelId: 'L', start, end: start + 3 + (i % 50), quote: '', target: null, attributes: {}, unsure: false, note: null };
    });
    const look = () => ({ color: '#123456', title: 'Label (KEY)', tag: 'KEY', layer: 'ENTITY' as const });
    const { marks } = layoutSpans(spans, table, look);
    const set = spanDecorations(doc, marks, 'span');
    expect(set.find().length).toBeGreaterThanOrEqual(5000);
  });

  it('after a new span, keeps every unchanged mark and decoration and replaces only those whose lane moved', () => {
    const text = 'The Hafiz Gul Bahadur group met in Bannu\n\nTalks ended in Doha';
    const { table, doc } = documentOf(text);
    const look = (span: Span) => ({ color: '#4363d8', title: span.labelId, tag: span.labelId, layer: 'ENTITY' as const });
    const spans: Span[] = [
      { key: 'per', labelId: 'PERSON', start: 4, end: 21, quote: 'Hafiz Gul Bahadur', target: null, attributes: {}, unsure: false, note: null },
      { key: 'gpe', labelId: 'GPE', start: 35, end: 40, quote: 'Bannu', target: null, attributes: {}, unsure: false, note: null },
      { key: 'doha', labelId: 'GPE', start: 57, end: 61, quote: 'Doha', target: null, attributes: {}, unsure: false, note: null },
    ];
    const first = layoutSpans(spans, table, look);
    const set = spanDecorations(doc, first.marks, 'span');
    // The ORG encloses the PERSON: it takes lane 0 and pushes the PERSON to lane 1; the GPEs stay.
    const org = editorSpan('org', 'ORG', 4, 27, text);
    const second = layoutSpans([...spans, org], table, look, first);
    expect(second.marks.filter((mark) => first.marks.includes(mark)).map((mark) => mark.key)).toEqual(['gpe', 'doha']);
    const changes = changedMarks(first.marks, second.marks);
    expect(changes.removed.map((mark) => mark.key)).toEqual(['per']);
    expect(changes.added.map((mark) => `${mark.key}:${mark.lane}`).sort()).toEqual(['org:0', 'per:1']);

    const updated = updateSpanDecorations(doc, set, changes, 'span');
    const drawn = (decorations: DecorationSet) =>
      decorations
        .find()
        .map((d) => `${doc.textBetween(d.from, d.to)}|${(d as unknown as { type: { attrs: Record<string, string> } }).type.attrs.style}`)
        .sort();
    expect(drawn(updated)).toEqual(drawn(spanDecorations(doc, second.marks, 'span')));
    // The decorations of unchanged spans keep their very attributes object: ProseMirror leaves them alone.
    const typeOf = (d: object) => (d as { type: object }).type;
    const before = new Set(set.find().map(typeOf));
    expect(updated.find().filter((d) => before.has(typeOf(d)))).toHaveLength(2);
  });
});
