import { z } from 'zod';
import { ImportError, type ImportedDocument, type ImportedSpan, type ImportSource, type SourceLocation } from '../types';
import { checkReferences, newDocument, SpanChecker } from './document';
import { importLimits, tooLarge } from '../limits';
import { baseName, decodeUtf8, readBytes } from './input';
import { isObject, jsonLines, jsonObject, parseJson, parseWith, type JsonRecord } from './json';

/**
 * Label Studio exports ("JSON": an array of tasks; a single task object and JSON Lines with one
 * task per line are read too), one document per task:
 * - text: `data.text`, or else the first string field of `data`; the other `data` fields become
 *   metadata; the name is `<file>#<task id>` (`#<record>` without an id).
 * - every annotation's and prediction's results: `labels` → spans (one label per region; the
 *   author is the annotation's `completed_by`, or the prediction's `model_version`);
 *   `relation` → relations (label = first of `labels`, else "RELATED"; direction "left" is
 *   reversed, "bi" kept as the attribute `direction`); `choices` → the answer to the question
 *   named by `from_name`, or, when the result belongs to a region (same id as a `labels`
 *   result), the region's attribute `from_name`. Other result types are rejected by name.
 * - span refs are `<annotations|predictions>[i]/<result id>`: Label Studio result ids are unique
 *   only within one annotation (annotators copy predictions with their ids).
 *
 * Offsets: current Label Studio stores code point offsets (fixed in late 2021, label-studio PR
 * #1662 "emoji in NER"; its editor tests check code point offsets around emoji), older versions
 * stored the browser's UTF-16 offsets (label-studio issue #1347). The two only differ after a
 * character outside the BMP, so for such texts each task is read in the unit under which every
 * region fits the text and its stated `value.text`: code points first, else UTF-16 (converted).
 * Without stated texts only the ranges decide; when neither unit fits, errors are reported as
 * code points.
 */

const id = z.union([z.int(), z.string().min(1)]);
const annotation = z.object({
  completed_by: z.union([id, z.object({ id: id.optional(), email: z.string().optional() })]).optional(),
  model_version: z.union([z.string(), z.number()]).optional(),
  result: z.array(jsonObject),
});
const task = z.object({ id: id.optional(), data: jsonObject, annotations: z.array(annotation).optional(), predictions: z.array(annotation).optional() });
const result = z.object({ id: id.optional(), type: z.string(), from_name: z.string().optional() });
const labelsValue = z.object({ start: z.int(), end: z.int(), text: z.string().optional(), labels: z.array(z.string().min(1)).length(1, 'a region with several labels cannot be one span; give it one label') });
const choicesValue = z.object({ choices: z.array(z.string()) });
const relation = z.object({ from_id: id, to_id: id, direction: z.enum(['left', 'right', 'bi']).optional(), labels: z.array(z.string().min(1)).optional() });

const SUPPORTED = 'labels, choices, relation';

export async function* parseLabelStudio(source: ImportSource): AsyncGenerator<ImportedDocument> {
  for await (const record of taskRecords(source)) yield readTask(record, baseName(source.name));
}

async function* taskRecords(source: ImportSource): AsyncGenerator<JsonRecord> {
  if (/\.(jsonl|ndjson)$/i.test(source.name)) {
    yield* jsonLines(source);
    return;
  }
  // A JSON document cannot be split before it is parsed: the whole export is held in memory,
  // so it is bounded like a JSON request body.
  const limits = importLimits();
  const bytes = await readBytes(source, limits.jsonBodyBytes, () => tooLarge(`The file ${source.name}`, 'jsonBodyBytes', limits));
  const value = parseJson(decodeUtf8(bytes, source.name), { file: source.name });
  const tasks = Array.isArray(value) ? value : [value];
  for (const [index, item] of tasks.entries()) yield { value: item, location: { file: source.name, record: index + 1 } };
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

function readTask({ value, location }: JsonRecord, base: string): ImportedDocument {
  const parsed = parseWith(task, value, location);
  const textField = typeof parsed.data.text === 'string' ? 'text' : Object.keys(parsed.data).find((key) => typeof parsed.data[key] === 'string');
  const text = textField === undefined ? undefined : parsed.data[textField];
  if (typeof text !== 'string') throw new ImportError(location, 'data: no text field (expected "text" or another string field)');
  const metadata = Object.fromEntries(Object.entries(parsed.data).filter(([key]) => key !== textField));
  const doc = newDocument(`${base}#${parsed.id ?? location.record ?? location.line}`, text, location, metadata);

  const sources = [
    ...(parsed.annotations ?? []).map((item, index) => ({ result: item.result, path: `annotations[${index}]`, author: authorOf(item.completed_by) })),
    ...(parsed.predictions ?? []).map((item, index) => ({ result: item.result, path: `predictions[${index}]`, author: item.model_version === undefined ? undefined : String(item.model_version) })),
  ];
  const regions = sources.flatMap((annotationSource) => readResults(annotationSource, doc, location));
  doc.spans = toSpans(regions, new SpanChecker(text), location);
  checkReferences(doc);
  return doc;
}

interface ResultSource {
  result: Record<string, unknown>[];
  /** `annotations[i]` or `predictions[i]`. */
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

function toSpans(regions: Region[], checker: SpanChecker, location: SourceLocation): ImportedSpan[] {
  const asUtf16 = (region: Region) => ({ ...region, start: checker.fromUtf16(region.start) ?? -1, end: checker.fromUtf16(region.end) ?? -1 });
  const fitAll = (list: Region[]) => list.every(({ start, end, quote }) => checker.fits(start, end, quote));
  let read = regions;
  let note = '';
  if (checker.hasAstral && !fitAll(regions)) {
    const converted = regions.map(asUtf16);
    if (fitAll(converted)) read = converted;
    else note = ', offsets read as code points (as UTF-16 units they do not fit either)';
  }
  return read.map(({ ref, start, end, label, quote, author, where, attributes }) => {
    checker.check(start, end, label, quote, location, `${where}${note}`);
    return { ref, start, end, label, ...(quote !== undefined && { quote }), ...(Object.keys(attributes).length > 0 && { attributes }), ...(author !== undefined && { author }), location };
  });
}

function authorOf(completedBy: z.infer<typeof annotation>['completed_by']): string | undefined {
  if (completedBy === undefined) return undefined;
  if (isObject(completedBy)) return completedBy.email ?? (completedBy.id === undefined ? undefined : String(completedBy.id));
  return String(completedBy);
}
