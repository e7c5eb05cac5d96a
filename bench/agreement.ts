/**
 * npm run bench:agreement — the full agreement report for 1,000 documents ×
 * 3 annotators × 50 spans each (target: < 2 s; with the 1,000-replicate bootstrap
 * intervals and with the jackknife: < 5 s), on synthetic data with realistic
 * disagreement: shifted boundaries, swapped labels, missed and extra spans.
 *
 * Two timings: with the token offsets the app loads with each document (computed here before
 * the clock starts, by storedTokens as import does), and without them, so the report tokenizes
 * every text itself: the cold path of documents whose stored tokens are missing or stale.
 */
import type { IntervalOptions } from '@/lib/agreement';
import { agreementReport } from '@/lib/review/report';
import type { ReportDocument, ReportInput, ReportSpan } from '@/lib/review/input';
import { storedTokens } from '@/lib/tokenize';

const DOCUMENTS = Number(process.env.DOCUMENTS ?? 1000);
const SPANS = 50;
const ANNOTATORS = ['a1', 'a2', 'a3'];
const ENTITY = ['PERSON', 'ORG', 'GPE', 'DATE', 'NORP'];
const FRAME = ['SECURITY_DEFENSE', 'POLITICAL', 'MORALITY'];
const WORDS = 'the talks between pakistan and the afghan taliban ended in doha without agreement after an attack in bannu killed soldiers'.split(' ');

let seed = 42;
const random = () => (seed = (seed * 1_103_515_245 + 12_345) % 2 ** 31) / 2 ** 31;
const pick = <T>(items: T[]) => items[Math.floor(random() * items.length)]!;

function document(index: number): ReportDocument {
  const words = Array.from({ length: 400 }, () => pick(WORDS));
  const text = words.join(' ');
  const starts: number[] = [];
  let offset = 0;
  for (const word of words) {
    starts.push(offset);
    offset += word.length + 1;
  }
  const base: Omit<ReportSpan, 'author'>[] = Array.from({ length: SPANS }, (_, i) => {
    const w = Math.floor((i * words.length) / SPANS);
    const frame = i % 10 === 9;
    return { start: starts[w]!, end: starts[w]! + words[w]!.length, label: frame ? pick(FRAME) : pick(ENTITY), layer: frame ? 'FRAME' : 'ENTITY' };
  });
  const spans = ANNOTATORS.flatMap((author) =>
    base.flatMap((span): ReportSpan[] => {
      const roll = random();
      if (roll < 0.05) return [];
      if (roll < 0.1) return [{ ...span, author, label: pick(span.layer === 'FRAME' ? FRAME : ENTITY) }];
      if (roll < 0.15) return [{ ...span, author, end: Math.min(text.length, span.end + 4) }];
      return [{ ...span, author }];
    }),
  );
  return { id: `d${index}`, name: `Document ${index}`, text, annotators: ANNOTATORS, spans, answers: [] };
}

const input: ReportInput = {
  annotators: ANNOTATORS.map((id) => ({ id, name: id })),
  labels: [
    ...ENTITY.map((key) => ({ key, layer: 'ENTITY' as const, retired: false })),
    ...FRAME.map((key) => ({ key, layer: 'FRAME' as const, retired: false })),
  ],
  targets: [],
  questions: [],
  documents: Array.from({ length: DOCUMENTS }, (_, i) => document(i)),
  documentRule: 'synthetic',
};

const spans = input.documents.reduce((n, d) => n + d.spans.length, 0);
console.log(`documents: ${DOCUMENTS}, annotators: ${ANNOTATORS.length}, spans: ${spans}`);
const stored: ReportInput = { ...input, documents: input.documents.map((d) => ({ ...d, tokenOffsets: storedTokens(d.text).tokenOffsets })) };

function timed(label: string, data: ReportInput, intervals: IntervalOptions | null = null) {
  const started = performance.now();
  const cpu = process.cpuUsage();
  const report = agreementReport(data, { intervals });
  const seconds = (performance.now() - started) / 1000;
  // CPU time of this process: on a machine shared with other work it varies far less than the wall time.
  const used = process.cpuUsage(cpu);
  console.log(
    `${label}: ${seconds.toFixed(2)} s (CPU ${((used.user + used.system) / 1e6).toFixed(2)} s), peak ` +
      `RSS so far ${(process.resourceUsage().maxRSS / 1024).toFixed(0)} MB`,
  );
  return report;
}

const report = timed('full report, stored tokens (target < 2 s)', stored);
console.log(
  `ENTITY token α ${report.layers.ENTITY?.tokenAlpha.value}, α_u ` +
    `${report.layers.ENTITY?.unitizingAlpha.value}, Fleiss κ ` +
    `${report.layers.ENTITY?.fleissKappa.value}`,
);
timed('full report, tokenizing every document', input);
const withIntervals = timed('with bootstrap intervals, 1,000 replicates (target < 5 s)', stored, { method: 'bootstrap' });
console.log(`ENTITY token α interval ${JSON.stringify(withIntervals.layers.ENTITY?.tokenAlpha.interval)}`);
timed('with jackknife intervals (target < 5 s)', stored, { method: 'jackknife' });
