import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { jsonlDocument } from '@/lib/formats/jsonl';
import type { ExportDocument } from '@/lib/formats/model';
import { ImportError } from '@/lib/import/types';
import type { SpanLayer } from '@/lib/schema/types';
import { exportAnnotations, withEnds } from '../support/drawn-annotations';
import { SAMPLE_DOCUMENTS } from '../support/formats-sample';
import { importDocuments, keptOfExport, keptOfImport } from '../support/imported-export';

const writeAll = (docs: ExportDocument[]) => docs.map(jsonlDocument).join('');

/** Read back with the import users run for Glossa's JSONL (lib/import/parsers/glossa.ts). */
const readJsonl = (input: string) => importDocuments('export.jsonl', input, 'glossa');

async function readError(input: string): Promise<[number | undefined, string] | 'accepted'> {
  try {
    await readJsonl(input);
    return 'accepted';
  } catch (error) {
    if (!(error instanceof ImportError)) throw error;
    return [error.location.line, error.reason];
  }
}

/**
 * Random NFC documents with valid spans, stance targets, relations, answers and JSON attributes.
 * Texts are never blank: the import refuses a document with no text (lib/import/parsers/document.ts),
 * so Glossa never holds or exports one.
 */
const arbitraryDocument = fc
  .tuple(
    fc
      .string({ unit: 'grapheme', minLength: 1, maxLength: 40 })
      .map((text) => text.normalize('NFC'))
      .filter((text) => text.trim() !== ''),
    fc.string({ minLength: 1, maxLength: 8 }),
  )
  .chain(([text, name]) => {
    const length = Array.from(text).length;
    const attributes = fc.dictionary(fc.string({ maxLength: 6 }), fc.oneof(fc.string({ maxLength: 8 }), fc.integer(), fc.boolean(), fc.constant(null)), {
      maxKeys: 3,
    });
    const span = fc.record({
      start: fc.nat(length - 1),
      size: fc.integer({ min: 1, max: length }),
      label: fc.constantFrom('PERSON', 'ORG', 'FAVOR', 'ECONOMIC'),
      author: fc.constantFrom('gold', 'user-1', 'user 2'),
      target: fc.option(fc.constantFrom('taliban', 'pakistan'), { nil: undefined }),
      attributes,
    });
    return fc.record({
      text: fc.constant(text),
      name: fc.constant(name),
      spans: fc.array(span, { minLength: 1, maxLength: 5 }),
      relations: fc.array(fc.tuple(fc.nat(), fc.nat(), attributes), { maxLength: 3 }),
      answers: fc.array(
        fc.record({
          question: fc.constantFrom('DOC_STANCE', 'FRAME'),
          target: fc.option(fc.constantFrom('taliban'), { nil: undefined }),
          values: fc.array(fc.string({ maxLength: 5 }), { maxLength: 2 }),
        }),
        { maxLength: 2 },
      ),
    });
  })
  .map(({ text, name, spans, relations, answers }): ExportDocument => {
    const points = Array.from(text);
    const layerOf = (label: string): SpanLayer => (label === 'FAVOR' ? 'STANCE' : label === 'ECONOMIC' ? 'FRAME' : 'ENTITY');
    return {
      id: `doc ${name}`,
      name,
      text,
      metadata: { name },
      ...exportAnnotations(points, withEnds(points, spans), relations, layerOf),
      documentLabels: answers.map(({ question, target, values }) => ({ question, ...(target && { target }), values, author: 'gold' })),
    };
  });

// Property runs take a second or two; leave headroom for a loaded machine.
const PROPERTY_TIMEOUT = 30_000;

describe('jsonl', () => {
  it('writes one JSON line per document with spans, relations, answers and a doccano label field', () => {
    const lines = writeAll(SAMPLE_DOCUMENTS).split('\n');
    expect(lines).toHaveLength(SAMPLE_DOCUMENTS.length + 1);
    const record = JSON.parse(lines[0]!) as Record<string, unknown>;
    expect(Object.keys(record)).toEqual(['id', 'name', 'text', 'metadata', 'label', 'spans', 'relations', 'document_labels']);
    const doc = SAMPLE_DOCUMENTS[0]!;
    expect(record.label).toEqual(doc.spans.map((span) => [span.start, span.end, span.label]));
    const points = Array.from(record.text as string);
    for (const [start, end] of record.label as [number, number, string][])
      expect(points.slice(start, end).join('')).toBe(doc.spans.find((span) => span.start === start && span.end === end)?.quote);
    expect((record.spans as Record<string, unknown>[])[7]).toMatchObject({ layer: 'STANCE', target: { kind: 'span', span_id: 's-pakhtunkhwa' } });
  });

  it('imports back to the same model: everything but the exporting project’s document and relation ids', async () => {
    const read = await readJsonl(writeAll(SAMPLE_DOCUMENTS));
    expect(read.map(keptOfImport)).toEqual(SAMPLE_DOCUMENTS.map(keptOfExport));
  });

  it('keeps an attribute named __proto__ as data', async () => {
    const line = jsonlDocument({ ...SAMPLE_DOCUMENTS[1]!, metadata: JSON.parse('{"__proto__":{"x":1}}') as Record<string, unknown> });
    const [doc] = await readJsonl(line);
    expect(Object.keys(doc!.metadata)).toEqual(['__proto__']);
    expect(Object.getPrototypeOf(doc!.metadata)).toBe(Object.prototype);
  });

  it('escapes line separators Python would split a line at', async () => {
    const doc = { ...SAMPLE_DOCUMENTS[1]!, text: 'a\u2028b\u2029c\u0085d' };
    const line = jsonlDocument(doc);
    expect(line).not.toMatch(/[\u2028\u2029\u0085]/);
    expect((await readJsonl(line))[0]?.text).toBe(doc.text);
  });

  it('rejects bad records naming the line and the reason', async () => {
    const good = jsonlDocument(SAMPLE_DOCUMENTS[1]!);
    const record = JSON.parse(jsonlDocument(SAMPLE_DOCUMENTS[0]!)) as {
      spans: Record<string, unknown>[];
      label: unknown[];
      relations: Record<string, unknown>[];
    };
    const variant = (change: (copy: typeof record) => void) => {
      const copy = structuredClone(record);
      change(copy);
      return `${good}\n${JSON.stringify(copy)}\n`;
    };
    expect(await readError(`${good}{"id":`)).toEqual([2, expect.stringMatching(/^not valid JSON/)]);
    expect(await readError(variant((copy) => (copy.spans[0]!.quote = 'Dohx')))).toEqual([
      3,
      'span [12,16) label "GPE": quote "Dohx" does not match the text "Doha"',
    ]);
    expect(await readError(variant((copy) => (copy.spans[0]!.end = 9999)))).toEqual([
      3,
      expect.stringContaining('span [12,9999) label "GPE" is not a non-empty range'),
    ]);
    expect(await readError(variant((copy) => (copy.spans[0]!.start = 'x')))).toEqual([3, expect.stringMatching(/^spans\[0\]\.start: /)]);
    expect(await readError(variant((copy) => (copy.spans[0]!.layer = 'RELATION')))).toEqual([3, expect.stringMatching(/^spans\[0\]\.layer: /)]);
    expect(await readError(variant((copy) => (copy.relations[0]!.target = 'nope')))).toEqual([
      3,
      expect.stringContaining('"nope" is not a span id of document'),
    ]);
    expect(await readError(variant((copy) => copy.label.pop()))).toEqual([3, expect.stringContaining('"label" field disagrees')]);
    expect(await readError(`${good}\r\n`)).toBe('accepted');
  });

  it(
    'imports random documents back to the same model (property)',
    async () => {
      await fc.assert(
        fc.asyncProperty(fc.array(arbitraryDocument, { minLength: 1, maxLength: 3 }), async (docs) => {
          const read = await readJsonl(writeAll(docs));
          expect(read.map(keptOfImport)).toEqual(docs.map(keptOfExport));
        }),
        { numRuns: 300 },
      );
    },
    PROPERTY_TIMEOUT,
  );
});
