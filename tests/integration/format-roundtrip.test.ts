import { unzipSync, strFromU8 } from 'fflate';
import { beforeAll, describe, expect, it } from 'vitest';
import { getPrisma } from '@/lib/db/client';
import { exportProject, type ExportRequest } from '@/lib/export/run';
import { EMPTY_NODES_SKIPPED, MULTIWORD_SKIPPED } from '@/lib/import/parsers/conllu';
import { IGNORED_FILE } from '@/lib/import/parsers/brat';
import { importBatch } from '@/lib/import/service';
import { writeJsonlDocument } from '@/lib/formats/jsonl';
import type { ExportDocument, ExportSpan } from '@/lib/formats/model';
import { webannoTsvDocument } from '@/lib/formats/webanno-tsv';
import { makeProject, makeUser } from '../support/fixtures';
import { sourceOf } from '../fixtures/import/source';

/**
 * Every token-based format with an importer, through the real import into PostgreSQL and the real
 * export: the source's tokens, sentences and tags come back as they went in (labels as the source
 * spelled them with labels=source), including the abbreviations inside entities that ICU takes
 * for sentence ends.
 */

const db = getPrisma();
let ownerId: string;

// CoNLL-2003 shape (as Glossa writes it): -DOCSTART- per document, token<TAB>tag, IOB2.
const CONLL = [
  '-DOCSTART- -X- -X- O',
  '',
  'P.\tB-PER',
  'Simmons\tI-PER',
  'of\tO',
  'the\tO',
  'U.S.\tB-LOC',
  'team\tO',
  'beat\tO',
  'Louis\tB-PER',
  'D.\tI-PER',
  'Boccardi\tI-PER',
  '6-3\tO',
  '.\tO',
  '',
  'Mrs.\tB-creative-work',
  'Doubtfire\tI-creative-work',
  'was\tO',
  "n't\tO",
  'shown\tO',
  'in\tO',
  'St.\tB-LOC',
  'Louis\tI-LOC',
  '.\tO',
  '',
  '-DOCSTART- -X- -X- O',
  '',
  'AL-AIN\tB-LOC',
  ',\tO',
  'United\tB-LOC',
  'Arab\tI-LOC',
  'Emirates\tI-LOC',
  '1996-12-06\tO',
  '',
  '',
].join('\n');

const CONLLU = [
  '# newdoc id = wire-1',
  '# sent_id = wire-1-1',
  '# text = P. Simmons (AP) met Louis D. Boccardi.',
  ...[
    'P.|NER=B-PER',
    'Simmons|NER=I-PER',
    '(|NER=O|SpaceAfter=No',
    'AP|NER=B-ORG|SpaceAfter=No',
    ')|NER=O',
    'met|NER=O',
    'Louis|NER=B-PER',
    'D.|NER=I-PER',
    'Boccardi|NER=I-PER|SpaceAfter=No',
    '.|NER=O',
  ].map((entry, index) => `${index + 1}\t${entry.slice(0, entry.indexOf('|'))}\t_\t_\t_\t_\t_\t_\t_\t${entry.slice(entry.indexOf('|') + 1)}`),
  '',
  '',
].join('\n');

const LABEL_MAP = { PER: 'PERSON', 'creative-work': 'WORK_OF_ART' };

/** A new project with `content` imported as gold, read in chunks of `chunkSize` bytes (3 unless given): its id and the import's report. */
async function importInto(name: string, file: string, content: string | Uint8Array, options: { chunkSize?: number; labelMap?: Record<string, string> } = {}) {
  const { id } = await makeProject(db, { OWNER: { id: ownerId } as never }, name);
  const report = await importBatch(db, [{ kind: 'file', source: sourceOf(file, content, options.chunkSize) }], {
    projectId: id,
    actorId: ownerId,
    author: { kind: 'gold' },
    ...(options.labelMap && { labelMap: options.labelMap }),
  });
  return { id, report };
}

/** The token formats' round trip: 64-byte chunks, source labels mapped to the schema's keys. */
const project = async (name: string, file: string, content: string) => (await importInto(name, file, content, { chunkSize: 64, labelMap: LABEL_MAP })).id;

/** `at(quote, …)`: a gold span over the first occurrence of `quote` in `text`, its id made of label and offset. */
const spansOf =
  (text: string) =>
  (quote: string, label: string, layer: ExportSpan['layer'], extra: Partial<ExportSpan> = {}): ExportSpan => {
    const start = text.indexOf(quote);
    return { id: `${label}-${start}`, start, end: start + quote.length, label, layer, quote, author: 'gold', attributes: {}, ...extra };
  };

/** The document "wire": `spans`, and gold relations given as [label, source index, target index, attributes]. */
const wireDocument = (text: string, spans: ExportSpan[], relations: [string, number, number, Record<string, unknown>][]): ExportDocument => ({
  id: 'wire',
  name: 'wire',
  text,
  metadata: {},
  spans,
  relations: relations.map(([label, source, target, attributes], index) => ({
    id: `r${index + 1}`,
    label,
    source: spans[source]!.id,
    target: spans[target]!.id,
    author: 'gold',
    attributes,
  })),
  documentLabels: [],
});

async function exportedBytes(projectId: string, request: Partial<ExportRequest> & Pick<ExportRequest, 'format'>): Promise<Uint8Array> {
  const { stream } = await exportProject(db, projectId, { source: { kind: 'gold' }, baseUrl: 'http://localhost', ...request });
  return new Uint8Array(await new Response(stream).arrayBuffer());
}

const exported = async (projectId: string, request: Partial<ExportRequest> & Pick<ExportRequest, 'format'>) =>
  new TextDecoder().decode(await exportedBytes(projectId, request));

beforeAll(async () => {
  ownerId = (await makeUser(db, 'owner')).id;
});

describe('conll → import → conll', () => {
  let projectId: string;
  beforeAll(async () => {
    projectId = await project('CoNLL round trip', 'news.conll', CONLL);
  });

  it('gives back the same bytes with labels=source: same tokens, sentences and tags', async () => {
    expect(await exported(projectId, { format: 'conll', labels: 'source' })).toBe(CONLL);
  });

  it("stores the source tokens, not the tokenizer's, and writes schema keys by default", async () => {
    const documents = await db.document.findMany({
      where: { projectId },
      orderBy: { position: 'asc' },
      select: { tokenizer: true, sentenceStarts: true, tokenOffsets: true },
    });
    expect(documents.map((d) => [d.tokenizer, d.sentenceStarts, d.tokenOffsets.length / 2])).toEqual([
      ['source:conll', [0, 12], 21],
      ['source:conll', [0], 6],
    ]);
    const output = await exported(projectId, { format: 'conll' });
    expect(output).toContain('P.\tB-PERSON\nSimmons\tI-PERSON\n');
    expect(output).toContain('Mrs.\tB-WORK_OF_ART\nDoubtfire\tI-WORK_OF_ART\n');
    expect(output.replace(/PERSON/g, 'PER').replace(/WORK_OF_ART/g, 'creative-work')).toBe(CONLL);
  });

  it('exports the same tokens and entities as CoNLL-U and spaCy JSON', async () => {
    const conllu = await exported(projectId, { format: 'conllu', labels: 'source' });
    const rows = conllu
      .split('\n')
      .filter((line) => /^\d/.test(line))
      .map((line) => `${line.split('\t')[1]}\t${/NER=([^|]+)/.exec(line)![1]}`);
    expect(rows).toEqual(CONLL.split('\n').filter((line) => line.includes('\t')));
    const spacy = JSON.parse(await exported(projectId, { format: 'spacy' })) as { paragraphs: { entities: unknown[] }[] }[];
    expect(spacy.flatMap((doc) => doc.paragraphs[0]!.entities)).toHaveLength(7);
  });

  it('writes the source spelling only while a span keeps the label it was imported with', async () => {
    const org = await db.label.findFirstOrThrow({ where: { projectId, key: 'ORG' }, select: { id: true } });
    const simmons = await db.annotation.findFirstOrThrow({ where: { document: { projectId }, quote: 'P. Simmons' }, select: { id: true, attributes: true } });
    expect(simmons.attributes).toEqual({ source_label: 'PER', source_label_key: 'PERSON' });
    // As a curator's relabelling leaves it: a new label, the attributes untouched.
    await db.annotation.update({ where: { id: simmons.id }, data: { labelId: org.id } });
    const output = await exported(projectId, { format: 'conll', labels: 'source' });
    expect(output).toContain('P.\tB-ORG\nSimmons\tI-ORG\n');
    expect(output).toContain('Louis\tB-PER\nD.\tI-PER\n');
  });

  it('refuses labels=source for a format that writes schema keys, naming the ones that can', async () => {
    await expect(exported(projectId, { format: 'hf', labels: 'source' })).rejects.toThrow(
      'labels=source: hf names labels by their schema key; the source spelling is written by conll, conllu, spacy.',
    );
  });
});

describe('conllu → import → conllu', () => {
  it('gives back the same bytes: comments, FORMs, NER and SpaceAfter=No', async () => {
    const projectId = await project('CoNLL-U round trip', 'wire.conllu', CONLLU);
    expect(await exported(projectId, { format: 'conllu', labels: 'source' })).toBe(CONLLU);
    const [document] = await db.document.findMany({ where: { projectId }, select: { name: true, text: true } });
    expect(document).toEqual({ name: 'wire-1', text: 'P. Simmons (AP) met Louis D. Boccardi.' });
  });

  it("reports per file what it read and did not keep: multi-word tokens' words, empty nodes", async () => {
    const row = (cells: string) => `${cells.split(' ').join('\t')}\t_\t_\t_\t_\t_\t_\t_\tNER=O\n`;
    const file = `${row('1 Vamos')}${row('2-3 al')}${row('2 a')}${row('3 el')}${row('3.1 ir')}${row('4 cine')}\n${row('1 Sí')}${row('1.1 va')}\n`;
    const { id, report } = await importInto('CoNLL-U skipped', 'es.conllu', file);
    expect(report.files[0]?.formatSkipped).toEqual({ [MULTIWORD_SKIPPED]: 1, [EMPTY_NODES_SKIPPED]: 2 });
    expect((await db.document.findFirstOrThrow({ where: { projectId: id }, select: { text: true } })).text).toBe('Vamos al cine\nSí');
  });
});

describe('webanno tsv → import → webanno tsv', () => {
  const text = 'P. Simmons of Reuters met Louis D. Boccardi in Kabul.\nThe talks | in Doha failed.';
  const at = spansOf(text);
  const spans = [
    at('P. Simmons', 'PERSON', 'ENTITY', { attributes: { wikidata: 'Q1' } }),
    at('Reuters', 'ORG', 'ENTITY'),
    at('Louis D. Boccardi', 'PERSON', 'ENTITY'),
    at('Louis', 'NORP', 'ENTITY', { attributes: { note: 'stacked | on purpose' } }),
    at('Kabul', 'GPE', 'ENTITY'),
    at('Doha', 'GPE', 'ENTITY'),
    at('met Louis D. Boccardi in Kabul.\nThe talks', 'AGAINST', 'STANCE', { target: { kind: 'target', key: 'AFGHAN_TALIBAN' } }),
    at('The talks | in Doha', 'POLITICAL', 'FRAME'),
  ];
  const input = webannoTsvDocument(
    wireDocument(text, spans, [
      ['MEMBER_OF', 0, 1, { since: '1990' }],
      ['OPPOSES', 3, 4, {}],
    ]),
  ).text;

  it('gives back the same file: spans stacked and across sentences, stance targets, features, relations', async () => {
    const projectId = await project('TSV round trip', 'wire.tsv', input);
    const stored = await db.annotation.findMany({
      where: { document: { projectId } },
      select: { quote: true, label: { select: { key: true } }, attributes: true, note: true, target: { select: { key: true } } },
      orderBy: { start: 'asc' },
    });
    // A `note` feature is read as the span's note (lib/formats/span-remarks.ts), and exported as that feature again.
    const features = (a: (typeof stored)[number]) => ({ ...(a.attributes as object), ...(a.note !== null && { note: a.note }) });
    expect(stored.map((a) => [a.quote, a.label.key, features(a), a.target?.key ?? null])).toEqual(
      [...spans]
        .sort((a, b) => a.start - b.start)
        .map((span) => [span.quote, span.label, span.attributes, span.target?.kind === 'target' ? span.target.key : null]),
    );
    expect(await db.relation.count({ where: { document: { projectId } } })).toBe(2);
    const files = unzipSync(await exportedBytes(projectId, { format: 'webanno-tsv' }));
    expect(Object.keys(files).sort()).toEqual(['README.md', 'wire.tsv']);
    expect(strFromU8(files['wire.tsv']!)).toBe(input);
  });
});

describe('brat zip and jsonl → import: every other export with an importer', () => {
  const text = 'P. Simmons of Reuters met Louis D. Boccardi in Kabul.\nThe talks in Doha failed.';
  const at = spansOf(text);
  const spans = [
    at('P. Simmons', 'PERSON', 'ENTITY', { attributes: { wikidata: 'Q1', confidence: 0.5, notes: ['a', 'b'] } }),
    at('Reuters', 'ORG', 'ENTITY', { attributes: { negated: true } }),
    at('Louis D. Boccardi', 'PERSON', 'ENTITY'),
    at('Kabul', 'GPE', 'ENTITY'),
    at('met Louis D. Boccardi in Kabul.\nThe talks', 'AGAINST', 'STANCE', { target: { kind: 'target', key: 'AFGHAN_TALIBAN' } }),
    at('The talks', 'FAVOR', 'STANCE', { target: { kind: 'span', spanId: 'PERSON-0' } }),
    at('The talks in Doha', 'POLITICAL', 'FRAME'),
  ];
  let source = '';
  writeJsonlDocument(
    wireDocument(text, spans, [
      ['MEMBER_OF', 0, 1, { since: '1990' }],
      ['OPPOSES', 2, 3, {}],
    ]),
    (piece) => (source += piece),
  );

  /** What a round trip must keep, independent of ids: spans, stance targets, relations and attributes. */
  async function stored(projectId: string) {
    const annotations = await db.annotation.findMany({
      where: { document: { projectId } },
      select: {
        start: true,
        end: true,
        quote: true,
        attributes: true,
        label: { select: { key: true } },
        target: { select: { key: true } },
        targetAnnotation: { select: { quote: true } },
      },
      orderBy: [{ start: 'asc' }, { end: 'asc' }],
    });
    const relations = await db.relation.findMany({
      where: { document: { projectId } },
      select: { label: { select: { key: true } }, source: { select: { quote: true } }, target: { select: { quote: true } }, attributes: true },
    });
    return {
      spans: annotations.map((a) => [a.start, a.end, a.quote, a.label.key, a.attributes, a.target?.key ?? a.targetAnnotation?.quote ?? null]),
      relations: relations.map((r) => [r.label.key, r.source.quote, r.target.quote, r.attributes]).sort((a, b) => String(a[0]).localeCompare(String(b[0]))),
    };
  }

  /** Whole-file chunks, so format detection sees all of a record. */
  const importWhole = (name: string, file: string, content: string | Uint8Array) => importInto(name, file, content, { chunkSize: 1 << 20 });

  let original: string;
  beforeAll(async () => {
    original = (await importWhole('JSONL source', 'wire.jsonl', source)).id;
  });

  it('the source project holds what the file says (the baseline the round trips compare with)', async () => {
    const { spans: kept, relations } = await stored(original);
    expect(kept).toHaveLength(spans.length);
    expect(kept[0]).toEqual([0, 10, 'P. Simmons', 'PERSON', { wikidata: 'Q1', confidence: 0.5, notes: ['a', 'b'] }, null]);
    expect(relations).toEqual([
      ['MEMBER_OF', 'P. Simmons', 'Reuters', { since: '1990' }],
      ['OPPOSES', 'Louis D. Boccardi', 'Kabul', {}],
    ]);
  });

  it('brat zip (README.md card inside) → import keeps spans, stance targets, relations and attributes, and reports the card as ignored', async () => {
    const zip = await exportedBytes(original, { format: 'brat' });
    expect(Object.keys(unzipSync(zip)).sort()).toEqual(['README.md', 'annotation.conf', 'wire.ann', 'wire.txt']);
    const { id, report } = await importWhole('brat round trip', 'export.zip', zip);
    expect(report.files[0]?.formatSkipped).toEqual({ [`${IGNORED_FILE}README.md`]: 1 });
    expect(await stored(id)).toEqual(await stored(original));
  });

  it('jsonl → import keeps spans, stance targets, relations and attributes', async () => {
    const jsonl = await exported(original, { format: 'jsonl' });
    const { id, report } = await importWhole('jsonl round trip', 'export.jsonl', jsonl);
    expect(report.files[0]).toMatchObject({ format: 'glossa', documents: 1, spans: spans.length, relations: 2, formatSkipped: {} });
    expect(await stored(id)).toEqual(await stored(original));
  });
});
