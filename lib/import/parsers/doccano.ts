import { z } from 'zod';
import { ImportError, type ImportedDocument, type ImportedDocumentLabel, type ImportSource, type ParseOptions, type SourceLocation } from '../types';
import { checkReferences, newDocument, SpanChecker } from './document';
import { baseName } from './input';
import { isObject, jsonRecords, nameAndMetadata, parseWith, readRecord } from './json';

/**
 * doccano exports, one document per JSONL line, or per item of the array of a `.json` file (what
 * doccano 1.x's "JSON" export downloads; lib/import/parsers/detect.ts tells it from Label Studio's
 * JSON by its first record). The text is `text`, or `data` (doccano 1.x);
 * the annotations are ONE of:
 * - `label` (or `labels`): `[[start, end, "LABEL"], …]` spans, or `["positive", …]` classes;
 * - `entities`: `[{ id, label, start_offset, end_offset }]` with `relations: [{ from_id, to_id,
 *   type }]` (entity ids link the relations), or doccano 1.x triples `[[start, end, "LABEL"]]`;
 * - `annotations` (doccano 1.x): `[{ label, start_offset, end_offset, user }]` spans, or
 *   `[{ label, user }]` classes, one answer per user;
 * - `cats`: `["positive", …]`, or `{ "positive": 1, "negative": 0 }` (the classes set to 1 or true).
 * Classes are the answer to the document question "label". doccano 1.x writes label ids (numbers)
 * instead of names in `annotations`: each must be mapped by the import's label map (`{ "3": "ORG" }`);
 * an unmapped id is an error naming it. The variant read (`doccano 1.x ("data", "annotations")`) and
 * the ids mapped are in the import report.
 * Offsets are code points: doccano's files are written by its Python backend and read by Python
 * tools (spaCy, flair, doccano-transformer), which slice `str`s. doccano states no quote, so only
 * the range can be checked: offsets counted in UTF-16 units (as doccano's browser UI once did,
 * doccano PR #99) cannot be told apart and would land late after an emoji. `name`, `metadata` and every other field
 * are handled as in plain JSONL (./json nameAndMetadata), so doccano's `id` and `Comments` land
 * in the metadata.
 */

const key = z.string().min(1);
const labelId = z.union([key, z.int()]);
const offsetLabels = z.array(z.tuple([z.int(), z.int(), key]));
const classLabels = z.array(key);
const entities = z.array(z.object({ id: z.union([z.int(), key]), label: key, start_offset: z.int(), end_offset: z.int() }));
const relations = z.array(z.object({ from_id: z.union([z.int(), key]), to_id: z.union([z.int(), key]), type: key }));
const annotations = z.array(
  z.object({ label: labelId, start_offset: z.int().optional(), end_offset: z.int().optional(), user: z.union([z.int(), key]).optional() }),
);
const cats = z.union([classLabels, z.record(z.string(), z.union([z.boolean(), z.literal(0), z.literal(1)]))]);

const LABEL_FIELDS = ['label', 'labels', 'entities', 'annotations', 'cats'] as const;
const QUESTION = 'label';

export async function* parseDoccano(source: ImportSource, options: ParseOptions = {}): AsyncGenerator<ImportedDocument> {
  for await (const { value, location } of jsonRecords(source, options.onProblem)) {
    const document = readRecord(() => doccanoLine(value, location, source, options), options.onProblem);
    if (document !== undefined) yield document;
  }
}

function doccanoLine(value: unknown, location: SourceLocation, source: ImportSource, options: ParseOptions): ImportedDocument {
  if (!isObject(value))
    throw new ImportError(
      location,
      location.record === undefined ? 'expected a JSON object per line (doccano JSONL)' : 'expected a JSON object per array item (doccano 1.x JSON)',
    );
  const textField = typeof value.text === 'string' ? 'text' : typeof value.data === 'string' ? 'data' : undefined;
  if (textField === undefined) {
    throw new ImportError(
      location,
      value.data === undefined
        ? 'text: expected a string (doccano writes the text in "text", doccano 1.x in "data")'
        : 'data: expected a string (the doccano 1.x text field)',
    );
  }
  const given = LABEL_FIELDS.filter((field) => value[field] !== undefined);
  if (given.length > 1) throw new ImportError(location, `both ${given.map((field) => `"${field}"`).join(' and ')} are given; keep one`);
  const labelField = given[0];

  const { name, metadata } = nameAndMetadata(
    value,
    [textField, ...LABEL_FIELDS, 'relations'],
    `${baseName(source.name)}#${location.line ?? location.record}`,
    location,
  );
  const text = value[textField] as string;
  const doc = newDocument(name, text, location, metadata);
  const checker = new SpanChecker(text);
  const span = (start: number, end: number, label: string, ref?: string) => {
    checker.check(start, end, label, undefined, location);
    return { ...(ref !== undefined && { ref }), start, end, label, location };
  };
  const labelled = labelField === undefined ? undefined : value[labelField];
  const isTriples = Array.isArray(labelled) && labelled.length > 0 && labelled.every(Array.isArray);
  const isClasses = Array.isArray(labelled) && labelled.length > 0 && labelled.every((item) => typeof item === 'string');

  if (labelField === 'annotations') {
    const mapped = new LabelIds(options.labelMap, location);
    const read = parseWith(annotations, labelled, location, 'annotations');
    const answers = new Map<string | undefined, string[]>();
    read.forEach((item, index) => {
      const where = `annotations[${index}]`;
      const label = mapped.name(item.label, where);
      if (item.start_offset === undefined && item.end_offset === undefined) {
        const user = item.user === undefined ? undefined : String(item.user);
        answers.set(user, [...(answers.get(user) ?? []), label]);
        return;
      }
      if (item.start_offset === undefined || item.end_offset === undefined)
        throw new ImportError(location, `${where}: a span needs both start_offset and end_offset`);
      doc.spans.push({ ...span(item.start_offset, item.end_offset, label), ...(item.user !== undefined && { author: String(item.user) }) });
    });
    doc.documentLabels = [...answers].map(
      ([user, values]): ImportedDocumentLabel => ({ question: QUESTION, values, ...(user !== undefined && { author: user }), location }),
    );
    if (mapped.count > 0) doc.notes = [`doccano label ids mapped by the label map`];
  } else if (labelField === 'cats') {
    const read = parseWith(cats, labelled, location, 'cats');
    const values = Array.isArray(read) ? read : Object.keys(read).filter((name) => read[name] === true || read[name] === 1);
    if (values.length > 0) doc.documentLabels = [{ question: QUESTION, values, location }];
  } else if (labelField === 'entities' && !isTriples) {
    doc.spans = parseWith(entities, labelled, location, 'entities').map((entity) =>
      span(entity.start_offset, entity.end_offset, entity.label, String(entity.id)),
    );
  } else if (isClasses && labelField !== 'entities') {
    doc.documentLabels = [{ question: QUESTION, values: parseWith(classLabels, labelled, location, labelField), location }];
  } else if (labelField !== undefined) {
    doc.spans = parseWith(offsetLabels, labelled, location, labelField).map(([start, end, label]) => span(start, end, label));
  }
  if (value.relations !== undefined) {
    if (labelField !== 'entities' || isTriples) throw new ImportError(location, '"relations" need "entities" with ids to refer to');
    doc.relations = parseWith(relations, value.relations, location, 'relations').map((relation) => ({
      label: relation.type,
      source: String(relation.from_id),
      target: String(relation.to_id),
      location,
    }));
  }
  doc.variant = variantOf(textField, labelField, isTriples, location.record !== undefined);
  checkReferences(doc);
  return doc;
}

/** `array`: the record is an item of a `.json` file's array (doccano 1.x's "JSON" export) rather than a JSONL line. */
function variantOf(textField: string, labelField: string | undefined, isTriples: boolean, array: boolean): string {
  const fields = [textField, ...(labelField === undefined ? [] : [labelField])].map((field) => `"${field}"`).join(', ');
  const v1 = array || textField === 'data' || labelField === 'annotations' || labelField === 'cats' || (labelField === 'entities' && isTriples);
  return `doccano${v1 ? ' 1.x' : ''}${array ? ' JSON' : ''} (${fields}${isTriples && labelField === 'entities' ? ' triples' : ''})`;
}

/** doccano 1.x label ids → names through the user's label map; names pass as they are. */
class LabelIds {
  count = 0;

  constructor(
    private readonly labelMap: Record<string, string> = {},
    private readonly location: SourceLocation,
  ) {}

  name(label: string | number, where: string): string {
    if (typeof label === 'string') return label;
    const id = String(label);
    if (this.labelMap[id] === undefined) {
      throw new ImportError(
        this.location,
        `${where}: label ${id} is a doccano 1.x label id, not a label name; map every id to a schema key ` +
          `with the label map, e.g. labelMap={"${id}": "ORG"} (CLI: --label-map)`,
      );
    }
    this.count++;
    // The id itself goes on: the schema lookup applies the same map.
    return id;
  }
}
