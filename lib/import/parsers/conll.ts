import { codePointLength } from '@/lib/offsets';
import { ImportError, type ImportedDocument, type ImportedSpan, type ImportSource, type SourceLocation } from '../types';
import { newDocument } from './document';
import { baseName, readLines } from './input';

/**
 * CoNLL-style token-per-line files with entity tags (CoNLL-2003, `.bio`, `.iob`), read as the
 * bytes arrive:
 * - one token per line: the token in the first whitespace-separated column, the tag in the last;
 *   blank lines end sentences, `-DOCSTART-` lines start documents. Documents are named
 *   `<file>#1`, `<file>#2`, … when the file has `-DOCSTART-` lines, else the file has one
 *   document named after it.
 * - CoNLL has no text, so it is rebuilt as lib/formats/conll.ts does (so Glossa's CoNLL export
 *   reads back to the same text): tokens joined by one space, sentences joined by '\n'.
 * - tags: O, B-X, I-X, and BIOES's E-X and S-X. An I-X that does not continue an X span starts
 *   one (IOB1 files, and BIO files with that slip, read as conlleval reads them; there is no
 *   channel for warnings); E-X ends the span it continues, or is a one-token span. Spans end at
 *   sentence breaks.
 * - `.conllu`: `#` comment lines, multiword-token and empty-node lines are skipped, the token is
 *   the FORM (second) column, and `_` in the last column (MISC) means O.
 * lib/formats/conll.ts has a reader too, but it takes the whole file and knows only B/I/O.
 */

const TAG = /^(?:O|([BIES])-(\S+))$/;

export async function* parseConll(source: ImportSource): AsyncGenerator<ImportedDocument> {
  const file = source.name;
  const conllu = /\.conllu$/i.test(file);
  const base = baseName(file);
  let builder = new DocumentBuilder({ file, line: 1 });
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
      builder = new DocumentBuilder(location);
    } else if (fields.length === 0) {
      builder.endSentence();
    } else if (conllu && (fields[0]?.startsWith('#') || /[-.]/.test(fields[0] ?? ''))) {
      continue;
    } else {
      const token = conllu ? fields[1] : fields[0];
      const tag = conllu && fields[fields.length - 1] === '_' ? 'O' : fields[fields.length - 1];
      if (fields.length < 2 || token === undefined || tag === undefined) throw new ImportError(location, 'expected a token and a tag separated by whitespace');
      const match = TAG.exec(tag);
      if (!match) throw new ImportError(location, `tag ${JSON.stringify(tag)} is not O, B-<type>, I-<type>, E-<type> or S-<type>`);
      builder.add(token, match[1] as 'B' | 'I' | 'E' | 'S' | undefined, match[2] ?? '', location);
    }
  }
  if (!numbered && !builder.hasTokens) throw new ImportError({ file }, 'the file has no tokens');
  yield finish();
}

class DocumentBuilder {
  private readonly pieces: string[] = [];
  private readonly spans: ImportedSpan[] = [];
  private offset = 0;
  private inSentence = false;
  private open: ImportedSpan | undefined;

  constructor(private readonly location: SourceLocation) {}

  get hasTokens(): boolean {
    return this.pieces.length > 0;
  }

  add(token: string, prefix: 'B' | 'I' | 'E' | 'S' | undefined, label: string, location: SourceLocation): void {
    if (this.hasTokens) {
      this.pieces.push(this.inSentence ? ' ' : '\n');
      this.offset += 1;
    }
    this.inSentence = true;
    const start = this.offset;
    this.pieces.push(token);
    this.offset += codePointLength(token);
    const continues = (prefix === 'I' || prefix === 'E') && this.open?.label === label;
    if (continues && this.open) this.open.end = this.offset;
    else {
      this.close();
      if (prefix !== undefined) this.open = { start, end: this.offset, label, location };
    }
    if (prefix === 'E' || prefix === 'S') this.close();
  }

  endSentence(): void {
    this.close();
    this.inSentence = false;
  }

  finish(name: string): ImportedDocument {
    this.close();
    const doc = newDocument(name, this.pieces.join(''), this.location);
    doc.spans = this.spans;
    return doc;
  }

  private close(): void {
    if (this.open) this.spans.push(this.open);
    this.open = undefined;
  }
}
