import { AUTHOR_ATTRIBUTE, noteAttributes, STANCE_TARGET_RELATION, TARGET_ATTRIBUTE } from '@/lib/formats/brat';
import { ImportError, type ImportedDocument, type ImportedRelation, type ImportedSpan, type ImportSource, type SourceLocation } from '../types';
import { checkReferences, describeSpan, newDocument, SpanChecker } from './document';
import { parseBinary } from './binary';
import { baseName, decodeUtf8, readText } from './input';

/**
 * brat standoff (https://brat.nlplab.org/standoff.html): a `.zip` holding `x.txt` + `x.ann` pairs
 * in any folders, or one `.ann` uploaded beside its `.txt` — the import API pairs those by base
 * name and calls parseBratPair. The text is the `.txt` as is; offsets are code points (brat is
 * Python). lib/formats/brat.ts reads Glossa's own brat export but needs the project schema to
 * place labels in layers and NFC text; here labels stay source names (the service maps them), so
 * this reader only shares that module's conventions:
 * - T `T1<TAB>LABEL 10 20<TAB>text`: a span. Fragments `10 20;21 30` are one span from the first
 *   start to the last end when only line breaks lie between them (how brat, and Glossa's
 *   export, write a span crossing a line); any other discontinuous span is an error. The stated
 *   text (fragments joined by a space, as brat writes it) must match.
 * - R `R1<TAB>TYPE Arg1:T1 Arg2:T2`: a relation; `StanceTarget` instead makes T2 the stance
 *   target of T1.
 * - A/M `A1<TAB>Name T1 [Value]`: attribute Name (value true when absent) on a span or relation;
 *   `Target`/`target` sets a span's stance target key, `Author` its author.
 * - `#1<TAB>AnnotatorNotes T1<TAB>note`: a JSON object note is merged into the attributes (how
 *   Glossa exports what brat attributes cannot hold); any other note is the attribute `note`.
 * - N (normalisation) and `*` (equivalence) lines are ignored; E (event) lines are rejected.
 */

export async function* parseBratPair(txt: ImportSource, ann: ImportSource): AsyncGenerator<ImportedDocument> {
  yield readBrat(baseName(txt.name), await readText(txt), await readText(ann), ann.name);
}

/** formatSkipped key prefix for an archive entry that is not brat data (README, LICENSE, …); the entry's path follows. */
export const IGNORED_FILE = 'file ignored (not .txt, .ann or .conf): ';

/**
 * Every `.txt` in the archive is a document (its `.ann`, when present, its annotations). The
 * archive is inflated in the parser sandbox under the inflation limits, and only `.txt` and
 * `.ann` entries are inflated: `.conf` files are skipped unread. Other files (Glossa's own
 * README.md card, a corpus's LICENSE) are not read either; each is named in the first
 * document's `skipped`, so the import report lists them for this upload.
 */
export async function* parseBratZip(source: ImportSource): AsyncGenerator<ImportedDocument> {
  const { names, entries } = await parseBinary(source, 'zip', { pattern: '\\.(txt|ann)$' }, 'not a readable zip archive');
  const paths = names.filter((path) => !path.endsWith('/') && !path.startsWith('__MACOSX/'));
  const ignored = paths.filter((path) => !/\.(txt|ann|conf)$/.test(path));
  const orphan = paths.find((path) => path.endsWith('.ann') && !Object.hasOwn(entries, `${path.slice(0, -'.ann'.length)}.txt`));
  if (orphan) throw new ImportError({ file: `${source.name}/${orphan}` }, 'has no .txt file beside it');
  const read = (path: string) => decodeUtf8(entries[path] ?? new Uint8Array(), `${source.name}/${path}`);
  for (const path of paths.filter((entry) => entry.endsWith('.txt'))) {
    const name = path.slice(0, -'.txt'.length);
    const ann = `${name}.ann`;
    const hasAnn = Object.hasOwn(entries, ann);
    const doc = readBrat(name, read(path), hasAnn ? read(ann) : '', `${source.name}/${hasAnn ? ann : path}`);
    for (const file of ignored.splice(0)) doc.skipped = { ...doc.skipped, [`${IGNORED_FILE}${file}`]: 1 };
    yield doc;
  }
}

interface AnnLine {
  line: number;
  id: string;
  body: string;
}

function readBrat(name: string, text: string, ann: string, file: string): ImportedDocument {
  const doc = newDocument(name, text, { file });
  const checker = new SpanChecker(text);
  const lines = annLines(ann, file);
  const at = (line: number): SourceLocation => ({ file, line });
  const spans = new Map<string, ImportedSpan>();
  const relations = new Map<string, ImportedRelation>();

  for (const { line, id, body } of lines.filter(({ id }) => id.startsWith('T'))) {
    spans.set(id, readSpan(id, body, checker, at(line)));
  }
  const spanOf = (id: string, line: number, ref: string) => {
    const found = spans.get(ref);
    if (!found) throw new ImportError(at(line), `${id}: ${ref} is not a T annotation of this file`);
    return found;
  };
  for (const { line, id, body } of lines.filter(({ id }) => id.startsWith('R'))) {
    const match = /^(\S+) Arg1:(\S+) Arg2:(\S+)$/.exec(body);
    if (!match) throw new ImportError(at(line), `${id}: expected "TYPE Arg1:T1 Arg2:T2"`);
    const [, label = '', from = '', to = ''] = match;
    const source = spanOf(id, line, from);
    spanOf(id, line, to);
    if (label === STANCE_TARGET_RELATION) {
      if (source.target !== undefined) throw new ImportError(at(line), `${id}: ${from} already has a stance target`);
      source.target = { span: to };
    } else {
      relations.set(id, { label, source: from, target: to, location: at(line) });
    }
  }
  const owner = (id: string, line: number, ref: string) => {
    const found = spans.get(ref) ?? relations.get(ref);
    if (!found) throw new ImportError(at(line), `${id}: ${ref} is not a span or relation of this file`);
    return found;
  };
  const setAttribute = (item: ImportedSpan | ImportedRelation, key: string, value: unknown, id: string, line: number) => {
    item.attributes ??= {};
    if (Object.hasOwn(item.attributes, key)) throw new ImportError(at(line), `${id}: attribute ${JSON.stringify(key)} is given twice`);
    item.attributes[key] = value;
  };
  for (const { line, id, body } of lines.filter(({ id }) => id.startsWith('A') || id.startsWith('M'))) {
    const match = /^(\S+) (\S+)(?: (\S+))?$/.exec(body);
    if (!match) throw new ImportError(at(line), `${id}: expected "NAME ID" or "NAME ID VALUE"`);
    const [, attribute = '', ref = '', value] = match;
    const item = owner(id, line, ref);
    if (attribute === TARGET_ATTRIBUTE || attribute === TARGET_ATTRIBUTE.toLowerCase()) {
      const stance = spans.get(ref);
      if (!stance || value === undefined) throw new ImportError(at(line), `${id}: ${attribute} needs a span and a target key`);
      if (stance.target !== undefined) throw new ImportError(at(line), `${id}: ${ref} already has a stance target`);
      stance.target = value;
    } else if (attribute === AUTHOR_ATTRIBUTE) {
      if (value === undefined || item.author !== undefined) throw new ImportError(at(line), `${id}: ${AUTHOR_ATTRIBUTE} needs one value per annotation`);
      item.author = value;
    } else {
      setAttribute(item, attribute, value ?? true, id, line);
    }
  }
  for (const { line, id, body } of lines.filter(({ id }) => id.startsWith('#'))) {
    const match = /^AnnotatorNotes (\S+)\t(.*)$/s.exec(body);
    if (!match) throw new ImportError(at(line), `${id}: expected "AnnotatorNotes ID<TAB>text"`);
    const [, ref = '', note = ''] = match;
    const item = owner(id, line, ref);
    for (const [key, value] of noteAttributes(note)) setAttribute(item, key, value, id, line);
  }

  doc.spans = [...spans.values()];
  doc.relations = [...relations.values()];
  checkReferences(doc);
  return doc;
}

function annLines(ann: string, file: string): AnnLine[] {
  const lines: AnnLine[] = [];
  const seen = new Set<string>();
  ann.split('\n').forEach((raw, index) => {
    const text = raw.replace(/\r$/, '');
    const line = index + 1;
    if (text.trim() === '') return;
    const tab = text.indexOf('\t');
    const id = text.slice(0, Math.max(tab, 0));
    if (tab < 1) throw new ImportError({ file, line }, 'expected an annotation id followed by a tab');
    // Equivalences all share the id "*".
    if (id.startsWith('N') || id.startsWith('*')) return;
    if (seen.has(id)) throw new ImportError({ file, line }, `annotation id ${id} is used twice`);
    seen.add(id);
    if (id.startsWith('E')) throw new ImportError({ file, line }, `${id}: events are not supported (only T, R, A/M and # annotations)`);
    if (!/^[TRAM#]/.test(id)) throw new ImportError({ file, line }, `${id}: unknown annotation kind (expected T, R, A, M, #, N or *)`);
    lines.push({ line, id, body: text.slice(tab + 1) });
  });
  return lines;
}

const isLineBreak = (text: string) => /^[\r\n]+$/.test(text);

function readSpan(id: string, body: string, checker: SpanChecker, location: SourceLocation): ImportedSpan {
  const match = /^(\S+) (\d+ \d+(?:;\d+ \d+)*)\t(.*)$/s.exec(body);
  if (!match) throw new ImportError(location, `${id}: expected "LABEL start end<TAB>text"`);
  const [, label = '', offsets = '', stated = ''] = match;
  const fragments = offsets.split(';').map((pair) => pair.split(' ').map(Number) as [number, number]);
  const covered = fragments.map(([start, end]) => checker.check(start, end, label, undefined, location, id));
  fragments.forEach(([start], index) => {
    const previousEnd = fragments[index - 1]?.[1];
    if (previousEnd !== undefined && (start <= previousEnd || !isLineBreak(checker.check(previousEnd, start, label, undefined, location, id)))) {
      throw new ImportError(location, `${id}: discontinuous span not supported (fragments ${offsets} must be in order and separated by line breaks only)`);
    }
  });
  const start = fragments[0]?.[0] ?? 0;
  const end = fragments[fragments.length - 1]?.[1] ?? 0;
  const written = covered.join(' ');
  if (written !== stated) throw new ImportError(location, `${id}: ${describeSpan(start, end, label)}: quote ${JSON.stringify(stated)} does not match the text ${JSON.stringify(written)}`);
  // The quote passed on is the covered text itself, line breaks included, not brat's rendering of it.
  return { ref: id, start, end, label, quote: checker.check(start, end, label, undefined, location, id), location };
}
