import { describe, expect, it } from 'vitest';
import type { ExportDocument } from '@/lib/formats/model';
import { SPACY_FOOTER, SPACY_HEADER, spacyDocument } from '@/lib/formats/spacy';
import { SAMPLE_DOCUMENTS } from '../support/formats-sample';

/**
 * The structure spaCy 3 reads (spacy/training/gold_io.pyx json_to_annotations, which
 * `spacy convert` runs): docs → paragraphs → sentences → tokens with orth, space and BILUO ner;
 * the Doc is built from orth + space, and docs_to_json's paragraph-level entities are character
 * offsets into that text.
 */
interface SpacyToken {
  id: number;
  orth: string;
  space: string;
  ner: string;
}
interface SpacyDoc {
  id: number;
  paragraphs: {
    raw: string;
    sentences: { tokens: SpacyToken[]; brackets: unknown[] }[];
    cats: unknown[];
    entities: [number, number, string][];
    links: unknown[];
  }[];
}

function write(docs: ExportDocument[]): SpacyDoc[] {
  return JSON.parse(SPACY_HEADER + docs.map((doc, index) => spacyDocument(doc, index).text).join('') + SPACY_FOOTER) as SpacyDoc[];
}

const BILUO = /^(O|[BILU]-\S+)$/;

describe('spacy JSON writer', () => {
  it("writes spaCy's JSON training structure with BILUO tags that form whole entities", () => {
    const docs = write(SAMPLE_DOCUMENTS);
    expect(docs.map((doc) => doc.id)).toEqual(SAMPLE_DOCUMENTS.map((_, index) => index));
    for (const doc of docs) {
      expect(doc.paragraphs).toHaveLength(1);
      const [paragraph] = doc.paragraphs;
      expect(Object.keys(paragraph!).sort()).toEqual(['cats', 'entities', 'links', 'raw', 'sentences']);
      const tokens = paragraph!.sentences.flatMap((sentence) => sentence.tokens);
      expect(tokens.map((token) => token.id)).toEqual(tokens.map((_, index) => index));
      // spaCy's Doc text is orth + space; raw must be that text.
      expect(tokens.map((token) => token.orth + token.space).join('')).toBe(paragraph!.raw);
      let open: string | undefined;
      for (const { ner, space } of tokens) {
        expect(ner).toMatch(BILUO);
        expect(['', ' ']).toContain(space);
        const [prefix, label] = [ner[0], ner.slice(2)];
        if (prefix === 'I' || prefix === 'L') expect(open).toBe(label);
        else expect(open).toBeUndefined();
        open = prefix === 'B' || prefix === 'I' ? label : undefined;
      }
      expect(open).toBeUndefined();
    }
  });

  it('gives entities as offsets into raw that cover exactly the tagged tokens', () => {
    const [doc] = write([SAMPLE_DOCUMENTS[0]!]);
    const paragraph = doc!.paragraphs[0]!;
    const points = Array.from(paragraph.raw);
    expect(paragraph.entities.map(([start, end, label]) => [points.slice(start, end).join(''), label])).toEqual([
      ['Doha', 'GPE'],
      ['Pakistan', 'GPE'],
      ['Afghan Taliban', 'ORG'],
      ['پښتونخوا', 'LOC'],
      ['بِلال', 'PERSON'],
    ]);
    const tokens = paragraph.sentences.flatMap((sentence) => sentence.tokens);
    expect(tokens.filter((token) => token.ner !== 'O').map((token) => [token.orth, token.ner])).toEqual([
      ['Doha', 'U-GPE'],
      ['Pakistan', 'U-GPE'],
      ['Afghan', 'B-ORG'],
      ['Taliban', 'L-ORG'],
      ['پښتونخوا', 'U-LOC'],
      ['بِلال', 'U-PERSON'],
    ]);
    // "Pakistan's": the span ends inside the token, which is cut, with no space between the pieces.
    expect(tokens.find((token) => token.orth === 'Pakistan')?.space).toBe('');
  });
});
