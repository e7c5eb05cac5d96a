import { Prisma } from '@/lib/generated/prisma/client';
import type { ExportSpan } from '@/lib/formats/model';
import type { LabelIndex } from './label-index';

/**
 * Spans travel from PostgreSQL packed into one text per document, because spans are the bulk of
 * an export and the obvious ways cost several times what COPY does: a row object per span in the
 * client, or `json_build_array`/`concat`, whose variadic arguments look up their output
 * functions on every call. `||` over typed columns is about as cheap as COPY's own formatting.
 *
 * Each span is `id␟author␟start␟end␟labelId␟targetId␟targetSpanId␟attributes␟quote␞`
 * (␟ = U+001F, ␞ = U+001E). Ids are cuids or UUIDs and attributes are jsonb text, which escapes
 * control characters, so none of them holds a separator. The quote may hold anything, so it is
 * read by length, end − start code points, and must be followed by ␞: a quote of another length
 * breaks the invariant quote = text[start:end] and is reported, never misread.
 *
 * Sorting (start, then longest first, then id) happens here rather than in the aggregate, where
 * a sort per document costs PostgreSQL more than it costs the client.
 */

const FIELD = '\u001f';
const FIELD_CODE = 0x1f;
const RECORD_CODE = 0x1e;
const EMPTY_ATTRIBUTES = `{}${FIELD}`;

/** The aggregate over `"Annotation" a`. */
export const PACKED_SPANS = Prisma.sql`string_agg(
  a.id || E'\\x1f' || coalesce(a."authorId", '') || E'\\x1f' || a.start::text || E'\\x1f' || a."end"::text || E'\\x1f' ||
  a."labelId" || E'\\x1f' || coalesce(a."targetId", '') || E'\\x1f' || coalesce(a."targetAnnotationId", '') || E'\\x1f' ||
  a.attributes::text || E'\\x1f' || a.quote || E'\\x1e', '')`;

export function unpackSpans(packed: string, index: LabelIndex, authorOf: (id: string) => string): ExportSpan[] {
  const spans: ExportSpan[] = [];
  let at = 0;
  const malformed = () => new Error('Malformed packed spans from the database.');
  const field = () => {
    const end = packed.indexOf(FIELD, at);
    if (end < 0) throw malformed();
    const value = packed.slice(at, end);
    at = end + 1;
    return value;
  };
  // Most optional fields are empty and most attributes are {}: skip them without slicing.
  const optional = () => (packed.charCodeAt(at) === FIELD_CODE ? (at++, '') : field());
  const integer = () => {
    let value = 0;
    for (let code = packed.charCodeAt(at++); code !== FIELD_CODE; code = packed.charCodeAt(at++)) {
      if (!(code >= 0x30 && code <= 0x39)) throw malformed();
      value = value * 10 + code - 0x30;
    }
    return value;
  };
  const attributes = (): Record<string, unknown> => {
    if (packed.startsWith(EMPTY_ATTRIBUTES, at)) {
      at += EMPTY_ATTRIBUTES.length;
      return {};
    }
    return JSON.parse(field()) as Record<string, unknown>;
  };
  while (at < packed.length) {
    const id = field();
    const author = authorOf(optional());
    const start = integer();
    const end = integer();
    const label = index.spanLabel(field());
    const targetId = optional();
    const targetSpanId = optional();
    const span: ExportSpan = { id, start, end, label: label.key, layer: label.layer, quote: '', author, attributes: attributes() };
    const quoteStart = at;
    for (let points = start; points < end && at < packed.length; points++) {
      const code = packed.charCodeAt(at++);
      if (code >= 0xd800 && code <= 0xdbff) at++;
    }
    if (packed.charCodeAt(at) !== RECORD_CODE) throw new Error(`Span ${id}: its stored quote is not ${end - start} code points long, as its offsets ${start}-${end} say.`);
    span.quote = packed.slice(quoteStart, at++);
    if (targetId) span.target = { kind: 'target', key: index.target(targetId) };
    else if (targetSpanId) span.target = { kind: 'span', spanId: targetSpanId };
    spans.push(span);
  }
  return spans.sort((a, b) => a.start - b.start || b.end - a.end || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
}
