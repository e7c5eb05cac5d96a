import { jsonPart } from './json-line';
import type { ExportDocument, ExportSpan, StanceTarget } from './model';

/**
 * Glossa JSON Lines: one document per line with its text, metadata, spans, relations and
 * document-level answers. The extra `label: [[start, end, labelKey], …]` field (every span, all
 * layers, code point offsets) lets doccano import the file as sequence labelling as it is.
 * Each span carries its provenance when known: `origin` (MANUAL, IMPORTED, SUGGESTED,
 * ADJUDICATED) and `source_ids` (`suggestion:<id>`, `run:<id>`, `recommender:<id>` for an accepted
 * suggestion; the annotator spans a gold span was adjudicated from).
 * Field names are snake_case, as in the other Python-facing exports.
 */

/**
 * Written field by field rather than by JSON.stringify over a mapped copy of the document: an
 * export writes a million spans, and building and walking an object per span cost more than
 * getting the rows out of PostgreSQL. Numbers are written as they are, keys and layers (a few
 * dozen distinct strings) are escaped once, and only free text goes through JSON.stringify. The
 * output is byte for byte what JSON.stringify writes for the same record (see the unit tests).
 */
export function writeJsonlDocument(doc: ExportDocument, sink: (piece: string) => void): void {
  let labels = '';
  let spans = '';
  for (const span of doc.spans) {
    const comma = spans === '' ? '' : ',';
    // Converted once, used twice; and as few pieces per span as possible, since every piece is a string to collect.
    const start = String(span.start);
    const end = String(span.end);
    labels += `${comma}[${start},${end}${labelEnd(span.label)}`;
    spans +=
      `${comma}{"id":"${unquoted(span.id)}","start":${start},"end":${end}${labelFields(span.label, span.layer)}"${unquoted(span.quote)}"` +
      `${authorFields(span.author)}${objectPart(span.attributes)}${provenance(span)}${span.target ? `,"target":${stanceTarget(span.target)}` : ''}}`;
  }
  const relations =
    doc.relations.length === 0
      ? '[]'
      : jsonPart(doc.relations.map(({ id, label, source, target, author, attributes }) => ({ id, label, source, target, author, attributes })));
  const answers =
    doc.documentLabels.length === 0
      ? '[]'
      : jsonPart(doc.documentLabels.map(({ question, target, values, author }) => ({ question, ...(target !== undefined && { target }), values, author })));
  // The text, a third of the line, goes out as the one flat string JSON.stringify made: joined to the
  // rest it would be copied once more when the line is encoded.
  sink(`{"id":${jsonPart(doc.id)},"name":${jsonPart(doc.name)},"text":`);
  sink(jsonPart(doc.text));
  sink(`,"metadata":${objectPart(doc.metadata)},"label":[${labels}],"spans":[${spans}],"relations":${relations},"document_labels":${answers}}\n`);
}

/** One document's line, for callers that want it whole. */
export function jsonlDocument(doc: ExportDocument): string {
  let line = '';
  writeJsonlDocument(doc, (piece) => (line += piece));
  return line;
}

function provenance({ origin, sourceIds }: ExportSpan): string {
  if (origin === undefined) return '';
  return `${originField(origin)}${sourceIds === undefined || sourceIds.length === 0 ? '[]' : jsonPart(sourceIds)}`;
}

function stanceTarget(target: StanceTarget): string {
  return target.kind === 'target' ? `{"kind":"target","key":${quotedKey(target.key)}}` : `{"kind":"span","span_id":${jsonPart(target.spanId)}}`;
}

/** A string's JSON escape without the quotes around it: most ids and quotes need no escape and are used as they are. */
function unquoted(value: string): string {
  for (let at = 0; at < value.length; at++) {
    const code = value.charCodeAt(at);
    if (
      code < 0x20 ||
      code === 0x22 ||
      code === 0x5c ||
      (code >= 0x85 && (code === 0x85 || code === 0x2028 || code === 0x2029 || (code >= 0xd800 && code <= 0xdfff)))
    ) {
      return jsonPart(value).slice(1, -1);
    }
  }
  return value;
}

// Most attribute objects are empty.
function objectPart(value: Record<string, unknown>): string {
  for (const _ in value) return jsonPart(value);
  return '{}';
}

// Keys, layers and authors are a few dozen distinct strings per project: each is escaped once, and
// the fields around them are kept together. Bounded, since a server writes many projects' exports.
const CACHE_LIMIT = 1024;

function cached<K, V>(make: (key: K) => V): (key: K) => V {
  const cache = new Map<K, V>();
  return (key) => {
    let value = cache.get(key);
    if (value === undefined) {
      if (cache.size >= CACHE_LIMIT) cache.clear();
      value = make(key);
      cache.set(key, value);
    }
    return value;
  };
}

const quotedKey = cached((key: string) => jsonPart(key));
const labelEnd = cached((label: string) => `,${jsonPart(label)}]`);
const originField = cached((origin: string) => `,"origin":${jsonPart(origin)},"source_ids":`);
const authorFields = cached((author: string) => `,"author":${jsonPart(author)},"attributes":`);
// By layer, then label: no key string is built per lookup.
const labelFieldsIn = cached((layer: string) => cached((label: string) => `,"label":${jsonPart(label)},"layer":${jsonPart(layer)},"quote":`));
const labelFields = (label: string, layer: string) => labelFieldsIn(layer)(label);
