import { bioTag, type BioStats } from './bio';
import type { ExportDocument } from './model';

/**
 * spaCy's JSON training format, the shape spaCy 3's `docs_to_json` writes and
 * `python -m spacy convert data.json .` turns into a `.spacy` DocBin (spacy/training/gold_io.pyx,
 * converters/json_to_docs.py). The file is one JSON array with one object per Glossa document:
 *   { "id": <index>, "paragraphs": [{ "raw", "sentences": [{ "tokens": [{ "id", "orth", "space",
 *     "ner" }], "brackets": [] }], "cats": [], "entities": [[start, end, label]], "links": [] }] }
 * Tokens, sentences and tags are those of CoNLL (./bio), with tags in BILUO (U- for one-token
 * entities, L- for the last token of longer ones). spaCy builds each doc from `orth` and `space`
 * (the whitespace after a token, "" or " "), not from `raw`, so `raw` is exactly that text and
 * `entities` are code point offsets into it: whitespace runs between tokens, line breaks
 * included, become one space. `id` numbers tokens through the document, as spaCy's token.i.
 * (The binary DocBin itself is not written: its msgpack layout could not be checked against
 * spaCy here.)
 */

export const SPACY_HEADER = '[';
export const SPACY_FOOTER = '\n]\n';

export function spacyDocument(doc: ExportDocument, index: number): { text: string; stats: BioStats } {
  const { sentences, stats } = bioTag(doc);
  const flat = sentences.flatMap((sentence) => sentence.tokens);
  let raw = '';
  let rawLength = 0;
  let id = 0;
  const entities: [number, number, string][] = [];
  const jsonSentences = sentences.map((sentence) => ({
    tokens: sentence.tokens.map((token, position) => {
      const next = flat[id + 1];
      const space = next && next.start > token.end ? ' ' : '';
      const ner = biluo(sentence.tags, position);
      const start = rawLength;
      raw += token.text + space;
      rawLength += Array.from(token.text).length;
      if (ner.startsWith('B-') || ner.startsWith('U-')) entities.push([start, rawLength, ner.slice(2)]);
      else if (ner.startsWith('L-') || ner.startsWith('I-')) entities[entities.length - 1]![1] = rawLength;
      rawLength += space.length;
      return { id: id++, orth: token.text, space, ner };
    }),
    brackets: [],
  }));
  const json = { id: index, paragraphs: [{ raw, sentences: jsonSentences, cats: [], entities, links: [] }] };
  return { text: `${index > 0 ? ',' : ''}\n${JSON.stringify(json)}`, stats };
}

/** The BILUO tag of a BIO2 sequence's token: B- alone is U-, the I- ending an entity is L-. */
function biluo(tags: readonly string[], position: number): string {
  const tag = tags[position]!;
  if (tag === 'O') return tag;
  const continues = tags[position + 1]?.startsWith('I-') ?? false;
  if (tag.startsWith('B-')) return continues ? tag : `U-${tag.slice(2)}`;
  return continues ? tag : `L-${tag.slice(2)}`;
}
