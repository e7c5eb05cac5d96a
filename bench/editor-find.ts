/**
 * npm run bench:editor-find — find in the document and label all, outside the browser, on the
 * 100,000-character text of bench:editor-layout with 5,000 spans: the first search, the first
 * whole-word search (which segments the text for word boundaries), a later keystroke's search, and
 * the label-all plan for every match of a word (each checked by the editor's createSpan against the
 * spans overlapping it, overlap forbidden). Medians and ranges of ROUNDS runs; the unit tests check the results.
 */
import { loadavg } from 'node:os';
import { catalogOf } from '@/lib/editor/catalog';
import { FindText, findMatches } from '@/lib/editor/find';
import { planLabelAll } from '@/lib/editor/label-all';
import { applyOps, emptyDoc, type Span } from '@/lib/editor/model';
import { OffsetIndex } from '@/lib/offsets';
import { summary, time } from './support/timing';

const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 9);
const SPANS = 5000;

const text = new OffsetIndex(
  Array.from({ length: 1400 }, (_, i) =>
    i % 2 ? 'پاکستان اور افغان طالبان کے درمیان دوحہ میں مذاکرات ختم ہو گئے۔' : 'Talks between Pakistan and the Afghan Taliban ended in Doha on Tuesday.',
  ).join('\n\n'),
);
const label = (id: string) => ({
  id,
  layer: 'ENTITY' as const,
  key: id,
  name: id,
  description: '',
  color: '#000000',
  hotkey: null,
  position: 0,
  retired: false,
});
const catalog = catalogOf(
  [label('L'), label('GPE')].map((l) => ({ ...l, sourceTypes: [], targetTypes: [], options: [], multiple: false, perTarget: false })),
  [],
);
// Spans on every "Doha" (never on "Pakistan"), then four-character ones spread over the text.
const doha = findMatches(new FindText(text), 'Doha', { matchCase: true, wholeWord: true }).matches;
const spans: Span[] = Array.from({ length: SPANS }, (_, i) => {
  const start = i < doha.length ? doha[i]!.start : (i * 37) % (text.length - 60);
  return { key: `s${i}`, labelId: 'L', start, end: start + 4, quote: text.slice(start, start + 4), target: null, attributes: {}, unsure: false, note: null };
});
const doc = applyOps(
  emptyDoc,
  spans.map((span) => ({ type: 'createSpan' as const, span })),
);

const first: number[] = [];
const firstWhole: number[] = [];
const keystroke: number[] = [];
const plan: number[] = [];
let counts = '';
for (let round = 0; round < ROUNDS; round++) {
  const find = new FindText(text);
  first.push(time(() => findMatches(find, 'p', { matchCase: false, wholeWord: false })));
  firstWhole.push(time(() => findMatches(find, 'pa', { matchCase: false, wholeWord: true })));
  keystroke.push(time(() => findMatches(find, 'pakistan', { matchCase: false, wholeWord: true })));
  const matches = findMatches(find, 'pakistan', { matchCase: false, wholeWord: true }).matches;
  let keys = 0;
  const context = { doc, catalog, text, allowOverlap: false };
  let result: ReturnType<typeof planLabelAll> | undefined;
  plan.push(time(() => void (result = planLabelAll(context, matches, 'GPE', { snapToWords: true, find, newKey: () => `k${keys++}` }))));
  counts = `${matches.length} matches, ${result!.ops.length} planned, left out ${JSON.stringify(Object.fromEntries(result!.leftOut))}`;
}
console.log(
  `${text.length.toLocaleString('en')} characters, ${SPANS.toLocaleString('en')} spans, ${ROUNDS} rounds, load average ${loadavg()
    .map((l) => l.toFixed(2))
    .join(' ')}`,
);
console.log(`first search, 'p':                      median ${summary(first)}`);
console.log(`first whole-word search, 'pa' (segments): median ${summary(firstWhole)}`);
console.log(`a later keystroke's search:       median ${summary(keystroke)}`);
console.log(`label-all plan (${counts}): median ${summary(plan)}`);
