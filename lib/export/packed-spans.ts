import { Prisma } from '@/lib/generated/prisma/client';
import type { ExportSpan, Origin } from '@/lib/formats/model';
import type { LabelIndex } from './label-index';

/**
 * Spans travel from PostgreSQL packed into one text per document, because spans are the bulk of
 * an export and the obvious ways cost several times what COPY does: a row object per span in the
 * client, or `json_build_array`/`concat`, whose variadic arguments look up their output
 * functions on every call. `||` over typed columns is about as cheap as COPY's own formatting.
 *
 * Each span is `id␟author␟start␟end␟labelId␟targetId␟targetSpanId␟origin␟sourceIds␟attributes␟quote␞`
 * (␟ = U+001F, ␞ = U+001E), sourceIds joined by spaces. Ids are cuids or UUIDs (provenance ids
 * are `kind:<id>`) and attributes (with the span's flag and note) are jsonb text, which escapes control characters, so none of
 * them holds a separator or a space. The quote may hold anything, so it is
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
const NO_ATTRIBUTES: Record<string, unknown> = Object.freeze({});
const NO_SOURCES: readonly string[] = Object.freeze([]);

/**
 * A span's attributes with its author's flag and note added as the attributes `unsure` and `note`
 * (lib/formats/span-remarks.ts; the columns win over stored attributes of those names). Built
 * only for the few spans that have them, so the rest keep the cheap cast (and the `{}` fast path).
 */
const ATTRIBUTES = Prisma.sql`CASE WHEN a.unsure OR a.note IS NOT NULL
  THEN (a.attributes || jsonb_strip_nulls(jsonb_build_object('unsure', CASE WHEN a.unsure THEN true END, 'note', a.note)))::text
  ELSE a.attributes::text END`;

/** The aggregate over `"Annotation" a`. */
export const PACKED_SPANS = Prisma.sql`string_agg(
  a.id || E'\\x1f' || coalesce(a."authorId", '') || E'\\x1f' || a.start::text || E'\\x1f' || a."end"::text || E'\\x1f' ||
  a."labelId" || E'\\x1f' || coalesce(a."targetId", '') || E'\\x1f' || coalesce(a."targetAnnotationId", '') || E'\\x1f' ||
  a.origin::text || E'\\x1f' || array_to_string(a."sourceIds", ' ') || E'\\x1f' || ${ATTRIBUTES} || E'\\x1f' || a.quote || E'\\x1e', '')`;

export function unpackSpans(packed: string, index: LabelIndex, authorOf: (id: string) => string): ExportSpan[] {
  const spans: ExportSpan[] = [];
  const reader = new PackedReader(packed);
  while (reader.at < packed.length) {
    const id = reader.field();
    const author = authorOf(reader.optional());
    const start = reader.integer();
    const end = reader.integer();
    const label = index.spanLabel(reader.field());
    const targetId = reader.optional();
    const targetSpanId = reader.optional();
    const origin = reader.field() as Origin;
    const sources = reader.optional();
    const sourceIds = sources === '' ? NO_SOURCES : sources.split(' ');
    const span: ExportSpan = { id, start, end, label: label.key, layer: label.layer, quote: '', author, attributes: reader.attributes(), origin, sourceIds };
    span.quote = reader.quote(id, start, end);
    if (targetId) span.target = { kind: 'target', key: index.target(targetId) };
    else if (targetSpanId) span.target = { kind: 'span', spanId: targetSpanId };
    spans.push(span);
  }
  return spans.sort((a, b) => a.start - b.start || b.end - a.end || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
}

// A class rather than closures over the position: one object per document instead of one per helper.
class PackedReader {
  at = 0;

  constructor(private readonly packed: string) {}

  field(): string {
    const end = this.packed.indexOf(FIELD, this.at);
    if (end < 0) throw malformed();
    const value = this.packed.slice(this.at, end);
    this.at = end + 1;
    return value;
  }

  /** Most optional fields are empty: skipped without slicing. */
  optional(): string {
    if (this.packed.charCodeAt(this.at) !== FIELD_CODE) return this.field();
    this.at++;
    return '';
  }

  integer(): number {
    let value = 0;
    for (let code = this.packed.charCodeAt(this.at++); code !== FIELD_CODE; code = this.packed.charCodeAt(this.at++)) {
      if (!(code >= 0x30 && code <= 0x39)) throw malformed();
      value = value * 10 + code - 0x30;
    }
    return value;
  }

  /** Most attributes are {}: not parsed, and all one (frozen) object rather than a million. */
  attributes(): Record<string, unknown> {
    if (!this.packed.startsWith(EMPTY_ATTRIBUTES, this.at)) return JSON.parse(this.field()) as Record<string, unknown>;
    this.at += EMPTY_ATTRIBUTES.length;
    return NO_ATTRIBUTES;
  }

  /** end − start code points, which must be followed by the record separator. */
  quote(id: string, start: number, end: number): string {
    const { packed } = this;
    const from = this.at;
    let at = from;
    for (let points = start; points < end && at < packed.length; points++) {
      const code = packed.charCodeAt(at++);
      if (code >= 0xd800 && code <= 0xdbff) at++;
    }
    if (packed.charCodeAt(at) !== RECORD_CODE)
      throw new Error(`Span ${id}: its stored quote is not ${end - start} code points long, as its offsets ${start}-${end} say.`);
    this.at = at + 1;
    return packed.slice(from, at);
  }
}

const malformed = () => new Error('Malformed packed spans from the database.');
