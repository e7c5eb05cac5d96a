import { z } from 'zod';
import { ImportError, type ImportedDocument, type ImportedSpan, type ImportSource, type OffsetUnit, type ParseOptions, type SourceLocation } from '../types';
import { checkReferences, newDocument, SpanChecker } from './document';
import { baseName } from './input';
import { isObject, jsonObject, jsonRecords, parseWith, readRecord, type JsonRecord } from './json';

/**
 * Label Studio exports ("JSON": an array of tasks; a single task object and JSON Lines with one
 * task per line are read too), one document per task. Three variants, named in the import report:
 * - `label-studio (JSON)`: tasks with `data` and `annotations` / `predictions`;
 * - `label-studio 0.x (completions)`: Label Studio before 1.0 called the annotations `completions`
 *   (same result format); they are read exactly like `annotations`;
 * - `label-studio (JSON-MIN)`: flat records, one per annotation: the task's data fields, the
 *   annotation's `id`, `annotator`, `annotation_id`, timestamps and `lead_time`, and one field per
 *   control tag, named by its `from_name`: regions `[{ start, end, text, labels: [..] }]`, or
 *   `{ choices: [..] }` for a multiple choice. A single choice is written as a plain string and
 *   cannot be told from a data field, so it stays metadata.
 * In the JSON variants:
 * - text: `data.text`, or else the first string field of `data`; the other `data` fields become
 *   metadata; the name is `<file>#<task id>` (`#<record>` without an id).
 * - every annotation's and prediction's results: `labels` → spans (one label per region; the
 *   author is the annotation's `completed_by`, or the prediction's `model_version`);
 *   `relation` → relations (label = first of `labels`, else "RELATED"; direction "left" is
 *   reversed, "bi" kept as the attribute `direction`); `choices` → the answer to the question
 *   named by `from_name`, or, when the result belongs to a region (same id as a `labels`
 *   result), the region's attribute `from_name`. Other result types are rejected by name.
 * - span refs are `<annotations|completions|predictions>[i]/<result id>`: Label Studio result ids
 *   are unique only within one annotation (annotators copy predictions with their ids).
 *
 * Offsets: current Label Studio stores code point offsets (fixed in late 2021, label-studio PR
 * #1662 "emoji in NER"; its editor tests check code point offsets around emoji), older versions
 * stored the browser's UTF-16 offsets (label-studio issue #1347). The two only differ after a
 * character outside the BMP, so for such texts each task is read in the unit under which every
 * region fits the text and its stated `value.text`: code points, else UTF-16 (converted, and
 * noted in the report). When both units fit (no stated text decides) the task is refused rather
 * than read in a guessed unit, unless the import names the unit (`offsetUnit`). When neither
 * fits, errors are reported as code points.
 */

const id = z.union([z.int(), z.string().min(1)]);
const annotation = z.object({
  completed_by: z.union([id, z.object({ id: id.optional(), email: z.string().optional() })]).optional(),
  model_version: z.union([z.string(), z.number()]).optional(),
  result: z.array(jsonObject),
});
const task = z.object({
  id: id.optional(),
  data: jsonObject,
  annotations: z.array(annotation).optional(),
  completions: z.array(annotation).optional(),
  predictions: z.array(annotation).optional(),
});
const minRegion = z.object({
  start: z.int(),
  end: z.int(),
  text: z.string().optional(),
  labels: z.array(z.string().min(1)).length(1, 'a region with several labels cannot be one span; give it one label'),
});
const minChoices = z.object({ choices: z.array(z.string()) }).strict();
const result = z.object({ id: id.optional(), type: z.string(), from_name: z.string().optional() });
const labelsValue = z.object({
  start: z.int(),
  end: z.int(),
  text: z.string().optional(),
  labels: z.array(z.string().min(1)).length(1, 'a region with several labels cannot be one span; give it one label'),
});
const choicesValue = z.object({ choices: z.array(z.string()) });
const relation = z.object({ from_id: id, to_id: id, direction: z.enum(['left', 'right', 'bi']).optional(), labels: z.array(z.string().min(1)).optional() });

const SUPPORTED = 'labels, choices, relation';

// The fields JSON-MIN adds to each record beside the task data and the control tags.
const MIN_ANNOTATION_FIELDS = ['id', 'annotator', 'annotation_id', 'created_at', 'updated_at', 'lead_time'];

export async function* parseLabelStudio(source: ImportSource, options: ParseOptions = {}): AsyncGenerator<ImportedDocument> {
  for await (const record of jsonRecords(source, options.onProblem)) {
    const read = isObject(record.value) && !('data' in record.value) ? readMinRecord : readTask;
    // A bad task is reported (with onProblem) and the next one read, so every bad task is listed.
    const document = readRecord(() => read(record, baseName(source.name), options.offsetUnit), options.onProblem);
    if (document !== undefined) yield document;
  }
}

interface Region {
  ref: string;
  start: number;
  end: number;
  label: string;
  quote: string | undefined;
  author: string | undefined;
  where: string;
  attributes: Record<string, unknown>;
}

function readTask({ value, location }: JsonRecord, base: string, unit: OffsetUnit | undefined): ImportedDocument {
  const parsed = parseWith(task, value, location);
  const textField = typeof parsed.data.text === 'string' ? 'text' : Object.keys(parsed.data).find((key) => typeof parsed.data[key] === 'string');
  const text = textField === undefined ? undefined : parsed.data[textField];
  if (typeof text !== 'string')
    throw new ImportError(
      location,
      'data: no text field (Label Studio JSON: the task\'s data needs "text" or another string field; export the project with its text data)',
    );
  const metadata = Object.fromEntries(Object.entries(parsed.data).filter(([key]) => key !== textField));
  const doc = newDocument(`${base}#${parsed.id ?? location.record ?? location.line}`, text, location, metadata);

  const completed = (field: 'annotations' | 'completions') =>
    (parsed[field] ?? []).map((item, index) => ({ result: item.result, path: `${field}[${index}]`, author: authorOf(item.completed_by) }));
  const sources = [
    ...completed('annotations'),
    ...completed('completions'),
    ...(parsed.predictions ?? []).map((item, index) => ({
      result: item.result,
      path: `predictions[${index}]`,
      author: item.model_version === undefined ? undefined : String(item.model_version),
    })),
  ];
  doc.variant = parsed.completions === undefined ? 'label-studio (JSON)' : 'label-studio 0.x (completions)';
  const regions = sources.flatMap((annotationSource) => readResults(annotationSource, doc, location));
  doc.spans = toSpans(regions, new SpanChecker(text), location, unit, doc);
  checkReferences(doc);
  return doc;
}

/** A JSON-MIN record: one annotation, its regions and multiple choices in fields named by their control tag. */
function readMinRecord({ value, location }: JsonRecord, base: string, unit: OffsetUnit | undefined): ImportedDocument {
  if (!isObject(value)) throw new ImportError(location, 'expected a Label Studio task (a JSON object)');
  const isRegionList = (field: unknown) =>
    Array.isArray(field) && field.length > 0 && field.every((item) => isObject(item) && 'start' in item && 'labels' in item);
  const isChoices = (field: unknown) => isObject(field) && Array.isArray(field.choices);
  const controls = Object.keys(value).filter((key) => isRegionList(value[key]) || isChoices(value[key]));
  const textField =
    typeof value.text === 'string' ? 'text' : Object.keys(value).find((key) => typeof value[key] === 'string' && !MIN_ANNOTATION_FIELDS.includes(key));
  const text = textField === undefined ? undefined : value[textField];
  if (typeof text !== 'string') {
    throw new ImportError(location, 'no "data" object (Label Studio JSON) and no text field (Label Studio JSON-MIN); export the project as JSON or JSON-MIN');
  }
  const consumed = new Set([textField, ...controls, 'annotator']);
  const metadata = Object.fromEntries(Object.entries(value).filter(([key]) => !consumed.has(key)));
  const doc = newDocument(
    `${base}#${typeof value.id === 'string' || typeof value.id === 'number' ? value.id : (location.record ?? location.line)}`,
    text,
    location,
    metadata,
  );
  doc.variant = 'label-studio (JSON-MIN)';
  const author = typeof value.annotator === 'string' || typeof value.annotator === 'number' ? String(value.annotator) : undefined;
  const regions: Region[] = [];
  for (const control of controls) {
    if (isChoices(value[control])) {
      const { choices } = parseWith(minChoices, value[control], location, control);
      doc.documentLabels.push({ question: control, values: choices, ...(author !== undefined && { author }), location });
      continue;
    }
    (value[control] as unknown[]).forEach((raw, index) => {
      const where = `${control}[${index}]`;
      const { start, end, text: quote, labels } = parseWith(minRegion, raw, location, where);
      regions.push({ ref: where, start, end, label: labels[0] ?? '', quote, author, where, attributes: {} });
    });
  }
  doc.spans = toSpans(regions, new SpanChecker(text), location, unit, doc);
  return doc;
}

interface ResultSource {
  result: Record<string, unknown>[];
  /** `annotations[i]`, `completions[i]` or `predictions[i]`. */
  path: string;
  author: string | undefined;
}

/** One annotation's (or prediction's) results: returns its regions, adds its relations and answers to `doc`. */
function readResults({ result: results, path, author }: ResultSource, doc: ImportedDocument, location: SourceLocation): Region[] {
  const ref = (resultId: string | number) => `${path}/${resultId}`;
  const parsed = results.map((raw, index) => ({ raw, where: `${path}.result[${index}]`, head: parseWith(result, raw, location, `${path}.result[${index}]`) }));
  const regions = new Map<string, Region>();
  for (const { raw, where, head } of parsed.filter(({ head }) => head.type === 'labels')) {
    const { start, end, text: quote, labels } = parseWith(labelsValue, raw.value, location, `${where}.value`);
    if (head.id === undefined) throw new ImportError(location, `${where}: a labels result needs an id`);
    if (regions.has(ref(head.id))) throw new ImportError(location, `${where}: result id ${JSON.stringify(head.id)} is used by two regions`);
    regions.set(ref(head.id), { ref: ref(head.id), start, end, label: labels[0] ?? '', quote, author, where, attributes: {} });
  }
  const authored = author === undefined ? {} : { author };
  for (const { raw, where, head } of parsed) {
    if (head.type === 'labels') continue;
    if (head.type === 'choices') {
      const { choices } = parseWith(choicesValue, raw.value, location, `${where}.value`);
      if (head.from_name === undefined) throw new ImportError(location, `${where}: a choices result needs a from_name (the question)`);
      const region = head.id === undefined ? undefined : regions.get(ref(head.id));
      if (region) region.attributes[head.from_name] = choices;
      else doc.documentLabels.push({ question: head.from_name, values: choices, ...authored, location });
    } else if (head.type === 'relation') {
      const { from_id, to_id, direction, labels } = parseWith(relation, raw, location, where);
      const [from, to] = direction === 'left' ? [to_id, from_id] : [from_id, to_id];
      for (const label of labels?.length ? labels : ['RELATED']) {
        doc.relations.push({ label, source: ref(from), target: ref(to), ...(direction === 'bi' && { attributes: { direction } }), ...authored, location });
      }
    } else {
      throw new ImportError(location, `${where}: result type ${JSON.stringify(head.type)} is not supported (${SUPPORTED})`);
    }
  }
  return [...regions.values()];
}

function toSpans(regions: Region[], checker: SpanChecker, location: SourceLocation, unit: OffsetUnit | undefined, doc: ImportedDocument): ImportedSpan[] {
  const { read, note } = inUnit(regions, checker, location, unit);
  if (note) doc.notes = [...(doc.notes ?? []), note];
  const failed = note === undefined ? ', offsets read as code points (as UTF-16 units they do not fit either)' : '';
  return read.map(({ ref, start, end, label, quote, author, where, attributes }) => {
    checker.check(start, end, label, quote, location, `${where}${failed}`);
    return {
      ref,
      start,
      end,
      label,
      ...(quote !== undefined && { quote }),
      ...(Object.keys(attributes).length > 0 && { attributes }),
      ...(author !== undefined && { author }),
      location,
    };
  });
}

/**
 * The regions in code points, with a note for the report when they were read as UTF-16 units.
 * `note` is "" when no reading was needed (no region after a character outside the BMP, or the
 * code point reading fits), undefined when neither reading fits.
 */
function inUnit(regions: Region[], checker: SpanChecker, location: SourceLocation, unit: OffsetUnit | undefined): { read: Region[]; note?: string } {
  const converted = regions.map((region) => ({ ...region, start: checker.fromUtf16(region.start) ?? -1, end: checker.fromUtf16(region.end) ?? -1 }));
  const differ = converted.some((region, index) => region.start !== regions[index]?.start || region.end !== regions[index]?.end);
  if (!checker.hasAstral || !differ || unit === 'code-points') return { read: regions, note: '' };
  if (unit === 'utf-16') return { read: converted, note: 'offsets read as UTF-16 code units (offsetUnit=utf-16)' };
  const fitAll = (list: Region[]) => list.every(({ start, end, quote }) => checker.fits(start, end, quote));
  const asPoints = fitAll(regions);
  const asUnits = fitAll(converted);
  if (asPoints && asUnits) {
    throw new ImportError(
      location,
      'the offsets fit the text both as code points (Label Studio 1.x) and as UTF-16 code units (older ' +
        'Label Studio), which differ after the emoji or other character outside the BMP, and no region ' +
        'text (value.text) tells them apart; name the unit: offsetUnit=code-points or offsetUnit=utf-16',
    );
  }
  if (asPoints) return { read: regions, note: '' };
  if (asUnits) return { read: converted, note: 'offsets converted from UTF-16 code units (older Label Studio)' };
  return { read: regions };
}

function authorOf(completedBy: z.infer<typeof annotation>['completed_by']): string | undefined {
  if (completedBy === undefined) return undefined;
  if (isObject(completedBy)) return completedBy.email ?? (completedBy.id === undefined ? undefined : String(completedBy.id));
  return String(completedBy);
}
