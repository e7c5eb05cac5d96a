import { bioTag, type BioStats } from './bio';
import type { ExportDocument } from './model';

/**
 * CoNLL-2003 style BIO (BIO2 / IOB2) for the ENTITY layer, readable by conlleval:
 * per document a `-DOCSTART- -X- -X- O` line and a blank line, then one `token<TAB>tag` line per
 * token and a blank line after every sentence. Tokens and sentences come from lib/tokenize; how
 * spans become tags (token boundaries, nesting, sentence breaks) is stated in ./bio.
 *
 * CoNLL has no text, only tokens, so the import (lib/import/parsers/conll.ts) rebuilds it: tokens
 * joined by one space, sentences joined by '\n', and stores the source's own tokens and sentences
 * with the document, which the writer then uses (`sentences`) instead of tokenizing: an imported
 * CoNLL file exports as the same bytes (IOB1 comes out as IOB2).
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
