import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { ARC_CAP } from '@/lib/editor/arcs';

/**
 * The documents of issue #17's measurements, generated deterministically: text in paragraphs
 * of ~600 characters, and spans over whole words spread evenly through it. Every fourth span
 * of the large document covers two words and has a span nested in it, so lanes are exercised.
 */
export interface BenchDocument {
  name: string;
  text: string;
  spans: Array<{ start: number; end: number }>;
  /** Relations as [source, target] indexes into `spans`, drawn as arcs when the document opens. */
  relations?: Array<[number, number]>;
}

const SENTENCES = [
  'Talks between Pakistan and the Afghan Taliban ended in Doha on Tuesday without an agreement.',
  'Officials in Islamabad said the delegation would return after consultations with the army.',
  'A spokesman for the movement described the meeting as frank and promised further contacts.',
  'Residents of Bannu reported shelling near the border crossing late on Monday evening.',
  'The foreign ministry called on Kabul to act against militants sheltering in Khost province.',
  'Analysts in Peshawar cautioned that the ceasefire remained fragile after weeks of fighting.',
  'Traders waiting at Torkham said trucks had been stranded for nine days in the summer heat.',
];

/** Paragraphs of sentences until `length` characters (ASCII, so characters are code points). */
function prose(length: number): string {
  const paragraphs: string[] = [];
  let total = 0;
  for (let p = 0; total < length; p++) {
    const sentences = Array.from({ length: 7 }, (_, s) => SENTENCES[(p * 3 + s) % SENTENCES.length]!);
    const paragraph = `${p + 1}. ${sentences.join(' ')}`;
    paragraphs.push(paragraph);
    total += paragraph.length + 2;
  }
  return paragraphs.join('\n\n').slice(0, length).trimEnd();
}

function wordsOf(text: string): Array<[number, number]> {
  return [...text.matchAll(/[A-Za-z]{3,}/g)].map((m) => [m.index, m.index + m[0].length]);
}

/** `count` spans on words spread evenly over the text; with `nest`, every fourth also encloses the next word. */
function spreadSpans(text: string, count: number, nest: boolean): BenchDocument['spans'] {
  const words = wordsOf(text);
  const spans: BenchDocument['spans'] = [];
  const stride = words.length / (nest ? Math.ceil(count * 0.8) : count);
  for (let i = 0; spans.length < count; i++) {
    const w = Math.floor(i * stride);
    const [start, end] = words[w]!;
    spans.push({ start, end });
    const next = words[w + 1];
    if (nest && i % 4 === 0 && next && spans.length < count) spans.push({ start, end: next[1] });
  }
  return spans;
}

const OP_ED = path.resolve(import.meta.dirname, '../../../shared/fixtures/op-ed-terrorist-alliances.txt');

export function benchDocuments(log: (line: string) => void): BenchDocument[] {
  const words6000 = prose(60_000).split(' ').slice(0, 6000).join(' ');
  const documents: BenchDocument[] = [
    { name: '25,000 chars, 15 spans', text: prose(25_000), spans: [] },
    { name: '6,000 tokens, 300 spans', text: words6000, spans: [] },
    { name: '100,000 chars, 5,000 spans', text: prose(100_000), spans: [] },
  ];
  documents[0]!.spans = spreadSpans(documents[0]!.text, 15, false);
  documents[1]!.spans = spreadSpans(documents[1]!.text, 300, false);
  documents[2]!.spans = spreadSpans(documents[2]!.text, 5000, true);
  // The large document again with as many relations as arcs are drawn for by default (lib/editor/arcs.ts ARC_CAP), each
  // from a span to the one two further on (on its line or the next), so opening and labelling it pays for the arcs.
  const relations = Array.from({ length: ARC_CAP }, (_, i): [number, number] => [i * 5, i * 5 + 2]);
  // A sentence more at the end, after every span: the import skips a text it already holds.
  const text = `${documents[2]!.text} Relations drawn as arcs.`;
  documents.push({ ...documents[2]!, text, name: `100,000 chars, 5,000 spans, ${ARC_CAP.toLocaleString('en')} relations (arcs)`, relations });
  if (existsSync(OP_ED)) {
    const text = readFileSync(OP_ED, 'utf8');
    // Capitalised words: names, places and groups, as a first annotation pass would mark them.
    const spans = [...text.matchAll(/\b\p{Lu}\p{L}{3,}/gu)]
      .slice(0, 60)
      .map((m) => ({ start: [...text.slice(0, m.index)].length, end: [...text.slice(0, m.index)].length + [...m[0]].length }));
    documents.push({ name: `op-ed (${path.basename(OP_ED)})`, text, spans });
  } else {
    log(`SKIPPED the op-ed: ${OP_ED} is absent`);
  }
  return documents;
}
