import { describe, expect, it } from 'vitest';
import { bratDocument } from '@/lib/formats/brat';
import { conllDocument } from '@/lib/formats/conll';
import { jsonlDocument } from '@/lib/formats/jsonl';
import type { ExportDocument } from '@/lib/formats/model';
import { parseBratPair, parseSource } from '@/lib/import/parsers';
import type { ImportedDocument } from '@/lib/import/types';
import { collect, covered, sourceOf } from '../fixtures/import/source';
import { asExportDocument } from '../support/imported-export';

// Glossa's own exports must import back: same text, same spans, same links.
const TEXT = '👩‍👩‍👧 اردو: Imran Khan\nvisited Bannu 🙂 today.';
const at = (needle: string): [number, number] => {
  const start = Array.from(TEXT.slice(0, TEXT.indexOf(needle))).length;
  return [start, start + Array.from(needle).length];
};
const span = (id: string, needle: string, label: string, layer: 'ENTITY' | 'STANCE', extra: Partial<ExportDocument['spans'][number]> = {}) => {
  const [start, end] = at(needle);
  return { id, start, end, label, layer, quote: needle, author: 'gold', attributes: {}, ...extra };
};
/** The fields of an imported span this test states; others (its location in the file) are not compared. */
const STATED = ['ref', 'start', 'end', 'label', 'layer', 'quote', 'author', 'target', 'attributes'] as const;
const stated = (span: ImportedDocument['spans'][number]) => Object.fromEntries(STATED.map((key) => [key, span[key]]));
const imported = (ref: string, needle: string, label: string, layer: string, author: string, target: unknown, attributes = {}) => {
  const [start, end] = at(needle);
  return { ref, start, end, label, layer, quote: needle, author, target, attributes };
};
const doc: ExportDocument = {
  id: 'd1',
  name: 'Speech',
  text: TEXT,
  metadata: { source: 'dawn' },
  spans: [
    span('s1', 'Imran Khan', 'PER', 'ENTITY', { attributes: { confidence: 0.5, Negated: true } }),
    span('s2', 'Bannu', 'LOC', 'ENTITY', { author: 'user-7' }),
    span('s3', 'Khan\nvisited', 'FAVOR', 'STANCE', { target: { kind: 'span', spanId: 's1' } }),
    span('s4', 'Bannu 🙂', 'AGAINST', 'STANCE', { target: { kind: 'target', key: 'pti' } }),
  ],
  relations: [{ id: 'r1', label: 'VISITED', source: 's1', target: 's2', author: 'gold', attributes: {} }],
  documentLabels: [{ question: 'topic', values: ['politics'], author: 'gold' }],
};

describe('Glossa exports import back', () => {
  it('JSON Lines', async () => {
    const [read] = await collect(parseSource(sourceOf('export.jsonl', jsonlDocument(doc)), 'glossa'));
    expect(read?.text).toBe(TEXT);
    expect(read?.spans.map(stated)).toEqual([
      imported('s1', 'Imran Khan', 'PER', 'ENTITY', 'gold', undefined, { confidence: 0.5, Negated: true }),
      imported('s2', 'Bannu', 'LOC', 'ENTITY', 'user-7', undefined),
      imported('s3', 'Khan\nvisited', 'FAVOR', 'STANCE', 'gold', { span: 's1' }),
      imported('s4', 'Bannu 🙂', 'AGAINST', 'STANCE', 'gold', 'pti'),
    ]);
    expect(read?.relations).toMatchObject([{ label: 'VISITED', source: 's1', target: 's2' }]);
    expect(read?.documentLabels).toMatchObject([{ question: 'topic', values: ['politics'], author: 'gold' }]);
  });

  it('brat, including a span across a line break, notes and authors', async () => {
    const { txt, ann } = bratDocument(doc);
    const [read] = await collect(parseBratPair(sourceOf('Speech.txt', txt), sourceOf('Speech.ann', ann)));
    expect(read?.text).toBe(TEXT);
    expect(read?.spans.map(({ start, end, label, quote }) => ({ start, end, label, quote }))).toEqual(
      doc.spans.map(({ start, end, label, quote }) => ({ start, end, label, quote })),
    );
    expect(read?.spans[0]?.attributes).toEqual({ confidence: 0.5, Negated: true });
    expect(read?.spans[1]?.author).toBe('user-7');
    expect(read?.spans[2]?.target).toEqual({ span: 'T1' });
    expect(read?.spans[3]?.target).toBe('pti');
    expect(read?.relations).toMatchObject([{ label: 'VISITED', source: 'T1', target: 'T2' }]);
  });

  it('CoNLL: the entities cover the same words, and the import exports as the same bytes', async () => {
    const { text } = conllDocument(doc);
    const [read] = await collect(parseSource(sourceOf('export.conll', text), 'conll'));
    expect(covered(read!)).toEqual([
      ['Imran Khan', 'PER'],
      ['Bannu', 'LOC'],
    ]);
    expect(conllDocument(asExportDocument(read!)).text).toBe(text);
  });
});
