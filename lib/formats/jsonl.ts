import { z } from 'zod';
import { FormatError, numberedLines } from './errors';
import { jsonLine } from './json-line';
import { SPAN_LAYERS, documentProblems, type ExportDocument, type ExportSpan, type StanceTarget } from './model';

/**
 * Glossa JSON Lines: one document per line with its text, metadata, spans, relations and
 * document-level answers. The extra `label: [[start, end, labelKey], …]` field (every span, all
 * layers, code point offsets) lets doccano import the file as sequence labelling as it is.
 * Field names are snake_case, as in the other Python-facing exports.
 */

export function jsonlDocument(doc: ExportDocument): string {
  return jsonLine({
    id: doc.id,
    name: doc.name,
    text: doc.text,
    metadata: doc.metadata,
    label: doccanoLabels(doc.spans),
    spans: doc.spans.map((span) => ({
      id: span.id,
      start: span.start,
      end: span.end,
      label: span.label,
      layer: span.layer,
      quote: span.quote,
      author: span.author,
      attributes: span.attributes,
      ...(span.target && { target: span.target.kind === 'target' ? span.target : { kind: 'span', span_id: span.target.spanId } }),
    })),
    relations: doc.relations.map(({ id, label, source, target, author, attributes }) => ({ id, label, source, target, author, attributes })),
    document_labels: doc.documentLabels.map(({ question, target, values, author }) => ({
      question,
      ...(target !== undefined && { target }),
      values,
      author,
    })),
  });
}

function doccanoLabels(spans: readonly ExportSpan[]): [number, number, string][] {
  return spans.map((span) => [span.start, span.end, span.label]);
}

const key = z.string().min(1);
// Taken as parsed, not rebuilt: rebuilding would reorder nothing but could mangle a "__proto__" key.
const jsonObject = z.custom<Record<string, unknown>>((value) => typeof value === 'object' && value !== null && !Array.isArray(value), 'expected a JSON object');

const lineSchema = z.object({
  id: key,
  name: z.string(),
  text: z.string(),
  metadata: jsonObject,
  label: z.array(z.tuple([z.number(), z.number(), z.string()])).optional(),
  spans: z.array(
    z.object({
      id: key,
      start: z.int().nonnegative(),
      end: z.int().nonnegative(),
      label: key,
      layer: z.enum(SPAN_LAYERS),
      quote: z.string(),
      author: key,
      attributes: jsonObject,
      target: z
        .discriminatedUnion('kind', [z.object({ kind: z.literal('target'), key }), z.object({ kind: z.literal('span'), span_id: key })])
        .optional(),
    }),
  ),
  relations: z.array(z.object({ id: key, label: key, source: key, target: key, author: key, attributes: jsonObject })),
  document_labels: z.array(z.object({ question: key, target: key.optional(), values: z.array(z.string()), author: key })),
});

/** Parses Glossa JSON Lines; blank lines are skipped, anything else malformed is a FormatError. */
export function readJsonl(input: string, source = 'jsonl'): ExportDocument[] {
  const documents: ExportDocument[] = [];
  for (const { line, text } of numberedLines(input)) {
    if (text.trim() === '') continue;
    const fail = (reason: string) => new FormatError(source, line, reason);
    let value: unknown;
    try {
      value = JSON.parse(text);
    } catch (error) {
      throw fail(`not valid JSON (${(error as Error).message})`);
    }
    const parsed = lineSchema.safeParse(value);
    if (!parsed.success) throw fail(describeIssue(parsed.error.issues[0]));
    const record = parsed.data;
    const doc: ExportDocument = {
      id: record.id,
      name: record.name,
      text: record.text,
      metadata: record.metadata,
      spans: record.spans.map((span) => ({
        id: span.id,
        start: span.start,
        end: span.end,
        label: span.label,
        layer: span.layer,
        quote: span.quote,
        author: span.author,
        ...(span.target && { target: toStanceTarget(span.target) }),
        attributes: span.attributes,
      })),
      relations: record.relations,
      documentLabels: record.document_labels.map(({ question, target, values, author }) => ({
        question,
        ...(target !== undefined && { target }),
        values,
        author,
      })),
    };
    const problem = documentProblems(doc)[0];
    if (problem) throw fail(problem);
    if (record.label && JSON.stringify(record.label) !== JSON.stringify(doccanoLabels(doc.spans))) {
      throw fail('the doccano "label" field disagrees with "spans"; edit both or drop "label"');
    }
    documents.push(doc);
  }
  return documents;
}

function toStanceTarget(target: { kind: 'target'; key: string } | { kind: 'span'; span_id: string }): StanceTarget {
  return target.kind === 'target' ? { kind: 'target', key: target.key } : { kind: 'span', spanId: target.span_id };
}

function describeIssue(issue: z.core.$ZodIssue | undefined): string {
  if (!issue) return 'invalid record';
  const path = issue.path.map((part) => (typeof part === 'number' ? `[${part}]` : `.${String(part)}`)).join('').replace(/^\./, '');
  return `${path || 'record'}: ${issue.message}`;
}
