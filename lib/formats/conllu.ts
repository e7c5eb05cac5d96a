import { bioTag, type BioStats } from './bio';
import type { ExportDocument } from './model';
import { codePoints, sliceCodePoints } from './text';

/**
 * CoNLL-U (https://universaldependencies.org/format.html) of the ENTITY layer, tags in MISC:
 *   # newdoc id = <document name>
 *   # sent_id = <document name>-<n>
 *   # text = <the sentence's text>
 *   <n> TAB FORM TAB _ … _ TAB NER=<tag>[|SpaceAfter=No]
 * One line per token (tokens and sentences as in ./bio: the document's source tokens when it has
 * them, fitted to the spans), tags BIO2 as in CoNLL, `SpaceAfter=No` where the next token follows
 * without whitespace; a blank line after every sentence. LEMMA to DEPS are `_`: Glossa has no
 * syntax. Whitespace inside `# text` and the document name (a sentence merged across a line
 * break) is written as one space, since a comment is one line.
 */
export function conlluDocument(doc: ExportDocument): { text: string; stats: BioStats } {
  const { sentences, stats } = bioTag(doc);
  const points = codePoints(doc.text);
  const name = oneLine(doc.name);
  let text = `# newdoc id = ${name}\n`;
  sentences.forEach((sentence, index) => {
    text += `# sent_id = ${name}-${index + 1}\n# text = ${oneLine(sliceCodePoints(points, sentence.start, sentence.end))}\n`;
    sentence.tokens.forEach((token, position) => {
      const next = sentence.tokens[position + 1];
      const misc = `NER=${sentence.tags[position]}${next && next.start === token.end ? '|SpaceAfter=No' : ''}`;
      text += `${position + 1}\t${token.text}\t_\t_\t_\t_\t_\t_\t_\t${misc}\n`;
    });
    text += '\n';
  });
  return { text, stats };
}

const oneLine = (value: string) => value.replace(/\s+/g, ' ').trim();
