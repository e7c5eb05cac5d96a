import { describe, expect, it } from 'vitest';
import { conllDocument } from '@/lib/formats/conll';
import { hfClassNames, hfDatasetInfo, hfDocument } from '@/lib/formats/hf';
import { SAMPLE_DOCUMENTS, SAMPLE_SCHEMA } from '../support/formats-sample';

interface Record {
  id: string;
  document_id: string;
  sentence: number;
  offset: number;
  text: string;
  tokens: string[];
  ner_tags: number[];
  spans: { start: number; end: number; label: string }[];
}

const names = hfClassNames(SAMPLE_SCHEMA);
const records = (index: number) =>
  hfDocument(SAMPLE_DOCUMENTS[index]!, names)
    .text.trimEnd()
    .split('\n')
    .map((line) => JSON.parse(line) as Record);

describe('hugging face export', () => {
  it('lists O then B-/I- of every ENTITY label in schema order, retired ones too, in dataset_info', () => {
    expect(names).toEqual(['O', 'B-PERSON', 'I-PERSON', 'B-NORP', 'I-NORP', 'B-ORG', 'I-ORG', 'B-GPE', 'I-GPE', 'B-LOC', 'I-LOC']);
    const info = hfDatasetInfo(SAMPLE_SCHEMA, { license: 'cc-by-4.0' });
    expect(info.features.ner_tags).toEqual({ feature: { names, _type: 'ClassLabel' }, _type: 'Sequence' });
    expect(info.features.tokens).toEqual({ feature: { dtype: 'string', _type: 'Value' }, _type: 'Sequence' });
    expect(Object.keys(info.features)).toEqual(['id', 'document_id', 'sentence', 'offset', 'text', 'tokens', 'ner_tags', 'spans']);
  });

  it('writes one record per sentence whose ner_tags are ids into those names, agreeing with CoNLL', () => {
    const doc = SAMPLE_DOCUMENTS[0]!;
    const rows = records(0);
    const conllTags = conllDocument(doc)
      .text.split('\n')
      .filter((line) => line.includes('\t'))
      .map((line) => line.split('\t')[1]);
    expect(rows.flatMap((row) => row.ner_tags.map((id) => names[id]))).toEqual(conllTags);
    expect(new Set(rows.map((row) => row.id)).size).toBe(rows.length);
    for (const row of rows) {
      expect(row.tokens).toHaveLength(row.ner_tags.length);
      expect(row.ner_tags.every((id) => Number.isInteger(id) && id >= 0 && id < names.length)).toBe(true);
      expect(row.document_id).toBe(doc.id);
    }
  });

  it('gives sentence text at its code point offset and spans with document offsets, nested ones included', () => {
    const doc = SAMPLE_DOCUMENTS[0]!;
    const points = Array.from(doc.text);
    const rows = records(0);
    for (const row of rows) {
      expect(points.slice(row.offset, row.offset + Array.from(row.text).length).join('')).toBe(row.text);
      for (const span of row.spans)
        expect(
          Array.from(row.text)
            .slice(span.start - row.offset, span.end - row.offset)
            .join(''),
        ).toBe(points.slice(span.start, span.end).join(''));
    }
    expect(rows[0]?.spans).toEqual([
      { start: 12, end: 16, label: 'GPE' },
      { start: 21, end: 29, label: 'GPE' },
      { start: 45, end: 59, label: 'ORG' },
      { start: 45, end: 51, label: 'NORP' },
    ]);
    expect(rows.flatMap((row) => row.spans)).toHaveLength(doc.spans.filter((span) => span.layer === 'ENTITY').length);
  });

  it('refuses an ENTITY label missing from the class names', () => {
    expect(() => hfDocument(SAMPLE_DOCUMENTS[0]!, ['O'])).toThrow(/not a class name/);
  });
});
