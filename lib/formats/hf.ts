import { bioTag, type BioStats } from './bio';
import { jsonLine } from './json-line';
import type { ExportDocument, ExportSchema, ExportSpan } from './model';
import { codePoints, sliceCodePoints } from './text';

/**
 * Hugging Face `datasets` JSON Lines, one record per sentence (the usual granularity for token
 * classification; sentences and tokens come from lib/tokenize, tags from ./bio):
 *   id           "<document id>:<sentence index>"
 *   document_id, sentence (0-based index in the document)
 *   offset       code point offset of the sentence in the document text
 *   text         the sentence text (text[offset : offset + length])
 *   tokens       the sentence's tokens
 *   ner_tags     class ids into hfClassNames(schema): O, then B-X, I-X for every ENTITY label in
 *                schema order (retired labels included, so ids stay stable)
 *   spans        the ENTITY spans whose first token is in this sentence, as annotated (nested and
 *                untrimmed ones too, unlike ner_tags), with document code point offsets;
 *                subtract `offset` for offsets into `text`
 * Load with `load_dataset("json", data_files=..., features=Features.from_dict(info["features"]))`.
 */

export function hfClassNames(schema: ExportSchema): string[] {
  return ['O', ...schema.labels.filter((label) => label.layer === 'ENTITY').flatMap((label) => [`B-${label.key}`, `I-${label.key}`])];
}

export function hfDocument(doc: ExportDocument, classNames: readonly string[]): { text: string; stats: BioStats } {
  const ids = new Map(classNames.map((name, id) => [name, id]));
  const { sentences, stats, placements } = bioTag(doc);
  const points = codePoints(doc.text);
  const spansBySentence = new Map<number, ExportSpan[]>();
  for (const { span, sentence } of placements) {
    const list = spansBySentence.get(sentence);
    if (list) list.push(span);
    else spansBySentence.set(sentence, [span]);
  }
  const text = sentences
    .map((sentence, index) =>
      jsonLine({
        id: `${doc.id}:${index}`,
        document_id: doc.id,
        sentence: index,
        offset: sentence.start,
        text: sliceCodePoints(points, sentence.start, sentence.end),
        tokens: sentence.tokens.map((token) => token.text),
        ner_tags: sentence.tags.map((tag) => {
          const id = ids.get(tag);
          if (id === undefined) throw new Error(`document ${doc.id}: tag ${tag} is not a class name; is its label in the schema's ENTITY layer?`);
          return id;
        }),
        spans: (spansBySentence.get(index) ?? []).map((span) => ({ start: span.start, end: span.end, label: span.label })),
      }),
    )
    .join('');
  return { text, stats };
}

interface HfInfoOptions {
  description?: string;
  citation?: string;
  homepage?: string;
  license?: string;
}

const value = (dtype: string) => ({ dtype, _type: 'Value' });

/** The `dataset_info.json` object declaring the features of hfDocument's records. */
export function hfDatasetInfo(schema: ExportSchema, options: HfInfoOptions = {}) {
  return {
    description: options.description ?? '',
    citation: options.citation ?? '',
    homepage: options.homepage ?? '',
    license: options.license ?? '',
    features: {
      id: value('string'),
      document_id: value('string'),
      sentence: value('int32'),
      offset: value('int32'),
      text: value('string'),
      tokens: { feature: value('string'), _type: 'Sequence' },
      ner_tags: { feature: { names: hfClassNames(schema), _type: 'ClassLabel' }, _type: 'Sequence' },
      spans: [{ start: value('int32'), end: value('int32'), label: value('string') }],
    },
  };
}
