import fc from 'fast-check';
import { strFromU8, unzipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { bratDocument, readBratDocument } from '@/lib/formats/brat';
import { bratAnnotationConf, readBratAnnotationConf } from '@/lib/formats/brat-conf';
import { BRAT_CONF_FILE, createBratZip, readBratZip } from '@/lib/formats/brat-zip';
import { FormatError } from '@/lib/formats/errors';
import type { ExportDocument, ExportSchema } from '@/lib/formats/model';
import { SAMPLE_DOCUMENTS, SAMPLE_SCHEMA } from '../support/formats-sample';

function zipOf(schema: ExportSchema, docs: ExportDocument[]): Uint8Array {
  const chunks: Uint8Array[] = [];
  const writer = createBratZip(schema, (chunk) => chunks.push(chunk));
  for (const doc of docs) writer.add(doc);
  writer.end();
  return Buffer.concat(chunks);
}

/** Each T line's text must be the .txt at its offsets, counted in code points, fragments joined by a space. */
function textBoundMismatches(txt: string, ann: string): string[] {
  const points = Array.from(txt);
  return ann
    .split('\n')
    .filter((line) => line.startsWith('T'))
    .filter((line) => {
      const [, typeAndOffsets = '', quote] = line.split('\t');
      const fragments = typeAndOffsets.slice(typeAndOffsets.indexOf(' ') + 1).split(';').map((pair) => pair.split(' ').map(Number));
      return fragments.map(([start, end]) => points.slice(start, end).join('')).join(' ') !== quote;
    });
}

function readError(ann: string, txt = SAMPLE_DOCUMENTS[0]!.text): [number | undefined, string] | 'accepted' {
  try {
    readBratDocument({ name: 'doc', txt, ann }, SAMPLE_SCHEMA);
    return 'accepted';
  } catch (error) {
    if (!(error instanceof FormatError)) throw error;
    return [error.line, error.reason];
  }
}

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
        '#1\tAnnotatorNotes T7\t{"confidence":0.8,"note":"quote, \\"verbatim\\""}',
        '#2\tAnnotatorNotes T9\t{"reviewed":false}',
        '#3\tAnnotatorNotes R2\t{"evidence":"line 5"}',
      ]),
    );
    expect(lines).toHaveLength(9 + 3 + 6 + 3);
    expect(attributes).toEqual(new Map([['flagged', new Set()], ['Author', new Set(['user-1'])], ['Target', new Set(['afghan_taliban'])], ['source', new Set(['model-x'])]]));
  });

  it('generates annotation.conf with layers, relation arguments, targets and used attributes', () => {
    const conf = bratAnnotationConf(SAMPLE_SCHEMA, attributes);
    expect(conf).toContain('[entities]\n!ENTITY-LAYER\n\tPERSON\n\tNORP\n\tORG\n\tGPE\n\tLOC\n!STANCE-LAYER\n\tFAVOR\n' +
      '\tAGAINST\n\tNONE\n!FRAME-LAYER\n\tSECURITY_DEFENSE\n\tPOLITICAL\n');
    expect(conf).toContain('OPPOSES\tArg1:PERSON|NORP|ORG|GPE, Arg2:PERSON|NORP|ORG|GPE\n');
    expect(conf).toContain('LOCATED_IN\tArg1:PERSON|NORP|ORG|GPE|LOC, Arg2:GPE|LOC\n');
    expect(conf).toContain('StanceTarget\tArg1:FAVOR|AGAINST|NONE, Arg2:PERSON|NORP|ORG|GPE|LOC\n');
    expect(conf).toMatch(/\[events\]\n\n\[attributes\]\nTarget\tArg:FAVOR\|AGAINST\|NONE, Value:afghan_taliban\|pakistan\n/);
    expect(conf).toContain('flagged\tArg:<ANY>\nAuthor\tArg:<ANY>, Value:user-1\nsource\tArg:<ANY>, Value:model-x\n');
    const schema = readBratAnnotationConf(conf);
    expect(schema.labels.map((label) => `${label.layer}:${label.key}`)).toEqual(
      SAMPLE_SCHEMA.labels.filter((label) => label.layer !== 'DOCUMENT').map((label) => `${label.layer}:${label.key}`),
    );
    expect(schema.targets.map((target) => target.key)).toEqual(['afghan_taliban', 'pakistan']);
    expect(bratAnnotationConf(schema, attributes)).toBe(conf);
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
    expect(Object.keys(entries)).toEqual(['Border_talks_Doha_Kabul.txt', 'Border_talks_Doha_Kabul.ann', 'border_talks_doha_kabul-2.txt', 'border_talks_doha_kabul-2.ann', BRAT_CONF_FILE]);
    expect(strFromU8(entries['Border_talks_Doha_Kabul.txt']!)).toBe(SAMPLE_DOCUMENTS[0]!.text);
  });

  it('round-trips byte for byte: write → read → write', () => {
    const read = readBratZip(zip);
    expect(zipOf(read.schema, read.documents)).toEqual(zip);
    const [first] = read.documents;
    expect(first?.spans.map(({ start, end, label, layer, quote, author }) => ({ start, end, label, layer, quote, author }))).toEqual(
      SAMPLE_DOCUMENTS[0]!.spans.map(({ start, end, label, layer, quote, author }) => ({ start, end, label, layer, quote, author })),
    );
    expect(first?.spans[6]).toMatchObject({ target: { kind: 'target', key: 'afghan_taliban' }, attributes: { source: 'model-x', confidence: 0.8, note: 'quote, "verbatim"' } });
    expect(first?.spans[7]?.target).toEqual({ kind: 'span', spanId: 'T5' });
    expect(first?.relations[1]).toEqual({ id: 'R2', label: 'LOCATED_IN', source: 'T6', target: 'T5', author: 'user-1', attributes: { evidence: 'line 5' } });
  });

  it('round-trips random documents byte for byte (property)', () => {
    const document = fc
      .tuple(fc.string({ unit: 'grapheme', minLength: 1, maxLength: 30 }), fc.string({ maxLength: 6 }))
      .map(([text, name]) => ({ text: `${text}\n${text}`.normalize('NFC'), name }))
      .chain(({ text, name }) => {
        const length = Array.from(text).length;
        const value = fc.oneof(fc.string({ maxLength: 6 }), fc.constantFrom('a-b', 'x', 'two words'), fc.integer(), fc.boolean(), fc.constant(null));
        const attributes = fc.dictionary(fc.oneof(fc.constantFrom('note', 'level', 'Author', 'Target'), fc.string({ maxLength: 5 })), value, { maxKeys: 3 });
        const span = fc.record({ start: fc.nat(length - 1), size: fc.integer({ min: 1, max: length }), label: fc.constantFrom('PERSON', 'ORG', 'FAVOR', 'POLITICAL'), author: fc.constantFrom('gold', 'user-1'), attributes, target: fc.constantFrom('pakistan', 'newcomer', undefined) });
        return fc.record({ text: fc.constant(text), name: fc.constant(name), spans: fc.array(span, { minLength: 1, maxLength: 5 }), relations: fc.array(fc.tuple(fc.nat(), fc.nat(), attributes), { maxLength: 3 }) });
      })
      .map(({ text, name, spans, relations }): ExportDocument => {
        const points = Array.from(text);
        const usable = spans
          .map((span) => ({ ...span, end: Math.min(points.length, span.start + span.size) }))
          .filter((span) => /[^\r\n]/.test(points.slice(span.start, span.end).join('')));
        return {
          id: name,
          name,
          text,
          metadata: {},
          spans: usable.map(({ start, end, label, author, attributes, target }, index) => ({
            id: `s${index}`,
            start,
            end,
            label,
            layer: label === 'FAVOR' ? 'STANCE' : label === 'POLITICAL' ? 'FRAME' : 'ENTITY',
            quote: points.slice(start, end).join(''),
            author,
            attributes,
            ...(label === 'FAVOR' && { target: target ? { kind: 'target' as const, key: target } : { kind: 'span' as const, spanId: 's0' } }),
          })),
          relations: usable.length === 0 ? [] : relations.map(([from, to, attributes], index) => ({ id: `r${index}`, label: 'OPPOSES', source: `s${from % usable.length}`, target: `s${to % usable.length}`, author: 'gold', attributes })),
          documentLabels: [],
        };
      });
    fc.assert(
      fc.property(fc.array(document, { minLength: 1, maxLength: 3 }), (docs) => {
        const zip = zipOf(SAMPLE_SCHEMA, docs);
        const entries = unzipSync(zip);
        for (const [path, bytes] of Object.entries(entries)) {
          if (path.endsWith('.ann')) expect(textBoundMismatches(strFromU8(entries[path.replace(/ann$/, 'txt')]!), strFromU8(bytes))).toEqual([]);
        }
        const read = readBratZip(zip);
        expect(zipOf(read.schema, read.documents)).toEqual(zip);
      }),
      { numRuns: 200 },
    );
  }, PROPERTY_TIMEOUT);
});

describe('brat reader', () => {
  it('names the line and the reason of malformed annotations', () => {
    expect(readError('T1\tGPE 12 16\tDoha\nT2\tGPE 12 16\tDohx\n')).toEqual([2, 'T2: text "Dohx" differs from the .txt at 12 16, "Doha"']);
    expect(readError('T1\tCITY 12 16\tDoha\n')).toEqual([1, 'T1: label CITY is not a span label of the schema']);
    expect(readError('T1\tGPE 12 99999\tDoha\n')).toEqual([1, expect.stringContaining('T1: fragment 12 99999 is not a non-empty range')]);
    expect(readError('T1\tGPE 3 8;12 16\tTalks Doha\n')).toEqual([1, expect.stringContaining('separated by line breaks only')]);
    expect(readError('T1\tGPE 12 16\tDoha\nE1\tAttack:T1\n')).toEqual([2, expect.stringContaining('only T, R, A and # annotations')]);
    expect(readError('T1\tGPE 12 16\tDoha\nR1\tOPPOSES Arg1:T1 Arg2:T7\n')).toEqual([2, 'R1: T7 is not a T annotation of this file']);
    expect(readError('T1\tGPE 12 16\tDoha\nA1\tTarget T1 pakistan\n')).toEqual([2, 'A1: Target needs a stance span and a target key']);
    expect(readError('T1\tGPE 12 16\tDoha\nA1\tlevel T1 high\n#1\tAnnotatorNotes T1\t{"level":"low"}\n')).toEqual([3, '#1: attribute level is given twice']);
  });

  it('keeps an attribute named __proto__ as data', () => {
    const doc = { ...SAMPLE_DOCUMENTS[1]!, spans: [{ id: 's', start: 0, end: 2, label: 'ORG', layer: 'ENTITY' as const, quote: 'No', author: 'gold', attributes: JSON.parse('{"__proto__":{"x":1}}') as Record<string, unknown> }] };
    const { ann } = bratDocument(doc);
    const read = readBratDocument({ name: 'doc', txt: doc.text, ann }, SAMPLE_SCHEMA);
    expect(Object.keys(read.spans[0]!.attributes)).toEqual(['__proto__']);
    expect(bratDocument(read).ann).toBe(ann);
  });

  it('names the line and the reason of a malformed annotation.conf', () => {
    const conf = '[entities]\nPERSON\n\n[relations]\nKNOWS\tArg1:PERSON\n';
    expect(() => readBratAnnotationConf(conf)).toThrow(new FormatError('annotation.conf', 5, 'KNOWS: a relation needs Arg1 and Arg2'));
  });

  it('reads notes written by people as the note attribute', () => {
    const doc = readBratDocument({ name: 'doc', txt: 'Doha', ann: 'T1\tGPE 0 4\tDoha\n#1\tAnnotatorNotes T1\tcheck the spelling\n' }, SAMPLE_SCHEMA);
    expect(doc.spans[0]?.attributes).toEqual({ note: 'check the spelling' });
  });
});
