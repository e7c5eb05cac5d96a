import { GOLD_AUTHOR, type ExportDocument } from './model';
import { NOTE_ATTRIBUTE } from './span-remarks';
import { codePoints, sliceCodePoints } from './text';

/**
 * brat standoff (https://brat.nlplab.org/standoff.html): `<name>.txt` is the document text as is,
 * `<name>.ann` holds, in this order,
 *   T lines  `T1<TAB>LABEL start end<TAB>quote`, code point offsets as brat (Python) counts them.
 *            brat forbids line breaks in the quote, so a span crossing a line break is written as
 *            fragments split at the breaks, `start end;start end`, its text the fragments joined by
 *            a space (brat's convention); the import (lib/import/parsers/brat.ts) joins fragments separated
 *            by line breaks only.
 *   R lines  `R1<TAB>TYPE Arg1:T1 Arg2:T2` for relations, then `StanceTarget` relations from a
 *            stance span to the entity span it is about.
 *   A lines  `A1<TAB>Target T3 <target key>` (a stance span's project target),
 *            `A2<TAB>Author T3 <user id>` (only when not the default author, 'gold'),
 *            `A3<TAB>Origin T3 SUGGESTED` (a span's provenance, declared in annotation.conf), and every
 *            attribute brat can hold: a brat type name with the value `true` (binary) or a string
 *            without whitespace, ',' or '|' (multi-valued).
 *   # lines  `#1<TAB>AnnotatorNotes T3<TAB>{"confidence":0.8}`: the attributes brat cannot hold, as
 *            a JSON object, so values keep their type; a span's `sourceIds` (several values, which
 *            an A line cannot hold) go into the same object under `glossa:sourceIds`. A note that is
 *            not a JSON object (written in brat by a person) is imported as the attribute `note`,
 *            which is the span's note (span-remarks.ts); so a span's note is written as such a line
 *            when it fits one, and its `unsure` flag is a binary A line `A4<TAB>unsure T3`.
 * Document ids, metadata and document-level answers have no place in brat and are not written.
 */

export const STANCE_TARGET_RELATION = 'StanceTarget';
export const TARGET_ATTRIBUTE = 'Target';
export const AUTHOR_ATTRIBUTE = 'Author';
export const ORIGIN_ATTRIBUTE = 'Origin';
/** The key of a span's sourceIds in its AnnotatorNotes object. */
export const SOURCE_IDS_NOTE = 'glossa:sourceIds';
const NOTES = 'AnnotatorNotes';
const RESERVED_ATTRIBUTES = new Set([TARGET_ATTRIBUTE, AUTHOR_ATTRIBUTE, ORIGIN_ATTRIBUTE]);
// brat's storage form of type names (projectconfig.normalize_to_storage_form).
const TYPE_NAME = /^[A-Za-z0-9_-]+$/;
// annotation.conf separates values with '|' and arguments with ','.
const ATTRIBUTE_VALUE = /^[^\s,|]+$/;

/** Attribute names written in A lines, with the values seen (none for binary attributes). */
export type BratAttributeUse = Map<string, Set<string>>;

export function recordAttributeUse(used: BratAttributeUse, name: string, values: Iterable<string>): void {
  const seen = used.get(name) ?? new Set<string>();
  for (const value of values) seen.add(value);
  used.set(name, seen);
}

export interface BratOptions {
  /** Author of annotations without an `Author` attribute. Default 'gold'. */
  defaultAuthor?: string;
}

export function bratTypeName(key: string): string {
  if (!TYPE_NAME.test(key)) throw new Error(`label key ${JSON.stringify(key)} is not a brat type name (letters, digits, '_' and '-' only)`);
  return key;
}

export function bratAttributeValue(name: string, value: string): string {
  if (!ATTRIBUTE_VALUE.test(value)) throw new Error(`${name} ${JSON.stringify(value)} cannot be a brat attribute value (no whitespace, ',' or '|')`);
  return value;
}

const isLineBreak = (point: string | undefined) => point === '\n' || point === '\r';

/** The maximal runs of [start, end) without line breaks. */
function lineFragments(points: readonly string[], start: number, end: number): [number, number][] {
  const fragments: [number, number][] = [];
  let from = start;
  for (let at = start; at <= end; at++) {
    if (at < end && !isLineBreak(points[at])) continue;
    if (at > from) fragments.push([from, at]);
    from = at + 1;
  }
  return fragments;
}

export function bratDocument(doc: ExportDocument, options: BratOptions = {}): { txt: string; ann: string; attributes: BratAttributeUse } {
  const defaultAuthor = options.defaultAuthor ?? GOLD_AUTHOR;
  const points = codePoints(doc.text);
  const textBound: string[] = [];
  const relations: string[] = [];
  const attributes: string[] = [];
  const notes: string[] = [];
  const used: BratAttributeUse = new Map();

  const bratIds = new Map(doc.spans.map((span, index) => [span.id, `T${index + 1}`]));
  const ref = (spanId: string) => {
    const id = bratIds.get(spanId);
    if (!id) throw new Error(`document ${doc.id}: span ${spanId} does not exist`);
    return id;
  };
  const annotate = (id: string, author: string, values: Record<string, unknown>, reserved: [string, string][], sourceIds: readonly string[] = []) => {
    const written: [string, string | true][] = reserved.map(([name, value]) => [name, bratAttributeValue(name, value)]);
    if (author !== defaultAuthor) written.push([AUTHOR_ATTRIBUTE, bratAttributeValue('author', author)]);
    const rest: [string, unknown][] = [];
    let plainNote: string | undefined;
    for (const [name, value] of Object.entries(values)) {
      if (name === NOTE_ATTRIBUTE && isPlainNote(value)) {
        plainNote = value;
        continue;
      }
      const fits = TYPE_NAME.test(name) && !RESERVED_ATTRIBUTES.has(name) && (value === true || (typeof value === 'string' && ATTRIBUTE_VALUE.test(value)));
      if (fits) written.push([name, value]);
      else rest.push([name, value]);
    }
    if (sourceIds.length > 0) rest.push([SOURCE_IDS_NOTE, sourceIds]);
    for (const [name, value] of written) {
      attributes.push(`A${attributes.length + 1}\t${name} ${id}${value === true ? '' : ` ${value}`}`);
      recordAttributeUse(used, name, value === true ? [] : [value]);
    }
    if (plainNote !== undefined) notes.push(`#${notes.length + 1}\t${NOTES} ${id}\t${plainNote}`);
    if (rest.length > 0) notes.push(`#${notes.length + 1}\t${NOTES} ${id}\t${JSON.stringify(Object.fromEntries(rest))}`);
  };

  doc.spans.forEach((span) => {
    const id = ref(span.id);
    const fragments = lineFragments(points, span.start, span.end);
    if (fragments.length === 0) throw new Error(`document ${doc.id}: span ${span.id} covers only line breaks, which brat cannot annotate`);
    const offsets = fragments.map(([start, end]) => `${start} ${end}`).join(';');
    const quote = fragments.map(([start, end]) => sliceCodePoints(points, start, end)).join(' ');
    textBound.push(`${id}\t${bratTypeName(span.label)} ${offsets}\t${quote}`);
    const reserved: [string, string][] = span.target?.kind === 'target' ? [[TARGET_ATTRIBUTE, span.target.key]] : [];
    if (span.origin) reserved.push([ORIGIN_ATTRIBUTE, span.origin]);
    annotate(id, span.author, span.attributes, reserved, span.sourceIds);
  });
  doc.relations.forEach((relation) => {
    const id = `R${relations.length + 1}`;
    relations.push(`${id}\t${bratTypeName(relation.label)} Arg1:${ref(relation.source)} Arg2:${ref(relation.target)}`);
    annotate(id, relation.author, relation.attributes, []);
  });
  for (const span of doc.spans) {
    if (span.target?.kind !== 'span') continue;
    relations.push(`R${relations.length + 1}\t${STANCE_TARGET_RELATION} Arg1:${ref(span.id)} Arg2:${ref(span.target.spanId)}`);
  }
  const ann = [...textBound, ...relations, ...attributes, ...notes].map((line) => `${line}\n`).join('');
  return { txt: doc.text, ann, attributes: used };
}

/**
 * A span's note (lib/formats/span-remarks.ts) is written as brat shows notes, as text, when the
 * import would read it back as written: on one line, not taken for a JSON object, no edge spaces.
 * Any other note goes into the JSON object with the attributes brat cannot hold.
 */
function isPlainNote(value: unknown): value is string {
  return typeof value === 'string' && !/[\r\n]/.test(value) && !value.startsWith('{') && value === value.trim();
}

/** A `#` note's attributes: Glossa writes them as a JSON object; any other note is kept as `note`. */
export function noteAttributes(note: string): [string, unknown][] {
  if (note.startsWith('{')) {
    try {
      const value: unknown = JSON.parse(note);
      if (typeof value === 'object' && value !== null && !Array.isArray(value)) return Object.entries(value);
    } catch {
      // A person's note that merely starts with a brace.
    }
  }
  return [['note', note]];
}
