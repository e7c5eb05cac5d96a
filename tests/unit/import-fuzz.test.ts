import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseSource } from '@/lib/import/parsers';
import { IMPORT_FORMATS, ImportError, type ImportFormat } from '@/lib/import/types';
import { codePointLength, sliceByCodePoints } from '@/lib/offsets';
import { collect, sourceOf } from '../fixtures/import/source';

/**
 * Hostile input for every import parser: random bytes, random text, and
 * near-valid records with wrong types, huge or negative offsets, broken quotes.
 * The only acceptable outcomes are documents whose spans fit their text, or an
 * ImportError naming the file — never a crash of another kind.
 */
const EXTENSION: Record<ImportFormat, string> = {
  txt: 'txt',
  md: 'md',
  html: 'html',
  docx: 'docx',
  pdf: 'pdf',
  csv: 'csv',
  jsonl: 'jsonl',
  glossa: 'jsonl',
  doccano: 'jsonl',
  'label-studio': 'json',
  brat: 'zip',
  conll: 'conll',
  conllu: 'conllu',
  'webanno-tsv': 'tsv',
};

async function outcome(format: ImportFormat, content: string | Uint8Array): Promise<void> {
  try {
    for (const document of await collect(parseSource(sourceOf(`fuzz.${EXTENSION[format]}`, content, 7), format))) {
      const length = codePointLength(document.text);
      for (const span of document.spans) {
        expect(span.start).toBeGreaterThanOrEqual(0);
        expect(span.end).toBeLessThanOrEqual(length);
        expect(span.start).toBeLessThan(span.end);
        if (span.quote !== undefined) expect(sliceByCodePoints(document.text, span.start, span.end)).toBe(span.quote);
      }
    }
  } catch (error) {
    if (!(error instanceof ImportError)) throw error;
    // Files inside an archive are named after it: fuzz.zip/a.ann.
    expect(error.location.file.startsWith(`fuzz.${EXTENSION[format]}`)).toBe(true);
  }
}

const text = fc.string({ unit: 'binary', maxLength: 200 });
const value = fc.oneof(
  fc.integer({ min: -5, max: 400 }),
  fc.double(),
  fc.string({ maxLength: 8 }),
  fc.constant(null),
  fc.boolean(),
  fc.array(fc.integer(), { maxLength: 3 }),
);
const nearRecord = fc.record(
  {
    name: fc.oneof(fc.string({ maxLength: 10 }), value),
    text: fc.oneof(text, value),
    spans: fc.array(
      fc.record(
        {
          start: value,
          end: value,
          label: fc.oneof(fc.constantFrom('PERSON', 'ORG'), value),
          quote: fc.oneof(text, value),
          layer: fc.oneof(fc.constantFrom('ENTITY', 'STANCE'), value),
        },
        { requiredKeys: [] },
      ),
      { maxLength: 4 },
    ),
    label: fc.array(fc.tuple(value, value, fc.oneof(fc.constant('GPE'), value)), { maxLength: 3 }),
    data: fc.record({ text: fc.oneof(text, value) }, { requiredKeys: [] }),
    annotations: fc.array(
      fc.record(
        {
          result: fc.array(
            fc.record(
              {
                type: fc.constantFrom('labels', 'relation', 'choices', 'other'),
                value: fc.record(
                  { start: value, end: value, text: fc.oneof(text, value), labels: fc.array(fc.string({ maxLength: 5 }), { maxLength: 2 }) },
                  { requiredKeys: [] },
                ),
              },
              { requiredKeys: [] },
            ),
            { maxLength: 3 },
          ),
        },
        { requiredKeys: [] },
      ),
      { maxLength: 2 },
    ),
  },
  { requiredKeys: [] },
);
const bratAnn = fc
  .array(
    fc.oneof(
      fc.tuple(fc.integer({ min: -3, max: 60 }), fc.integer({ min: -3, max: 60 }), text).map(([s, e, t]) => `T1\tORG ${s} ${e}\t${t}`),
      fc.constantFrom('R1\tALLY_OF Arg1:T1 Arg2:T9', 'A1\tTarget T1 X', 'E1\tAttack:T1', '#1\tAnnotatorNotes T1\tnote'),
      text,
    ),
    { maxLength: 5 },
  )
  .map((lines) => lines.join('\n'));

describe('import parsers under hostile input', () => {
  for (const format of IMPORT_FORMATS) {
    it(`${format}: random bytes and text`, async () => {
      await fc.assert(
        fc.asyncProperty(fc.oneof(fc.uint8Array({ maxLength: 300 }), text), (content) => outcome(format, content)),
        { numRuns: 150 },
      );
    }, 60_000);
  }

  for (const format of ['jsonl', 'glossa', 'doccano', 'label-studio'] as const) {
    it(`${format}: near-valid records`, async () => {
      await fc.assert(
        fc.asyncProperty(fc.array(nearRecord, { minLength: 1, maxLength: 3 }), async (records) => {
          const body = format === 'label-studio' ? JSON.stringify(records) : records.map((r) => JSON.stringify(r)).join('\n');
          await outcome(format, body);
        }),
        { numRuns: 400 },
      );
    }, 60_000);
  }

  it('conll: random tags and columns', async () => {
    const line = fc.oneof(
      fc.constant(''),
      fc.constant('-DOCSTART- -X- -X- O'),
      fc
        .tuple(fc.string({ minLength: 1, maxLength: 6 }), fc.constantFrom('O', 'B-ORG', 'I-ORG', 'I-GPE', 'E-PER', 'S-LOC', 'X', ''))
        .map(([t, g]) => `${t}\t${g}`),
    );
    await fc.assert(
      fc.asyncProperty(fc.array(line, { maxLength: 20 }), (lines) => outcome('conll', lines.join('\n'))),
      { numRuns: 400 },
    );
  }, 60_000);

  it('brat: .txt + .ann pairs inside a zip and alone', async () => {
    const { zipSync, strToU8 } = await import('fflate');
    await fc.assert(
      fc.asyncProperty(text, bratAnn, async (txt, ann) => {
        await outcome('brat', zipSync({ 'a.txt': strToU8(txt), 'a.ann': strToU8(ann) }));
      }),
      // Each archive is inflated in a worker thread (~0.1 s to start), hence fewer runs than the text formats.
      { numRuns: 100 },
    );
  }, 60_000);
});
