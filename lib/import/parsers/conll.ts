import { ImportError, type ImportedDocument, type ImportSource } from '../types';
import { baseName, readLines } from './input';
import { readRecord } from './json';
import { parseTag, TokenDocumentBuilder } from './token-document';

/**
 * CoNLL-style token-per-line files with entity tags (CoNLL-2003, `.bio`, `.iob`), read as the
 * bytes arrive:
 * - one token per line: the token in the first whitespace-separated column, the tag in the last;
 *   blank lines end sentences, `-DOCSTART-` lines start documents. Documents are named
 *   `<file>#1`, `<file>#2`, … when the file has `-DOCSTART-` lines, else the file has one
 *   document named after it.
 * - CoNLL has no text, so it is rebuilt: tokens joined by one space, sentences joined by '\n'; the
 *   file's tokens and sentences are kept with the document (./token-document), so exports give
 *   them back token for token. Columns between the token and the tag (POS, chunk) are not kept.
 * - tags: O, B-X, I-X, and BIOES's E-X and S-X, read as ./token-document states.
 * - `.conllu` files are read by ./conllu.
 */

export async function* parseConll(source: ImportSource, onProblem?: (problem: ImportError) => void): AsyncGenerator<ImportedDocument> {
  const file = source.name;
  const base = baseName(file);
  const newBuilder = (line: number) => new TokenDocumentBuilder({ file, line }, 'source:conll');
  let builder = newBuilder(1);
  let numbered = false;
  let count = 0;
  const finish = () => builder.finish(numbered ? `${base}#${++count}` : base);

  for await (const { line, text } of readLines(source)) {
    const fields = text.trim() === '' ? [] : text.trim().split(/\s+/);
    const location = { file, line };
    if (fields[0] === '-DOCSTART-') {
      const ended = numbered || builder.hasTokens;
      numbered = true;
      if (ended) yield finish();
      builder = newBuilder(line);
    } else if (fields.length === 0) {
      builder.endSentence();
    } else {
      // A bad line is reported (with onProblem) and the next one read, so every bad line is listed.
      readRecord(() => {
        const token = fields[0];
        const tag = fields[fields.length - 1];
        if (fields.length < 2 || token === undefined || tag === undefined)
          throw new ImportError(location, 'expected a token and a tag separated by whitespace (CoNLL: the token first, the BIO tag last)');
        const parsed = parseTag(tag);
        if (!parsed) throw new ImportError(location, `tag ${JSON.stringify(tag)} is not O, B-<type>, I-<type>, E-<type> or S-<type>`);
        builder.add(token, parsed.prefix, parsed.label, location);
      }, onProblem);
    }
  }
  if (!numbered && !builder.hasTokens) throw new ImportError({ file }, 'the file has no tokens');
  yield finish();
}
