import { AUTHOR_ATTRIBUTE, noteAttributes, ORIGIN_ATTRIBUTE, SOURCE_IDS_NOTE, STANCE_TARGET_RELATION, TARGET_ATTRIBUTE } from '@/lib/formats/brat';
import { ORIGINS, type Origin } from '@/lib/formats/model';
import { ImportError, type ImportedDocument, type ImportedRelation, type ImportedSpan, type ImportSource, type SourceLocation } from '../types';
import { checkReferences, describeSpan, newDocument, SpanChecker } from './document';
import { parseBinary } from './binary';
import { baseName, decodeUtf8, readText } from './input';
import { readRecord } from './json';

/**
 * brat standoff (https://brat.nlplab.org/standoff.html): a `.zip` holding `x.txt` + `x.ann` pairs
 * in any folders, or one `.ann` uploaded beside its `.txt` — the import API pairs those by base
 * name and calls parseBratPair. The text is the `.txt` as is; offsets are code points (brat is
 * Python). Glossa's own brat export (lib/formats/brat.ts) is read back by this reader too; labels
 * stay source names (the service maps them to the schema). Every line of brat's grammar is read; what
 * Glossa cannot hold is counted in `skipped` (the import report's formatSkipped), never dropped
 * silently and never the reason a whole corpus is refused:
 * - T `T1<TAB>LABEL 10 20<TAB>text`: a span. Fragments `10 20;21 30` are one span from the first
 *   start to the last end when only line breaks lie between them (how brat, and Glossa's
 *   export, write a span crossing a line). A span with any other gap is discontinuous, which
 *   Glossa's spans cannot be: skipped and counted (BRAT_SKIPPED.discontinuous). The stated text
 *   (fragments joined by a space, as brat writes it) must match either way.
 * - R `R1<TAB>TYPE Arg1:T1 Arg2:T2`, with or without the TAB brat itself ends the line with: a
 *   relation; `StanceTarget` instead makes T2 the stance target of T1.
 * - E `E1<TAB>TYPE:T1 Role:T2 …`: events are skipped and counted (BRAT_SKIPPED.event); their
 *   trigger and argument T lines are spans like any other.
 * - A/M `A1<TAB>Name T1 [Value]` (M is brat's older name for the same line): attribute Name
 *   (value true when absent) on a span or relation; `Target`/`target` sets a span's stance
 *   target key, `Author` its author, `Origin` its provenance (MANUAL, IMPORTED, SUGGESTED,
 *   ADJUDICATED; kept instead of the import's own origin).
 * - N `N1<TAB>Reference T1 Wikipedia:534366<TAB>Barack Obama`: the attribute `norm` holds the
 *   `RID:EID` ("Wikipedia:534366"), a list when an annotation has several; the entry's display
 *   name after the TAB is not kept (the id names the entry).
 * - `*<TAB>Equiv T1 T2 T3`: relations of the equivalence's type (`Equiv`) from each member to the
 *   next (T1→T2, T2→T3). Kept when the schema has that RELATION label (or labelMap maps it to
 *   one), otherwise skipped and counted by the import (ImportedRelation.unlessLabelMissing).
 * - `#1<TAB>AnnotatorNotes T1<TAB>note`: a JSON object note is merged into the attributes (how
 *   Glossa exports what brat attributes cannot hold), except `glossa:sourceIds`, a span's
 *   provenance ids; any other note is the attribute `note`.
 *   Other note types (`#2<TAB>AnnotationError T1<TAB>…`) become the attribute of that name.
 * - Any line about an annotation that was skipped (an event, a discontinuous span) is skipped
 *   with it and counted (BRAT_SKIPPED.dependent).
 * With `onProblem` (the import service passes it) a bad line is reported and the next one read, so
 * one upload lists every bad line of every .ann; lines about an annotation whose own line was bad
 * are passed over (the import is rejected anyway, and "T3 is not a T annotation" would only echo
 * the first problem).
 */

type OnProblem = ((problem: ImportError) => void) | undefined;

export const BRAT_SKIPPED = {
  event: 'brat events (E lines; their trigger and argument spans are kept)',
  discontinuous: 'brat discontinuous spans (fragments with more than line breaks between them)',
  dependent: 'brat lines about a skipped event or discontinuous span (R, A/M, N, #, * lines)',
} as const;

/** The relation type a `*` line gives is the label; when the schema lacks it, this is the reason the import counts. */
export const equivalenceSkipped = (type: string) => `brat equivalences (* lines): no RELATION label "${type}" in the schema`;

export async function* parseBratPair(txt: ImportSource, ann: ImportSource, onProblem?: OnProblem): AsyncGenerator<ImportedDocument> {
  yield readBrat(baseName(txt.name), await readText(txt), await readText(ann), ann.name, onProblem);
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
export async function* parseBratZip(source: ImportSource, onProblem?: OnProblem): AsyncGenerator<ImportedDocument> {
  const { names, entries } = await parseBinary(source, 'zip', { pattern: '\\.(txt|ann)$' }, 'not a readable zip archive');
  const paths = names.filter((path) => !path.endsWith('/') && !path.startsWith('__MACOSX/'));
  const ignored = paths.filter((path) => !/\.(txt|ann|conf)$/.test(path));
  for (const orphan of paths.filter((path) => path.endsWith('.ann') && !Object.hasOwn(entries, `${path.slice(0, -'.ann'.length)}.txt`))) {
    readRecord(() => {
      throw new ImportError(
        { file: `${source.name}/${orphan}` },
        'has no .txt file beside it (brat keeps each document as x.txt + x.ann in the same folder): add the .txt or remove the .ann',
      );
    }, onProblem);
  }
  const read = (path: string) => decodeUtf8(entries[path] ?? new Uint8Array(), `${source.name}/${path}`);
  for (const path of paths.filter((entry) => entry.endsWith('.txt'))) {
    const name = path.slice(0, -'.txt'.length);
    const ann = `${name}.ann`;
    const hasAnn = Object.hasOwn(entries, ann);
    const doc = readRecord(() => readBrat(name, read(path), hasAnn ? read(ann) : '', `${source.name}/${hasAnn ? ann : path}`, onProblem), onProblem);
    if (doc === undefined) continue;
    for (const file of ignored.splice(0)) doc.skipped = { ...doc.skipped, [`${IGNORED_FILE}${file}`]: 1 };
    yield doc;
  }
}

interface AnnLine {
  line: number;
  id: string;
  body: string;
}

/** Thrown for a line about an annotation whose own line was bad: passed over without a second problem. */
class AboutBroken extends Error {}

function readBrat(name: string, text: string, ann: string, file: string, onProblem: OnProblem): ImportedDocument {
  // Lines are read kind by kind (T before R, …); their problems are passed on in line order.
  const problems: ImportError[] = [];
  try {
    return readLines(name, text, ann, file, onProblem && ((problem) => void problems.push(problem)));
  } finally {
    for (const problem of problems.sort((a, b) => (a.location.line ?? 0) - (b.location.line ?? 0))) onProblem?.(problem);
  }
}

function readLines(name: string, text: string, ann: string, file: string, onProblem: OnProblem): ImportedDocument {
  const doc = newDocument(name, text, { file });
  const checker = new SpanChecker(text);
  // Annotations whose own line was bad (reported): lines about them are passed over.
  const broken = new Set<string>();
  const lines = annLines(ann, file, onProblem, broken);
  const at = (line: number): SourceLocation => ({ file, line });
  const spans = new Map<string, ImportedSpan>();
  const relations = new Map<string, ImportedRelation>();
  // Annotations that were read and not kept: lines about them are not kept either.
  const skippedIds = new Set<string>();
  const skipped: Record<string, number> = {};
  const skip = (reason: string) => void (skipped[reason] = (skipped[reason] ?? 0) + 1);
  /** Reads each line of a kind; a bad one goes to onProblem (then its id counts as broken and the next line is read) or is thrown. */
  const each = (ofKind: (id: string) => boolean, handle: (line: AnnLine) => void) => {
    for (const line of lines.filter(({ id }) => ofKind(id))) {
      try {
        handle(line);
      } catch (error) {
        if (error instanceof AboutBroken) continue;
        if (!(error instanceof ImportError) || onProblem === undefined) throw error;
        onProblem(error);
        broken.add(line.id);
      }
    }
  };
  const kind = (prefix: string) => (id: string) => id.startsWith(prefix);

  each(kind('T'), ({ line, id, body }) => {
    const span = readSpan(id, body, checker, at(line));
    if (span) spans.set(id, span);
    else {
      skippedIds.add(id);
      skip(BRAT_SKIPPED.discontinuous);
    }
  });
  for (const { id } of lines.filter((line) => kind('E')(line.id))) {
    skippedIds.add(id);
    skip(BRAT_SKIPPED.event);
  }
  /** Whether a line refers to a skipped annotation (then it is counted and passed over). */
  const aboutSkipped = (...refs: string[]) => {
    if (refs.some((ref) => broken.has(ref))) throw new AboutBroken();
    if (!refs.some((ref) => skippedIds.has(ref))) return false;
    skip(BRAT_SKIPPED.dependent);
    return true;
  };
  const spanOf = (id: string, line: number, ref: string) => {
    const found = spans.get(ref);
    if (!found) throw new ImportError(at(line), `${id}: ${ref} is not a T annotation of this file (brat: every argument must be a T line of the same .ann)`);
    return found;
  };
  each(kind('R'), ({ line, id, body }) => {
    // brat ends the line with a TAB (and an empty comment field) when it writes a relation.
    const match = /^(\S+) Arg1:(\S+) Arg2:(\S+)\t?$/.exec(body);
    if (!match) throw new ImportError(at(line), `${id}: expected a brat relation "TYPE Arg1:T1 Arg2:T2" (type, a space, then the two arguments)`);
    const [, label = '', from = '', to = ''] = match;
    if (aboutSkipped(from, to)) return;
    const source = spanOf(id, line, from);
    spanOf(id, line, to);
    if (label === STANCE_TARGET_RELATION) {
      if (source.target !== undefined)
        throw new ImportError(at(line), `${id}: ${from} already has a stance target; give each stance span one ${STANCE_TARGET_RELATION} relation`);
      source.target = { span: to };
    } else {
      relations.set(id, { label, source: from, target: to, location: at(line) });
    }
  });
  each(kind('*'), ({ line, body }) => {
    const match = /^(\S+)((?: \S+){2,})\t?$/.exec(body);
    if (!match) throw new ImportError(at(line), '*: expected a brat equivalence "TYPE T1 T2 …" (a type and two or more T ids, separated by spaces)');
    const [, label = '', list = ''] = match;
    const members = list.trim().split(' ');
    if (aboutSkipped(...members)) return;
    for (const member of members) spanOf('*', line, member);
    members.slice(1).forEach((to, index) => {
      const from = members[index]!;
      relations.set(`*${line}:${index}`, { label, source: from, target: to, location: at(line), unlessLabelMissing: equivalenceSkipped(label) });
    });
  });
  const owner = (id: string, line: number, ref: string) => {
    const found = spans.get(ref) ?? relations.get(ref);
    if (!found) throw new ImportError(at(line), `${id}: ${ref} is not a span (T) or relation (R) of this file`);
    return found;
  };
  const setAttribute = (item: ImportedSpan | ImportedRelation, key: string, value: unknown, id: string, line: number) => {
    item.attributes ??= {};
    if (Object.hasOwn(item.attributes, key))
      throw new ImportError(at(line), `${id}: attribute ${JSON.stringify(key)} is given twice; keep one line per attribute`);
    // Defined, not assigned: assigning "__proto__" would replace the object's prototype and lose the attribute.
    Object.defineProperty(item.attributes, key, { value, enumerable: true, writable: true, configurable: true });
  };
  const sourceIdsOf = (value: unknown, id: string, line: number): string[] => {
    if (!Array.isArray(value) || !value.every((entry) => typeof entry === 'string' && entry !== ''))
      throw new ImportError(at(line), `${id}: ${SOURCE_IDS_NOTE} must be a list of non-empty strings`);
    return value as string[];
  };
  each(
    (id) => id.startsWith('A') || id.startsWith('M'),
    ({ line, id, body }) => {
      const match = /^(\S+) (\S+)(?: (\S+))?\t?$/.exec(body);
      if (!match) throw new ImportError(at(line), `${id}: expected a brat attribute "NAME ID" or "NAME ID VALUE" (separated by spaces)`);
      const [, attribute = '', ref = '', value] = match;
      if (aboutSkipped(ref)) return;
      const item = owner(id, line, ref);
      if (attribute === TARGET_ATTRIBUTE || attribute === TARGET_ATTRIBUTE.toLowerCase()) {
        const stance = spans.get(ref);
        if (!stance || value === undefined) throw new ImportError(at(line), `${id}: ${attribute} needs a span and a target key ("${attribute} T1 KEY")`);
        if (stance.target !== undefined) throw new ImportError(at(line), `${id}: ${ref} already has a stance target; give it one`);
        stance.target = value;
      } else if (attribute === AUTHOR_ATTRIBUTE) {
        if (value === undefined || item.author !== undefined)
          throw new ImportError(at(line), `${id}: ${AUTHOR_ATTRIBUTE} needs one value per annotation ("${AUTHOR_ATTRIBUTE} T1 member@example.org")`);
        item.author = value;
      } else if (attribute === ORIGIN_ATTRIBUTE && spans.has(ref)) {
        const span = spans.get(ref)!;
        if (value === undefined || !ORIGINS.includes(value as Origin) || span.origin !== undefined)
          throw new ImportError(at(line), `${id}: ${ORIGIN_ATTRIBUTE} needs one of ${ORIGINS.join(', ')} per span ("${ORIGIN_ATTRIBUTE} T1 MANUAL")`);
        span.origin = value as Origin;
      } else {
        setAttribute(item, attribute, value ?? true, id, line);
      }
    },
  );
  each(kind('#'), ({ line, id, body }) => {
    const match = /^(\S+) (\S+)(?:\t(.*))?$/s.exec(body);
    if (!match) throw new ImportError(at(line), `${id}: expected a brat note "AnnotatorNotes ID<TAB>text"`);
    const [, type = '', ref = '', note = ''] = match;
    if (aboutSkipped(ref)) return;
    const item = owner(id, line, ref);
    const attributes = type === NOTE_TYPE ? noteAttributes(note) : [[type, note] as const];
    for (const [key, value] of attributes) {
      if (key === SOURCE_IDS_NOTE && spans.has(ref)) spans.get(ref)!.sourceIds = sourceIdsOf(value, id, line);
      else setAttribute(item, key, value, id, line);
    }
  });
  const norms = new Map<ImportedSpan | ImportedRelation, { values: string[]; id: string; line: number }>();
  each(kind('N'), ({ line, id, body }) => {
    const match = /^\S+ (\S+) ([^\s:]+:\S+)(?:\t.*)?$/s.exec(body);
    if (!match) throw new ImportError(at(line), `${id}: expected a brat normalization "Reference ID RID:EID<TAB>text"`);
    const [, ref = '', norm = ''] = match;
    if (aboutSkipped(ref)) return;
    const item = owner(id, line, ref);
    const entry = norms.get(item) ?? { values: [], id, line };
    entry.values.push(norm);
    norms.set(item, entry);
  });
  for (const [item, { values, id, line }] of norms)
    readRecord(() => setAttribute(item, NORM_ATTRIBUTE, values.length === 1 ? values[0] : values, id, line), onProblem);

  doc.spans = [...spans.values()];
  doc.relations = [...relations.values()];
  if (Object.keys(skipped).length > 0) doc.skipped = skipped;
  checkReferences(doc);
  return doc;
}

const NOTE_TYPE = 'AnnotatorNotes';
const NORM_ATTRIBUTE = 'norm';

function annLines(ann: string, file: string, onProblem: OnProblem, broken: Set<string>): AnnLine[] {
  const lines: AnnLine[] = [];
  const seen = new Set<string>();
  ann.split('\n').forEach((raw, index) => {
    const text = raw.replace(/\r$/, '');
    const line = index + 1;
    if (text.trim() === '') return;
    const tab = text.indexOf('\t');
    const id = text.slice(0, Math.max(tab, 0));
    readRecord(() => {
      if (tab < 1)
        throw new ImportError({ file, line }, 'expected a brat annotation id followed by a tab ("T1<TAB>…"); was the file saved with spaces instead of tabs?');
      if (!/^[TREAMN#*]/.test(id)) throw new ImportError({ file, line }, `${id}: unknown brat annotation kind (expected T, R, E, A, M, N, # or *)`);
      // Equivalences all share the id "*".
      if (id !== '*' && seen.has(id)) {
        broken.add(id);
        throw new ImportError({ file, line }, `annotation id ${id} is used twice; give every annotation of the file its own id`);
      }
      seen.add(id);
      lines.push({ line, id, body: text.slice(tab + 1) });
    }, onProblem);
  });
  return lines;
}

const isLineBreak = (text: string) => /^[\r\n]+$/.test(text);

/** The span, or null when it is discontinuous (fragments with more than line breaks between them). */
function readSpan(id: string, body: string, checker: SpanChecker, location: SourceLocation): ImportedSpan | null {
  const match = /^(\S+) (\d+ \d+(?:;\d+ \d+)*)\t(.*)$/s.exec(body);
  if (!match) throw new ImportError(location, `${id}: expected "LABEL start end<TAB>text"`);
  const [, label = '', offsets = '', stated = ''] = match;
  const fragments = offsets.split(';').map((pair) => pair.split(' ').map(Number) as [number, number]);
  const covered = fragments.map(([start, end]) => checker.check(start, end, label, undefined, location, id));
  const start = fragments[0]?.[0] ?? 0;
  const end = fragments[fragments.length - 1]?.[1] ?? 0;
  const written = covered.join(' ');
  if (written !== stated)
    throw new ImportError(
      location,
      `${id}: ${describeSpan(start, end, label)}: quote ${JSON.stringify(stated)} does not match the text ${JSON.stringify(written)}`,
    );
  let continuous = true;
  fragments.forEach(([fragmentStart], index) => {
    const previousEnd = fragments[index - 1]?.[1];
    if (previousEnd === undefined) return;
    if (fragmentStart <= previousEnd) throw new ImportError(location, `${id}: fragments ${offsets} must be in order and must not touch or overlap`);
    if (!isLineBreak(checker.check(previousEnd, fragmentStart, label, undefined, location, id))) continuous = false;
  });
  if (!continuous) return null;
  // The quote passed on is the covered text itself, line breaks included, not brat's rendering of it.
  return { ref: id, start, end, label, quote: checker.check(start, end, label, undefined, location, id), location };
}
