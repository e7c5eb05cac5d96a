import { bioTag, type BioStats } from './bio';
import { FormatError, numberedLines } from './errors';
import { GOLD_AUTHOR, type ExportDocument, type ExportSpan } from './model';
import { codePointLength } from './text';
import type { Sentence } from '@/lib/tokenize';

/**
 * CoNLL-2003 style BIO (BIO2 / IOB2) for the ENTITY layer, readable by conlleval:
 * per document a `-DOCSTART- -X- -X- O` line and a blank line, then one `token<TAB>tag` line per
 * token and a blank line after every sentence. Tokens and sentences come from lib/tokenize; how
 * spans become tags (token boundaries, nesting, sentence breaks) is stated in ./bio.
 *
 * CoNLL has no text, only tokens, so the reader rebuilds it: tokens joined by one space, sentences
 * joined by '\n', and returns the source's own tokens and sentences with it (`sentences`), which
 * the writer uses instead of tokenizing: write → read → write gives the same bytes, and a file
 * read gives back its tokens, sentences and tags (IOB1 comes out as IOB2). Documents carry no id or
 * name in CoNLL; the reader numbers them `document-1`, `document-2`, ….
 */

export const CONLL_DOCSTART = '-DOCSTART- -X- -X- O';

export function conllDocument(doc: ExportDocument): { text: string; stats: BioStats } {
  const { sentences, stats } = bioTag(doc);
  let text = `${CONLL_DOCSTART}\n\n`;
  for (const { tokens, tags } of sentences) {
    for (let index = 0; index < tokens.length; index++) text += `${tokens[index]!.text}\t${tags[index]}\n`;
    text += '\n';
  }
  return { text, stats };
}

const TAG = /^(?:O|([BI])-(\S+))$/;

interface ConllReadOptions {
  /** Author given to every span read; CoNLL does not record one. Default 'gold'. */
  author?: string;
  source?: string;
}

interface Entity {
  label: string;
  first: number;
  last: number;
}

interface SentenceBuilder {
  tokens: string[];
  entities: Entity[];
}

/**
 * Parses CoNLL with the token in the first and the tag in the last whitespace-separated column
 * (so 4-column CoNLL-2003 files read too). Tags are O, B-X or I-X; an I-X that does not continue
 * an X entity starts a new one, as conlleval reads it (IOB1 files therefore read correctly).
 */
export function readConll(input: string, options: ConllReadOptions = {}): ExportDocument[] {
  const source = options.source ?? 'conll';
  const documents: SentenceBuilder[][] = [];
  let document: SentenceBuilder[] | undefined;
  let sentence: SentenceBuilder | undefined;
  let open: Entity | undefined;
  for (const { line, text } of numberedLines(input)) {
    const fields = text.trim().split(/\s+/);
    const token = fields[0];
    const tag = fields[fields.length - 1];
    if (token === '-DOCSTART-' || token === '') {
      if (token === '-DOCSTART-') documents.push((document = []));
      sentence = open = undefined;
      continue;
    }
    if (fields.length < 2 || token === undefined || tag === undefined) throw new FormatError(source, line, 'expected a token and a tag separated by a tab');
    const match = TAG.exec(tag);
    if (!match) throw new FormatError(source, line, `tag ${JSON.stringify(tag)} is not O, B-<type> or I-<type>`);
    if (!document) documents.push((document = []));
    if (!sentence) document.push((sentence = { tokens: [], entities: [] }));
    const index = sentence.tokens.push(token) - 1;
    const [, prefix, label] = match;
    if (!prefix || !label) {
      open = undefined;
    } else if (prefix === 'I' && open?.label === label) {
      open.last = index;
    } else {
      sentence.entities.push((open = { label, first: index, last: index }));
    }
  }
  return documents.map((sentences, index) => buildDocument(sentences, `document-${index + 1}`, options.author ?? GOLD_AUTHOR));
}

function buildDocument(sentences: SentenceBuilder[], id: string, author: string): ExportDocument {
  const spans: ExportSpan[] = [];
  const tokenized: Sentence[] = [];
  let offset = 0;
  for (const sentence of sentences) {
    const starts: number[] = [];
    const tokens = sentence.tokens.map((token) => {
      const start = offset;
      starts.push(start);
      offset += codePointLength(token) + 1;
      return { text: token, start, end: offset - 1 };
    });
    tokenized.push({ start: tokens[0]?.start ?? 0, end: tokens[tokens.length - 1]?.end ?? 0, tokens });
    for (const { label, first, last } of sentence.entities) {
      const quote = sentence.tokens.slice(first, last + 1).join(' ');
      const start = starts[first] ?? 0;
      spans.push({ id: `T${spans.length + 1}`, start, end: start + codePointLength(quote), label, layer: 'ENTITY', quote, author, attributes: {} });
    }
  }
  const text = sentences.map((sentence) => sentence.tokens.join(' ')).join('\n');
  return { id, name: id, text, metadata: {}, spans, relations: [], documentLabels: [], sentences: tokenized };
}
