import { FormatError, numberedLines } from './errors';
import { SPAN_LAYERS, type SpanLayer } from '@/lib/schema/types';
import { GOLD_AUTHOR, documentProblems, type ExportDocument, type ExportRelation, type ExportSchema, type ExportSpan, type StanceTarget } from './model';
import { codePoints, sliceCodePoints } from './text';

/**
 * brat standoff (https://brat.nlplab.org/standoff.html): `<name>.txt` is the document text as is,
 * `<name>.ann` holds, in this order,
 *   T lines  `T1<TAB>LABEL start end<TAB>quote`, code point offsets as brat (Python) counts them.
 *            brat forbids line breaks in the quote, so a span crossing a line break is written as
 *            fragments split at the breaks, `start end;start end`, its text the fragments joined by
 *            a space (brat's convention); the reader joins fragments separated by line breaks only.
 *   R lines  `R1<TAB>TYPE Arg1:T1 Arg2:T2` for relations, then `StanceTarget` relations from a
 *            stance span to the entity span it is about.
 *   A lines  `A1<TAB>Target T3 <target key>` (a stance span's project target),
 *            `A2<TAB>Author T3 <user id>` (only when not the default author, 'gold'), and every
 *            attribute brat can hold: a brat type name with the value `true` (binary) or a string
 *            without whitespace, ',' or '|' (multi-valued).
 *   # lines  `#1<TAB>AnnotatorNotes T3<TAB>{"confidence":0.8}`: the attributes brat cannot hold, as
 *            a JSON object, so values keep their type. A note that is not a JSON object (written in
 *            brat by a person) reads back as the attribute `note`.
 * Document ids, metadata and document-level answers have no place in brat and are not written.
 */

export const STANCE_TARGET_RELATION = 'StanceTarget';
export const TARGET_ATTRIBUTE = 'Target';
export const AUTHOR_ATTRIBUTE = 'Author';
const NOTES = 'AnnotatorNotes';
const RESERVED_ATTRIBUTES = new Set([TARGET_ATTRIBUTE, AUTHOR_ATTRIBUTE]);
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
  const annotate = (id: string, author: string, values: Record<string, unknown>, reserved: [string, string][]) => {
    const written: [string, string | true][] = reserved.map(([name, value]) => [name, bratAttributeValue(name, value)]);
    if (author !== defaultAuthor) written.push([AUTHOR_ATTRIBUTE, bratAttributeValue('author', author)]);
    const rest: [string, unknown][] = [];
    for (const [name, value] of Object.entries(values)) {
      const fits = TYPE_NAME.test(name) && !RESERVED_ATTRIBUTES.has(name) && (value === true || (typeof value === 'string' && ATTRIBUTE_VALUE.test(value)));
      if (fits) written.push([name, value]);
      else rest.push([name, value]);
    }
    for (const [name, value] of written) {
      attributes.push(`A${attributes.length + 1}\t${name} ${id}${value === true ? '' : ` ${value}`}`);
      recordAttributeUse(used, name, value === true ? [] : [value]);
    }
    if (rest.length > 0) notes.push(`#${notes.length + 1}\t${NOTES} ${id}\t${JSON.stringify(Object.fromEntries(rest))}`);
  };

  doc.spans.forEach((span) => {
    const id = ref(span.id);
    const fragments = lineFragments(points, span.start, span.end);
    if (fragments.length === 0) throw new Error(`document ${doc.id}: span ${span.id} covers only line breaks, which brat cannot annotate`);
    const offsets = fragments.map(([start, end]) => `${start} ${end}`).join(';');
    const quote = fragments.map(([start, end]) => sliceCodePoints(points, start, end)).join(' ');
    textBound.push(`${id}\t${bratTypeName(span.label)} ${offsets}\t${quote}`);
    annotate(id, span.author, span.attributes, span.target?.kind === 'target' ? [[TARGET_ATTRIBUTE, span.target.key]] : []);
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

interface Pending {
  author?: string;
  target?: StanceTarget;
  attributes: [string, unknown][];
}

interface AnnLine {
  id: string;
  body: string;
  fail: (reason: string) => FormatError;
}

/** The .ann's lines by annotation kind, each with a way to reject it naming its line. */
function annLines(ann: string, source: string): Record<'T' | 'R' | 'A' | '#', AnnLine[]> {
  const byKind: Record<'T' | 'R' | 'A' | '#', AnnLine[]> = { T: [], R: [], A: [], '#': [] };
  const seen = new Set<string>();
  for (const { line, text } of numberedLines(ann)) {
    if (text.trim() === '') continue;
    const tab = text.indexOf('\t');
    const id = text.slice(0, tab);
    const fail = (reason: string) => new FormatError(source, line, `${id}: ${reason}`);
    if (tab < 1) throw new FormatError(source, line, 'expected an annotation id followed by a tab');
    if (seen.has(id)) throw fail('this id is used twice');
    seen.add(id);
    const kind = id[0] ?? '';
    if (!Object.hasOwn(byKind, kind)) throw fail('only T, R, A and # annotations are supported (events, normalizations and equivalences are not)');
    byKind[kind as keyof typeof byKind].push({ id, body: text.slice(tab + 1), fail });
  }
  return byKind;
}

function readTextBound({ id, body, fail }: AnnLine, points: readonly string[], spanLayers: Map<string, SpanLayer | undefined>): ExportSpan {
  const match = /^(\S+) (\d+ \d+(?:;\d+ \d+)*)\t(.*)$/s.exec(body);
  if (!match) throw fail('expected "LABEL start end<TAB>text"');
  const [, label = '', offsets = '', written = ''] = match;
  const layer = spanLayers.get(label);
  if (!layer) throw fail(`label ${label} is not a span label of the schema${spanLayers.has(label) ? ' (it is defined in several layers)' : ''}`);
  const fragments = offsets.split(';').map((pair) => pair.split(' ').map(Number) as [number, number]);
  fragments.forEach(([start, end], index) => {
    if (start >= end || end > points.length) throw fail(`fragment ${start} ${end} is not a non-empty range inside the text (${points.length} code points)`);
    const previousEnd = fragments[index - 1]?.[1];
    if (previousEnd !== undefined && (start < previousEnd || !points.slice(previousEnd, start).every(isLineBreak))) {
      throw fail('fragments must be in order and separated by line breaks only (other discontinuous spans are not supported)');
    }
  });
  const actual = fragments.map(([start, end]) => sliceCodePoints(points, start, end)).join(' ');
  if (actual !== written) throw fail(`text ${JSON.stringify(written)} differs from the .txt at ${offsets}, ${JSON.stringify(actual)}`);
  const start = fragments[0]?.[0] ?? 0;
  const end = fragments[fragments.length - 1]?.[1] ?? 0;
  return { id, start, end, label, layer, quote: sliceCodePoints(points, start, end), author: '', attributes: {} };
}

/** Parses one `.txt`/`.ann` pair; labels are resolved to layers through the schema. */
export function readBratDocument(files: { name: string; txt: string; ann: string }, schema: ExportSchema, options: BratOptions = {}): ExportDocument {
  const source = `${files.name}.ann`;
  const points = codePoints(files.txt);
  const lines = annLines(files.ann, source);
  const spanLayers = layersByKey(schema);
  const relationKeys = new Set(schema.labels.filter((label) => label.layer === 'RELATION').map((label) => label.key));

  const spans = new Map(lines.T.map((line) => [line.id, readTextBound(line, points, spanLayers)]));
  const relations = new Map<string, ExportRelation>();
  const pending = new Map<string, Pending>([...spans.keys()].map((id) => [id, { attributes: [] }]));
  for (const { id, body, fail } of lines.R) {
    const [, label = '', from = '', to = ''] = /^(\S+) Arg1:(\S+) Arg2:(\S+)$/.exec(body) ?? [];
    if (!label) throw fail('expected "TYPE Arg1:T1 Arg2:T2"');
    for (const end of [from, to]) if (!spans.has(end)) throw fail(`${end} is not a T annotation of this file`);
    if (label === STANCE_TARGET_RELATION) {
      const stance = pending.get(from);
      if (!stance || spans.get(from)?.layer !== 'STANCE') throw fail(`${STANCE_TARGET_RELATION} must start at a stance span`);
      if (stance.target) throw fail(`${from} already has a stance target`);
      stance.target = { kind: 'span', spanId: to };
    } else {
      if (!relationKeys.has(label)) throw fail(`relation type ${label} is not in the schema`);
      relations.set(id, { id, label, source: from, target: to, author: '', attributes: {} });
      pending.set(id, { attributes: [] });
    }
  }
  for (const { body, fail } of lines.A) {
    const [, name = '', owner = '', value] = /^(\S+) (\S+)(?: (\S+))?$/.exec(body) ?? [];
    const into = pending.get(owner);
    if (!name) throw fail('expected "NAME ID" or "NAME ID VALUE"');
    if (!into) throw fail(`${owner} is not a span or relation of this file`);
    if (name === TARGET_ATTRIBUTE) {
      if (spans.get(owner)?.layer !== 'STANCE' || value === undefined) throw fail(`${TARGET_ATTRIBUTE} needs a stance span and a target key`);
      if (into.target) throw fail(`${owner} already has a stance target`);
      into.target = { kind: 'target', key: value };
    } else if (name === AUTHOR_ATTRIBUTE) {
      if (value === undefined || into.author !== undefined) throw fail(`${AUTHOR_ATTRIBUTE} needs one value per annotation`);
      into.author = value;
    } else {
      addAttributes(into, [[name, value ?? true]], fail);
    }
  }
  for (const { body, fail } of lines['#']) {
    const [, owner = '', note = ''] = new RegExp(`^${NOTES} (\\S+)\\t(.*)$`, 's').exec(body) ?? [];
    const into = pending.get(owner);
    if (!owner) throw fail(`expected "${NOTES} ID<TAB>text"`);
    if (!into) throw fail(`${owner} is not a span or relation of this file`);
    addAttributes(into, noteAttributes(note), fail);
  }

  const finish = <T extends ExportSpan | ExportRelation>(item: T): T => {
    const { author, attributes = [] } = pending.get(item.id) ?? {};
    return { ...item, author: author ?? options.defaultAuthor ?? GOLD_AUTHOR, attributes: Object.fromEntries(attributes) };
  };
  const doc: ExportDocument = {
    id: files.name,
    name: files.name,
    text: files.txt,
    metadata: {},
    spans: [...spans.values()].map((span) => {
      const target = pending.get(span.id)?.target;
      return finish(target ? { ...span, target } : span);
    }),
    relations: [...relations.values()].map(finish),
    documentLabels: [],
  };
  const problem = documentProblems(doc)[0];
  if (problem) throw new FormatError(source, undefined, problem);
  return doc;
}

function addAttributes(into: Pending, attributes: [string, unknown][], fail: (reason: string) => Error): void {
  for (const [name, value] of attributes) {
    if (into.attributes.some(([taken]) => taken === name)) throw fail(`attribute ${name} is given twice`);
    into.attributes.push([name, value]);
  }
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

/** Span label key → layer; a key used in several span layers maps to undefined (ambiguous in brat). */
function layersByKey(schema: ExportSchema): Map<string, SpanLayer | undefined> {
  const layers = new Map<string, SpanLayer | undefined>();
  for (const label of schema.labels) {
    const layer = SPAN_LAYERS.find((spanLayer) => spanLayer === label.layer);
    if (!layer) continue;
    layers.set(label.key, layers.has(label.key) && layers.get(label.key) !== layer ? undefined : layer);
  }
  return layers;
}
