/**
 * npm run bench:editor-layout — the editor's pure layout work for a large document, outside
 * the browser: lanes and marks for 5,000 overlapping spans over ~100,000 characters
 * (layoutSpans), and the ProseMirror decorations built from them (spanDecorations). Medians
 * and ranges of ROUNDS runs after a warm-up; the unit tests check the results, this the time.
 */
import { getSchema } from '@tiptap/core';
import Document from '@tiptap/extension-document';
import Paragraph from '@tiptap/extension-paragraph';
import Text from '@tiptap/extension-text';
import { loadavg } from 'node:os';
import { spanDecorations } from '@/components/editor/annotation-extension';
import { layoutSpans } from '@/lib/editor/layout';
import type { Span } from '@/lib/editor/model';
import { buildSegmentTable } from '@/lib/offsets';
import { summary, time } from './support/timing';

const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 15);
const SPANS = 5000;

const text = Array.from({ length: 1400 }, (_, i) =>
  i % 2 ? 'پاکستان اور افغان طالبان کے درمیان دوحہ میں مذاکرات ختم ہو گئے۔' : 'Talks between Pakistan and the Afghan Taliban ended in Doha on Tuesday.',
).join('\n\n');
const table = buildSegmentTable(text);
const schema = getSchema([Document, Paragraph, Text]);
const doc = schema.nodeFromJSON({ type: 'doc', content: table.paragraphs.map((p) => ({ type: 'paragraph', content: [{ type: 'text', text: p.text }] })) });
const length = [...text].length;
const spans: Span[] = Array.from({ length: SPANS }, (_, i) => {
  const start = (i * 37) % (length - 60);
  return { key: `s${i}`, labelId: 'L', start, end: start + 3 + (i % 50), quote: '', target: null, attributes: {}, unsure: false, note: null };
});
const look = () => ({ color: '#123456', title: 'Label (KEY)', tag: 'KEY', layer: 'ENTITY' as const });

spanDecorations(doc, layoutSpans(spans, table, look).marks, 'span'); // warm-up
const layout: number[] = [];
const decorations: number[] = [];
for (let round = 0; round < ROUNDS; round++) {
  let marks: ReturnType<typeof layoutSpans>['marks'] = [];
  layout.push(time(() => void (marks = layoutSpans(spans, table, look).marks)));
  decorations.push(time(() => void spanDecorations(doc, marks, 'span')));
}
console.log(
  `${length.toLocaleString('en')} characters, ${SPANS.toLocaleString('en')} overlapping spans, ${ROUNDS} rounds, load average ${loadavg()
    .map((l) => l.toFixed(2))
    .join(' ')}`,
);
console.log(`layoutSpans:     median ${summary(layout)}`);
console.log(`spanDecorations: median ${summary(decorations)}`);
