import { ImportError, type ImportedDocument, type ImportSource, type SourceLocation } from '../types';
import { baseName, readLines } from './input';
import { readRecord } from './json';
import { parseTag, TokenDocumentBuilder } from './token-document';

/**
 * CoNLL-U (https://universaldependencies.org/format.html) with named entities in the MISC column
 * (`NER=B-PER`, BIO or BIOES; a token without NER is O), read as the bytes arrive:
 * - ten tab-separated columns per token line; the token is FORM, the text is rebuilt from the
 *   forms with one space between tokens except after `SpaceAfter=No`, and '\n' between
 *   sentences (so `# text` is not needed, and not checked). Tokens and sentences are kept
 *   with the document (./token-document).
 * - `# newdoc id = X` starts a document named X; without it the file is one document named after
 *   it. Other comments (`# sent_id`, `# text`, `# newpar`) are read past: the export writes them anew.
 * - a multi-word token range (`1-2  du`) is kept as one token with its surface form, tagged with
 *   its own NER or else its first word's tag other than O; the syntactic words inside it
 *   (`1 de`, `2 le`) are not kept.
 *   Empty nodes (`1.1`) have no surface form and are skipped. Both are counted in the import report.

 * - LEMMA, UPOS, XPOS, FEATS, HEAD, DEPREL and DEPS are not kept.
 */

export const MULTIWORD_SKIPPED = 'CoNLL-U multi-word tokens kept whole, their syntactic words not kept';
export const EMPTY_NODES_SKIPPED = 'CoNLL-U empty nodes (1.1) not kept';
const COLUMNS = 10;
const FORM = 1;
const MISC = 9;
const NEWDOC = /^#\s*newdoc(?:\s+id\s*=\s*(.*\S))?/;

interface Multiword {
  last: number;
  form: string;
  misc: Map<string, string>;
  tag?: string;
  /** The range line has NER itself; else the token takes its first word's tag other than O. */
  own: boolean;
}

export async function* parseConllu(source: ImportSource, onProblem?: (problem: ImportError) => void): AsyncGenerator<ImportedDocument> {
  const file = source.name;
  const newBuilder = (line: number) => new TokenDocumentBuilder({ file, line }, 'source:conllu');
  let builder = newBuilder(1);
  let name = baseName(file);
  let spaceBefore = true;
  let multiword: Multiword | undefined;
  let counts = { multiword: 0, empty: 0 };
  const finish = () => {
    const doc = builder.finish(name);
    doc.skipped = {
      ...(counts.multiword > 0 && { [MULTIWORD_SKIPPED]: counts.multiword }),
      ...(counts.empty > 0 && { [EMPTY_NODES_SKIPPED]: counts.empty }),
    };
    return doc;
  };
  let documents = 0;

  for await (const { line, text } of readLines(source)) {
    const location = { file, line };
    if (text.startsWith('#')) {
      const newdoc = NEWDOC.exec(text);
      if (!newdoc) continue;
      if (builder.hasTokens) {
        yield finish();
        documents++;
      }
      builder = newBuilder(line);
      name = newdoc[1] ?? `${baseName(file)}#${documents + 1}`;
      counts = { multiword: 0, empty: 0 };
      continue;
    }
    if (text.trim() === '') {
      if (multiword) throw new ImportError(location, `the sentence ends inside the multi-word token "${multiword.form}"`);
      builder.endSentence();
      spaceBefore = true;
      continue;
    }
    // A bad token line is reported (with onProblem) and the next one read, so every bad line is listed.
    readRecord(() => tokenLine(text, location), onProblem);
  }
  if (!builder.hasTokens) {
    if (documents === 0) throw new ImportError({ file }, 'the file has no tokens');
    return;
  }
  yield finish();

  function tokenLine(text: string, location: SourceLocation): void {
    const fields = text.split('\t');
    if (fields.length !== COLUMNS)
      throw new ImportError(
        location,
        `expected ${COLUMNS} tab-separated columns (ID FORM LEMMA UPOS XPOS FEATS HEAD DEPREL DEPS MISC), found ${fields.length}`,
      );
    const id = fields[0]!;
    const form = fields[FORM]!;
    const misc = miscFields(fields[MISC]!);
    const range = /^(\d+)-(\d+)$/.exec(id);
    if (range) {
      multiword = { last: Number(range[2]), form, misc, tag: misc.get('NER'), own: misc.has('NER') };
      counts.multiword++;
    } else if (/^\d+\.\d+$/.test(id)) {
      counts.empty++;
    } else if (/^\d+$/.test(id)) {
      if (!multiword) {
        add(form, misc, misc.get('NER'), location);
      } else {
        if (!multiword.own && (multiword.tag === undefined || multiword.tag === 'O')) multiword.tag = misc.get('NER') ?? multiword.tag;
        if (Number(id) >= multiword.last) {
          add(multiword.form, multiword.misc, multiword.tag, location);
          multiword = undefined;
        }
      }
    } else {
      throw new ImportError(location, `ID ${JSON.stringify(id)} is not a word index (1), a multi-word range (1-2) or an empty node (1.1)`);
    }
  }

  function add(form: string, misc: Map<string, string>, tag: string | undefined, location: SourceLocation): void {
    if (form === '' || /\s/.test(form)) throw new ImportError(location, `FORM ${JSON.stringify(form)} is empty or contains whitespace`);
    const parsed = parseTag(tag ?? 'O');
    if (!parsed) throw new ImportError(location, `NER=${tag} is not O, B-<type>, I-<type>, E-<type> or S-<type>`);
    builder.add(form, parsed.prefix, parsed.label, location, spaceBefore);
    spaceBefore = misc.get('SpaceAfter') !== 'No';
  }
}

/** MISC `NER=B-PER|SpaceAfter=No` → its key=value pairs; `_` is none. */
function miscFields(misc: string): Map<string, string> {
  const fields = new Map<string, string>();
  if (misc === '_') return fields;
  for (const part of misc.split('|')) {
    const equals = part.indexOf('=');
    if (equals > 0) fields.set(part.slice(0, equals), part.slice(equals + 1));
  }
  return fields;
}
