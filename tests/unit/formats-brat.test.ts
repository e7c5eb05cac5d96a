import fc from 'fast-check';
import { strFromU8, unzipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { createWriter } from '@/lib/export/writers';
import { bratDocument } from '@/lib/formats/brat';
import { BRAT_CONF_FILE, bratAnnotationConf } from '@/lib/formats/brat-conf';
import type { ExportDocument, ExportSchema } from '@/lib/formats/model';
import { parseBratPair } from '@/lib/import/parsers';
import type { ImportedDocument } from '@/lib/import/types';
import type { SpanLayer } from '@/lib/schema/types';
import { collect, failure, sourceOf } from '../fixtures/import/source';
import { exportAnnotations, withEnds } from '../support/drawn-annotations';
import { SAMPLE_DOCUMENTS, SAMPLE_SCHEMA } from '../support/formats-sample';
import { importDocuments } from '../support/imported-export';

/** The brat archive as the export writes it (lib/export/writers.ts), without the dataset card. */
function zipOf(schema: ExportSchema, docs: ExportDocument[]): Uint8Array {
  const chunks: Uint8Array[] = [];
  const context = { schema, project: { name: 'Border talks', description: '', license: '' }, baseUrl: 'http://localhost', exportedAt: new Date(2000, 0, 1) };
  const writer = createWriter('brat', context, (chunk) => chunks.push(chunk as Uint8Array));
  for (const doc of docs) writer.document(doc);
  writer.end();
  return Buffer.concat(chunks);
}

/** Read back with the import users run on a brat zip (lib/import/parsers/brat.ts). */
const readBratZip = (zip: Uint8Array) => importDocuments('collection.zip', zip, 'brat');

/** A document's spans and relations by what they cover, since the import names spans T1, T2, … afresh. */
function covered(
  doc: { text: string; spans: { start: number; end: number; label: string }[] },
  relations: { label: string; source: string; target: string }[],
  idOf: (span: { start: number; end: number; label: string }, index: number) => string,
) {
  const points = Array.from(doc.text);
  const where = new Map(doc.spans.map((span, index) => [idOf(span, index), `${span.label} ${span.start}-${span.end}`]));
  return {
    spans: doc.spans.map((span) => [span.start, span.end, span.label, points.slice(span.start, span.end).join('')]),
    relations: relations.map((relation) => [relation.label, where.get(relation.source), where.get(relation.target)]),
  };
}
/** brat T text cannot start or end with a line break, so the writer's fragments leave those out (lib/formats/brat.ts). */
function withoutEdgeBreaks(doc: ExportDocument): ExportDocument {
  const points = Array.from(doc.text);
  const isBreak = (at: number) => points[at] === '\n' || points[at] === '\r';
  return {
    ...doc,
    spans: doc.spans.map((span) => {
      let { start, end } = span;
      while (start < end && isBreak(start)) start++;
      while (end > start && isBreak(end - 1)) end--;
      return { ...span, start, end };
    }),
  };
}
const coveredExport = (doc: ExportDocument) => covered(withoutEdgeBreaks(doc), doc.relations, (span) => (span as ExportDocument['spans'][number]).id);
const coveredImport = (doc: ImportedDocument) => covered(doc, doc.relations, (span) => (span as ImportedDocument['spans'][number]).ref ?? '');

/** Each T line's text must be the .txt at its offsets, counted in code points, fragments joined by a space. */
function textBoundMismatches(txt: string, ann: string): string[] {
  const points = Array.from(txt);
  return ann
    .split('\n')
    .filter((line) => line.startsWith('T'))
    .filter((line) => {
      const [, typeAndOffsets = '', quote] = line.split('\t');
      const fragments = typeAndOffsets
        .slice(typeAndOffsets.indexOf(' ') + 1)
        .split(';')
        .map((pair) => pair.split(' ').map(Number));
      return fragments.map(([start, end]) => points.slice(start, end).join('')).join(' ') !== quote;
    });
}

const readPair = (ann: string, txt = SAMPLE_DOCUMENTS[0]!.text) => collect(parseBratPair(sourceOf('doc.txt', txt), sourceOf('doc.ann', ann)));

// Property runs take a second or two; leave headroom for a loaded machine.
const PROPERTY_TIMEOUT = 30_000;

describe('brat writer', () => {
  const doc = SAMPLE_DOCUMENTS[0]!;
  const { txt, ann, attributes } = bratDocument(doc);
  const lines = ann.trimEnd().split('\n');

  it('writes the text as is and T lines whose text is the .txt slice at their code point offsets', () => {
    expect(txt).toBe(doc.text);
    expect(textBoundMismatches(txt, ann)).toEqual([]);
    // Offsets as Python counts them: text[157:162] == 'بِلال' after two astral emoji sequences.
    expect(lines).toContain('T1\tGPE 12 16\tDoha');
    expect(lines).toContain('T6\tPERSON 157 162\tبِلال');
  });

  it('splits a span crossing a line break into fragments, as brat forbids newlines in T text', () => {
    expect(lines).toContain('T9\tSECURITY_DEFENSE 163 168;169 180\tspoke about peace');
  });

  it('writes relations, stance targets and brat-sized attributes; the rest as a JSON note', () => {
    expect(lines).toEqual(
      expect.arrayContaining([
        'R1\tOPPOSES Arg1:T2 Arg2:T3',
        'R2\tLOCATED_IN Arg1:T6 Arg2:T5',
        'R3\tStanceTarget Arg1:T8 Arg2:T5',
        'A1\tflagged T3',
        'A2\tAuthor T6 user-1',
        'A3\tTarget T7 afghan_taliban',
        'A4\tAuthor T7 user-1',
        'A5\tsource T7 model-x',
        'A6\tAuthor R2 user-1',
        // A one-line note is the span's note as brat shows it (lib/formats/span-remarks.ts); the rest stays JSON.
        '#1\tAnnotatorNotes T7\tquote, "verbatim"',
        '#2\tAnnotatorNotes T7\t{"confidence":0.8}',
        '#3\tAnnotatorNotes T9\t{"reviewed":false}',
        '#4\tAnnotatorNotes R2\t{"evidence":"line 5"}',
      ]),
    );
    expect(lines).toHaveLength(9 + 3 + 6 + 4);
    expect(attributes).toEqual(
      new Map([
        ['flagged', new Set()],
        ['Author', new Set(['user-1'])],
        ['Target', new Set(['afghan_taliban'])],
        ['source', new Set(['model-x'])],
      ]),
    );
  });

  it('generates annotation.conf with layers, relation arguments, targets and used attributes', () => {
    const conf = bratAnnotationConf(SAMPLE_SCHEMA, attributes);
    expect(conf).toContain(
      '[entities]\n!ENTITY-LAYER\n\tPERSON\n\tNORP\n\tORG\n\tGPE\n\tLOC\n!STANCE-LAYER\n\tFAVOR\n' +
        '\tAGAINST\n\tNONE\n!FRAME-LAYER\n\tSECURITY_DEFENSE\n\tPOLITICAL\n',
    );
    expect(conf).toContain('OPPOSES\tArg1:PERSON|NORP|ORG|GPE, Arg2:PERSON|NORP|ORG|GPE\n');
    expect(conf).toContain('LOCATED_IN\tArg1:PERSON|NORP|ORG|GPE|LOC, Arg2:GPE|LOC\n');
    expect(conf).toContain('StanceTarget\tArg1:FAVOR|AGAINST|NONE, Arg2:PERSON|NORP|ORG|GPE|LOC\n');
    expect(conf).toMatch(/\[events\]\n\n\[attributes\]\nTarget\tArg:FAVOR\|AGAINST\|NONE, Value:afghan_taliban\|pakistan\n/);
    expect(conf).toContain('flagged\tArg:<ANY>\nAuthor\tArg:<ANY>, Value:user-1\nsource\tArg:<ANY>, Value:model-x\n');
    // The import does not read annotation.conf (the project's schema decides), so its text is the contract.
    expect(conf).toContain('\n[entities]\n');
    expect(conf).toContain('\n[relations]\n');
  });

  it('offers a retired target in annotation.conf only when an exported annotation still uses it', () => {
    const schema = { ...SAMPLE_SCHEMA, targets: SAMPLE_SCHEMA.targets.map((target) => (target.key === 'pakistan' ? { ...target, retired: true } : target)) };
    expect(bratAnnotationConf(schema, attributes)).toContain('Target\tArg:FAVOR|AGAINST|NONE, Value:afghan_taliban\n');
    const allRetired = { ...schema, targets: schema.targets.map((target) => ({ ...target, retired: true })) };
    expect(bratAnnotationConf(allRetired, attributes)).toContain('Target\tArg:FAVOR|AGAINST|NONE, Value:afghan_taliban\n');
    expect(bratAnnotationConf(allRetired, new Map())).not.toMatch(/^Target\t/m);
  });

  it('refuses label keys that are not brat type names', () => {
    const bad = { ...doc, spans: [{ ...doc.spans[0]!, label: 'TWO WORDS' }], relations: [] };
    expect(() => bratDocument(bad)).toThrow(/not a brat type name/);
  });
});

describe('brat zip', () => {
  const zip = zipOf(SAMPLE_SCHEMA, SAMPLE_DOCUMENTS);
  const entries = unzipSync(zip);

  it('holds a .txt and .ann per document under safe, unique names, and annotation.conf', () => {
    expect(Object.keys(entries)).toEqual([
      'Border_talks_Doha_Kabul.txt',
      'Border_talks_Doha_Kabul.ann',
      'border_talks_doha_kabul-2.txt',
      'border_talks_doha_kabul-2.ann',
      BRAT_CONF_FILE,
    ]);
    expect(strFromU8(entries['Border_talks_Doha_Kabul.txt']!)).toBe(SAMPLE_DOCUMENTS[0]!.text);
  });

  it('imports back: every span, author, stance target, relation and attribute', async () => {
    const read = await readBratZip(zip);
    expect(read.map((doc) => doc.name)).toEqual(['Border_talks_Doha_Kabul', 'border_talks_doha_kabul-2']);
    expect(read.map(coveredImport)).toEqual(SAMPLE_DOCUMENTS.map(coveredExport));
    const [first] = read;
    expect(first?.spans.map(({ author }) => author ?? 'gold')).toEqual(SAMPLE_DOCUMENTS[0]!.spans.map(({ author }) => author));
    expect(first?.spans[6]).toMatchObject({ target: 'afghan_taliban', attributes: { source: 'model-x', confidence: 0.8, note: 'quote, "verbatim"' } });
    expect(first?.spans[7]?.target).toEqual({ span: 'T5' });
    expect(first?.relations[1]).toMatchObject({ label: 'LOCATED_IN', source: 'T6', target: 'T5', author: 'user-1', attributes: { evidence: 'line 5' } });
  });

  it(
    'imports random documents back to the same spans and relations (property)',
    async () => {
      const document = fc
        .tuple(fc.string({ unit: 'grapheme', minLength: 1, maxLength: 30 }), fc.string({ maxLength: 6 }))
        .map(([text, name]) => ({ text: `${text}\n${text}`.normalize('NFC'), name }))
        // The import refuses a document with no text but whitespace, as Glossa stores none.
        .filter(({ text }) => text.trim() !== '')
        .chain(({ text, name }) => {
          const length = Array.from(text).length;
          const value = fc.oneof(fc.string({ maxLength: 6 }), fc.constantFrom('a-b', 'x', 'two words'), fc.integer(), fc.boolean(), fc.constant(null));
          const attributes = fc.dictionary(fc.oneof(fc.constantFrom('note', 'level', 'Author', 'Target'), fc.string({ maxLength: 5 })), value, { maxKeys: 3 });
          const span = fc.record({
            start: fc.nat(length - 1),
            size: fc.integer({ min: 1, max: length }),
            label: fc.constantFrom('PERSON', 'ORG', 'FAVOR', 'POLITICAL'),
            author: fc.constantFrom('gold', 'user-1'),
            attributes,
            target: fc.constantFrom('pakistan', 'newcomer', undefined),
          });
          return fc.record({
            text: fc.constant(text),
            name: fc.constant(name),
            spans: fc.array(span, { minLength: 1, maxLength: 5 }),
            relations: fc.array(fc.tuple(fc.nat(), fc.nat(), attributes), { maxLength: 3 }),
          });
        })
        .map(({ text, name, spans, relations }): ExportDocument => {
          const points = Array.from(text);
          const usable = withEnds(points, spans).filter((span) => /[^\r\n]/.test(points.slice(span.start, span.end).join('')));
          const layerOf = (label: string): SpanLayer => (label === 'FAVOR' ? 'STANCE' : label === 'POLITICAL' ? 'FRAME' : 'ENTITY');
          return { id: name, name, text, metadata: {}, ...exportAnnotations(points, usable, relations, layerOf), documentLabels: [] };
        });
      await fc.assert(
        fc.asyncProperty(fc.array(document, { minLength: 1, maxLength: 3 }), async (docs) => {
          const zip = zipOf(SAMPLE_SCHEMA, docs);
          const entries = unzipSync(zip);
          for (const [path, bytes] of Object.entries(entries)) {
            if (path.endsWith('.ann')) expect(textBoundMismatches(strFromU8(entries[path.replace(/ann$/, 'txt')]!), strFromU8(bytes))).toEqual([]);
          }
          // Pair by pair (parseBratPair), the import's reading of each .txt/.ann without a parser sandbox per run.
          const read: ImportedDocument[] = [];
          for (const path of Object.keys(entries).filter((entry) => entry.endsWith('.txt'))) {
            const ann = path.replace(/txt$/, 'ann');
            read.push(...(await collect(parseBratPair(sourceOf(path, entries[path]!), sourceOf(ann, entries[ann]!)))));
          }
          expect(read.map(coveredImport)).toEqual(docs.map(coveredExport));
        }),
        { numRuns: 200 },
      );
    },
    PROPERTY_TIMEOUT,
  );
});

describe('brat read back by the import', () => {
  it('names the line and the reason of malformed annotations', async () => {
    const message = async (ann: string) => (await failure(parseBratPair(sourceOf('doc.txt', SAMPLE_DOCUMENTS[0]!.text), sourceOf('doc.ann', ann)))).message;
    expect(await message('T1\tGPE 12 16\tDoha\nT2\tGPE 12 16\tDohx\n')).toBe(
      'doc.ann:2: T2: span [12,16) label "GPE": quote "Dohx" does not match the text "Doha"',
    );
    expect(await message('T1\tGPE 12 99999\tDoha\n')).toEqual(expect.stringContaining('doc.ann:1: T1: span [12,99999) label "GPE" is not a non-empty range'));
    expect(await message('T1\tGPE 12 16\tDoha\nR1\tOPPOSES Arg1:T1 Arg2:T7\n')).toBe(
      'doc.ann:2: R1: T7 is not a T annotation of this file (brat: every argument must be a T line of the same .ann)',
    );
    expect(await message('T1\tGPE 12 16\tDoha\nA1\tlevel T1 high\n#1\tAnnotatorNotes T1\t{"level":"low"}\n')).toBe(
      'doc.ann:3: #1: attribute "level" is given twice; keep one line per attribute',
    );
  });

  it('keeps an attribute named __proto__ as data', async () => {
    const doc = {
      ...SAMPLE_DOCUMENTS[1]!,
      spans: [
        {
          id: 's',
          start: 0,
          end: 2,
          label: 'ORG',
          layer: 'ENTITY' as const,
          quote: 'No',
          author: 'gold',
          attributes: JSON.parse('{"__proto__":{"x":1}}') as Record<string, unknown>,
        },
      ],
    };
    const { ann } = bratDocument(doc);
    const [read] = await readPair(ann, doc.text);
    expect(Object.keys(read!.spans[0]!.attributes!)).toEqual(['__proto__']);
    expect(Object.getPrototypeOf(read!.spans[0]!.attributes)).toBe(Object.prototype);
  });

  it('reads notes written by people as the note attribute', async () => {
    const [doc] = await readPair('T1\tGPE 0 4\tDoha\n#1\tAnnotatorNotes T1\tcheck the spelling\n', 'Doha');
    expect(doc?.spans[0]?.attributes).toEqual({ note: 'check the spelling' });
  });
});
