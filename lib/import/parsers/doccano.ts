import { z } from 'zod';
import { ImportError, type ImportedDocument, type ImportSource } from '../types';
import { checkReferences, newDocument, SpanChecker } from './document';
import { baseName } from './input';
import { isObject, jsonLines, nameAndMetadata, parseWith } from './json';

/**
 * doccano JSONL exports, one document per line:
 * - sequence labelling: `{ "text", "label": [[start, end, "LABEL"], …] }` (`labels` accepted too);
 * - with relations: `{ "text", "entities": [{ id, label, start_offset, end_offset }],
 *   "relations": [{ from_id, to_id, type }] }`; entity ids link the relations;
 * - text classification: `"label": ["positive", …]`, read as the answer to the document
 *   question "label".
 * Offsets are code points: doccano's files are written by its Python backend and read by Python
 * tools (spaCy, flair, doccano-transformer), which slice `str`s. doccano states no quote, so only
 * the range can be checked: offsets counted in UTF-16 units (as doccano's browser UI once did,
 * doccano PR #99) cannot be told apart and would land late after an emoji. `name`, `metadata` and every other field
 * are handled as in plain JSONL (./json nameAndMetadata), so doccano's `id` and `Comments` land
 * in the metadata.
 */

const key = z.string().min(1);
const offsetLabels = z.array(z.tuple([z.int(), z.int(), key]));
const classLabels = z.array(key);
const entities = z.array(z.object({ id: z.union([z.int(), key]), label: key, start_offset: z.int(), end_offset: z.int() }));
const relations = z.array(z.object({ from_id: z.union([z.int(), key]), to_id: z.union([z.int(), key]), type: key }));

export async function* parseDoccano(source: ImportSource): AsyncGenerator<ImportedDocument> {
  for await (const { value, location } of jsonLines(source)) {
    if (!isObject(value)) throw new ImportError(location, 'expected a JSON object per line');
    if (typeof value.text !== 'string') throw new ImportError(location, 'text: expected a string');
    if (value.label !== undefined && value.labels !== undefined) throw new ImportError(location, 'both "label" and "labels" are given; keep one');
    const labelField = value.label !== undefined ? 'label' : 'labels';
    const labels = value[labelField];
    if (labels !== undefined && value.entities !== undefined) throw new ImportError(location, `both "${labelField}" and "entities" are given; keep one`);

    const { name, metadata } = nameAndMetadata(value, ['text', 'label', 'labels', 'entities', 'relations'], `${baseName(source.name)}#${location.line}`, location);
    const doc = newDocument(name, value.text, location, metadata);
    const checker = new SpanChecker(value.text);
    const span = (start: number, end: number, label: string, ref?: string) => {
      checker.check(start, end, label, undefined, location);
      return { ...(ref !== undefined && { ref }), start, end, label, location };
    };

    if (Array.isArray(labels) && labels.length > 0 && labels.every((item) => typeof item === 'string')) {
      doc.documentLabels = [{ question: 'label', values: parseWith(classLabels, labels, location, labelField), location }];
    } else if (labels !== undefined) {
      doc.spans = parseWith(offsetLabels, labels, location, labelField).map(([start, end, label]) => span(start, end, label));
    } else if (value.entities !== undefined) {
      doc.spans = parseWith(entities, value.entities, location, 'entities').map((entity) => span(entity.start_offset, entity.end_offset, entity.label, String(entity.id)));
    }
    if (value.relations !== undefined) {
      if (value.entities === undefined) throw new ImportError(location, '"relations" need "entities" with ids to refer to');
      doc.relations = parseWith(relations, value.relations, location, 'relations').map((relation) => ({ label: relation.type, source: String(relation.from_id), target: String(relation.to_id), location }));
    }
    checkReferences(doc);
    yield doc;
  }
}
