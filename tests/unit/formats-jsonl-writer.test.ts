import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { jsonLine } from '@/lib/formats/json-line';
import { jsonlDocument } from '@/lib/formats/jsonl';
import type { ExportDocument, ExportSpan } from '@/lib/formats/model';
import { SAMPLE_DOCUMENTS } from '../support/formats-sample';

/**
 * jsonlDocument writes its records field by field for speed; this holds it to the record that
 * JSON.stringify writes for the same document, byte for byte, whatever the strings contain.
 */
function reference(doc: ExportDocument): string {
  return jsonLine({
    id: doc.id,
    name: doc.name,
    text: doc.text,
    metadata: doc.metadata,
    label: doc.spans.map((span) => [span.start, span.end, span.label]),
    spans: doc.spans.map(({ id, start, end, label, layer, quote, author, attributes, origin, sourceIds, target }) => ({
      ...{ id, start, end, label, layer, quote, author, attributes },
      ...(origin && { origin, source_ids: sourceIds ?? [] }),
      ...(target && { target: target.kind === 'target' ? { kind: 'target', key: target.key } : { kind: 'span', span_id: target.spanId } }),
    })),
    relations: doc.relations.map(({ id, label, source, target, author, attributes }) => ({ id, label, source, target, author, attributes })),
    document_labels: doc.documentLabels.map(({ question, target, values, author }) => ({ question, ...(target !== undefined && { target }), values, author })),
  });
}

// Every character class the writer treats differently: quotes, backslashes, control characters,
// the line separators it escapes, astral characters and lone surrogates.
const hazard = fc.constantFrom('"', '\\', '\n', '\t', '\u0000', '\u001f', '\u007f', '\u0085', '\u2028', '\u2029', '👍🏽', '\ud800', '\udfff', 'é', 'پ', 'a');
const text = fc.array(fc.oneof(hazard, fc.string({ maxLength: 4 })), { maxLength: 8 }).map((parts) => parts.join(''));
const json = fc.dictionary(text, fc.oneof(text, fc.integer(), fc.boolean(), fc.constant(null), fc.array(text, { maxLength: 2 })), { maxKeys: 3 });
const span = fc.record({
  id: text,
  start: fc.nat(10_000),
  length: fc.integer({ min: 1, max: 50 }),
  label: text,
  layer: fc.constantFrom('ENTITY', 'STANCE', 'FRAME' as const),
  quote: text,
  author: text,
  attributes: json,
  origin: fc.option(fc.constantFrom('MANUAL', 'IMPORTED', 'SUGGESTED', 'ADJUDICATED' as const), { nil: undefined }),
  sourceIds: fc.option(fc.array(text, { maxLength: 3 }), { nil: undefined }),
  target: fc.option(fc.oneof(fc.record({ kind: fc.constant('target' as const), key: text }), fc.record({ kind: fc.constant('span' as const), spanId: text })), {
    nil: undefined,
  }),
});
const documentArbitrary = fc.record({
  id: text,
  name: text,
  text,
  metadata: json,
  spans: fc.array(span, { maxLength: 4 }),
  relations: fc.array(fc.record({ id: text, label: text, source: text, target: text, author: text, attributes: json }), { maxLength: 2 }),
  documentLabels: fc.array(fc.record({ question: text, target: fc.option(text, { nil: undefined }), values: fc.array(text, { maxLength: 2 }), author: text }), {
    maxLength: 2,
  }),
});

describe('jsonlDocument', () => {
  it('writes what JSON.stringify writes for the sample project', () => {
    for (const doc of SAMPLE_DOCUMENTS) expect(jsonlDocument(doc)).toBe(reference(doc));
  });

  it('writes what JSON.stringify writes, line separators escaped, for any strings (property)', () => {
    fc.assert(
      fc.property(documentArbitrary, (generated) => {
        const doc: ExportDocument = {
          ...generated,
          spans: generated.spans.map(
            ({ length, target, origin, sourceIds, ...rest }): ExportSpan => ({
              ...rest,
              end: rest.start + length,
              ...(origin && { origin }),
              ...(sourceIds && { sourceIds }),
              ...(target && { target }),
            }),
          ),
          documentLabels: generated.documentLabels.map(({ target, ...rest }) => ({ ...rest, ...(target !== undefined && { target }) })),
        };
        const line = jsonlDocument(doc);
        expect(line).toBe(reference(doc));
        expect(line.slice(0, -1)).not.toMatch(/[\n\u0085\u2028\u2029]/);
      }),
      { numRuns: 500 },
    );
  }, 30_000);
});
