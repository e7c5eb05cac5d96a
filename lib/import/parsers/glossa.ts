import { z } from 'zod';
import { ORIGINS } from '@/lib/formats/model';
import { SPAN_LAYERS } from '@/lib/schema/types';
import { ImportError, type ImportedDocument, type ImportedSpan, type ImportSource, type SourceLocation } from '../types';
import { checkReferences, newDocument, SpanChecker } from './document';
import { jsonLines, jsonObject, parseWith, readRecord } from './json';

/**
 * Glossa's own JSON Lines export (lib/formats/jsonl.ts writes it), one document per line, read as
 * the bytes arrive. Files written by hand or by scripts may leave out what an export always has
 * (ids, authors, layers, metadata), so this schema makes those optional and otherwise mirrors the writer: offsets are code points, `quote` is
 * required and checked, a stance
 * target is `{ kind: "target", key }` or `{ kind: "span", span_id }` (`spanId` is accepted too),
 * and the doccano-style `label` field, when present, must agree with `spans`. Unknown fields are
 * errors rather than silently dropped data. A span's provenance (`origin`, `source_ids`) is kept as
 * the file states it, so a dataset moved between instances still says which spans a model suggested. The document `id` names the document in the
 * exporting project only, so it is not carried over; span ids link relations and stance targets.
 */

const key = z.string().min(1);

const spanTarget = z.union([
  z.strictObject({ kind: z.literal('target'), key }).transform(({ key: target }) => target),
  z.strictObject({ kind: z.literal('span'), span_id: key }).transform(({ span_id }) => ({ span: span_id })),
  z.strictObject({ kind: z.literal('span'), spanId: key }).transform(({ spanId }) => ({ span: spanId })),
]);

const lineSchema = z.strictObject({
  id: z.union([key, z.number()]).optional(),
  name: key,
  text: z.string(),
  metadata: jsonObject.optional(),
  label: z.array(z.tuple([z.number(), z.number(), z.string()])).optional(),
  spans: z.array(
    z.strictObject({
      id: key.optional(),
      start: z.int().nonnegative(),
      end: z.int().nonnegative(),
      label: key,
      layer: z.enum(SPAN_LAYERS).optional(),
      quote: z.string(),
      author: key.optional(),
      attributes: jsonObject.optional(),
      origin: z.enum(ORIGINS).optional(),
      source_ids: z.array(key).optional(),
      target: spanTarget.optional(),
    }),
  ),
  relations: z
    .array(z.strictObject({ id: key.optional(), label: key, source: key, target: key, author: key.optional(), attributes: jsonObject.optional() }))
    .optional(),
  document_labels: z.array(z.strictObject({ question: key, target: key.optional(), values: z.array(z.string()), author: key.optional() })).optional(),
});

export async function* parseGlossa(source: ImportSource, onProblem?: (problem: ImportError) => void): AsyncGenerator<ImportedDocument> {
  for await (const { value, location } of jsonLines(source, onProblem)) {
    const document = readRecord(() => glossaLine(value, location), onProblem);
    if (document !== undefined) yield document;
  }
}

function glossaLine(value: unknown, location: SourceLocation): ImportedDocument {
  const record = parseWith(lineSchema, value, location);
  const doc = newDocument(record.name, record.text, location, record.metadata ?? {});
  const checker = new SpanChecker(record.text);
  doc.spans = record.spans.map(({ id, start, end, label, layer, quote, author, attributes, origin, source_ids, target }): ImportedSpan => {
    checker.check(start, end, label, quote, location);
    return {
      ...(id !== undefined && { ref: id }),
      start,
      end,
      label,
      ...(layer && { layer }),
      quote,
      ...(target !== undefined && { target }),
      ...(attributes && { attributes }),
      ...(author && { author }),
      ...(origin && { origin }),
      ...(source_ids && { sourceIds: source_ids }),
      location,
    };
  });
  if (record.label && JSON.stringify(record.label) !== JSON.stringify(record.spans.map((span) => [span.start, span.end, span.label]))) {
    throw new ImportError(location, 'the doccano-style "label" field disagrees with "spans"; edit both or drop "label"');
  }
  doc.relations = (record.relations ?? []).map(({ label, source: from, target, author, attributes }) => ({
    label,
    source: from,
    target,
    ...(attributes && { attributes }),
    ...(author && { author }),
    location,
  }));
  doc.documentLabels = (record.document_labels ?? []).map(({ question, target, values, author }) => ({
    question,
    ...(target !== undefined && { target }),
    values,
    ...(author && { author }),
    location,
  }));
  checkReferences(doc);
  return doc;
}
