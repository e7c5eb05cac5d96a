import { existsSync, readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import Ajv, { type ValidateFunction } from 'ajv-draft-04';
import { parse as parseCsv } from 'csv-parse/sync';
import { unzipSync, strFromU8 } from 'fflate';
import { beforeAll, describe, expect, it, vi } from 'vitest';
import { getPrisma } from '@/lib/db/client';
import { withdrawDocument } from '@/lib/documents/manage';
import { NO_GOLD_MESSAGE } from '@/lib/export/run';
import { EXPORT_FORMATS } from '@/lib/export/options';
import { importBatch } from '@/lib/import/service';
import type { ImportedDocument } from '@/lib/import/types';
import { routeModule } from '../support/api';
import { makeProject, makeUser, type TestUser } from '../support/fixtures';
import { importDocuments, keptOfImport } from '../support/imported-export';

/**
 * Every export format against a real project: emoji and Urdu before the spans (code point
 * offsets), gold and two annotators, a stance span with a project target and one with an entity
 * target, relations, document answers, soft-deleted rows and a withdrawn document.
 */

const db = getPrisma();
let owner: TestUser;
let annotatorA: TestUser;
let annotatorB: TestUser;
let projectId: string;
const documentIds: Record<'opEd' | 'urdu' | 'withdrawn' | 'empty', string> = { opEd: '', urdu: '', withdrawn: '', empty: '' };

const URDU = 'پاکستان کے وزیر اعظم 👩‍👩‍👧 نے کہا';
const OP_ED = `${URDU}\n👍🏽 Attack in Bannu by the Hafiz Gul Bahadur group.\nHe said: "Talks, not raids."`;
const URDU_NEWS = 'امن ہمارا حق ہے۔ 🇵🇰 Pakistan and the TTP met in Doha.';
const location = { file: 'fixture' };

/** A span on the first occurrence of `quote`, in code points. */
function span(text: string, quote: string, label: string, author: string, extra: Partial<ImportedDocument['spans'][number]> = {}) {
  const start = Array.from(text.slice(0, text.indexOf(quote))).length;
  return { start, end: start + Array.from(quote).length, quote, label, author, location, ...extra };
}

function document(name: string, text: string, fields: Partial<ImportedDocument> = {}): ImportedDocument {
  return { name, text, metadata: {}, spans: [], relations: [], documentLabels: [], location, ...fields };
}

beforeAll(async () => {
  owner = await makeUser(db, 'owner');
  annotatorA = await makeUser(db, 'annotator-a');
  annotatorB = await makeUser(db, 'annotator-b');
  const curator = await makeUser(db, 'curator');
  projectId = (await makeProject(db, { OWNER: owner, CURATOR: curator, ANNOTATOR: annotatorA }, 'Border talks')).id;
  await db.membership.create({ data: { projectId, userId: annotatorB.id, role: 'ANNOTATOR' } });
  const [a, b] = [annotatorA.id, annotatorB.id];
  const documents = [
    document('op-ed', OP_ED, {
      metadata: { language: 'en', year: 2023 },
      spans: [
        span(OP_ED, 'Hafiz Gul Bahadur group', 'ORG', 'gold', { ref: 'g-org' }),
        span(OP_ED, 'Bannu', 'GPE', 'gold', { ref: 'g-gpe' }),
        span(OP_ED, '"Talks, not raids."', 'AGAINST', 'gold', { target: 'AFGHAN_TALIBAN' }),
        span(OP_ED, 'Hafiz Gul Bahadur group', 'AGAINST', 'gold', { target: { span: 'g-org' }, attributes: { confidence: 0.9 } }),
        span(OP_ED, 'Attack', 'EVENT', 'gold', { ref: 'g-deleted' }),
        span(OP_ED, 'Hafiz Gul Bahadur group', 'ORG', a, { ref: 'a-org' }),
        span(OP_ED, 'Bannu', 'GPE', a, { ref: 'a-gpe' }),
        span(OP_ED, 'Hafiz Gul Bahadur', 'PERSON', b, { attributes: { note: 'unsure, "maybe"', confidence: 0.5 } }),
        span(OP_ED, 'پاکستان', 'GPE', b),
      ],
      relations: [
        { label: 'ATTACKED', source: 'g-org', target: 'g-gpe', author: 'gold', location },
        { label: 'ALLY_OF', source: 'g-org', target: 'g-gpe', author: 'gold', location },
        { label: 'ATTACKED', source: 'a-org', target: 'a-gpe', author: a, location },
      ],
      documentLabels: [
        { question: 'OVERALL_STANCE', target: 'AFGHAN_TALIBAN', values: ['AGAINST'], author: 'gold', location },
        { question: 'PRIMARY_FRAME', values: ['SECURITY_DEFENSE'], author: 'gold', location },
        { question: 'PRIMARY_FRAME', values: ['SECURITY_DEFENSE'], author: a, location },
        { question: 'OVERALL_STANCE', target: 'TTP', values: ['FAVOR'], author: a, location },
      ],
    }),
    document('urdu news', URDU_NEWS, {
      metadata: { language: 'ur', year: 2024 },
      spans: [span(URDU_NEWS, 'Doha', 'GPE', b), span(URDU_NEWS, 'TTP', 'ORG', b)],
    }),
    document('withdrawn', 'Withdrawn text about Kabul.', { spans: [span('Withdrawn text about Kabul.', 'Kabul', 'GPE', 'gold')] }),
    document('empty', 'Nothing annotated here.'),
  ];
  const report = await importBatch(db, [{ kind: 'parsed', name: 'fixture', format: 'json', documents }], {
    projectId,
    actorId: owner.id,
    author: { kind: 'user', userId: owner.id },
    keepSourceAuthors: true,
  });
  const ids = report.documents.map((entry) => entry.id);
  [documentIds.opEd, documentIds.urdu, documentIds.withdrawn, documentIds.empty] = ids as [string, string, string, string];
  await withdrawDocument(db, documentIds.withdrawn);

  // Soft-deleted rows of every kind, which no export may show.
  const now = new Date();
  await db.annotation.updateMany({ where: { documentId: documentIds.opEd, quote: 'Attack' }, data: { deletedAt: now } });
  await db.relation.updateMany({ where: { documentId: documentIds.opEd, label: { key: 'ALLY_OF' } }, data: { deletedAt: now } });
  await db.documentLabel.updateMany({ where: { documentId: documentIds.opEd, authorId: a, target: { key: 'TTP' } }, data: { deletedAt: now } });

  await db.assignment.createMany({
    data: [
      { documentId: documentIds.opEd, userId: a, status: 'SUBMITTED' },
      { documentId: documentIds.opEd, userId: b, status: 'IN_PROGRESS' },
      { documentId: documentIds.urdu, userId: b, status: 'SUBMITTED' },
    ],
  });
});

/** The route's raw Response: `call` in tests/support/api.ts reads bodies as JSON. */
async function exportResponse(query: string, token = owner.token, project = projectId) {
  const handler = (await routeModule('/projects/{id}/export')).GET!;
  const request = new Request(`http://localhost/api/v1/projects/${project}/export?${query}`, { headers: { authorization: `Bearer ${token}` } });
  return handler(request, { params: Promise.resolve({ id: project }) });
}

async function exported(query: string) {
  const response = await exportResponse(query);
  const bytes = new Uint8Array(await response.arrayBuffer());
  if (response.status !== 200) throw new Error(`${query}: ${response.status} ${strFromU8(bytes)}`);
  return { response, bytes, text: strFromU8(bytes) };
}

/** The export read back by the import users run on it (lib/import/parsers/glossa.ts). */
async function readJsonl(text: string) {
  return (await importDocuments('export.jsonl', text, 'glossa')).map(keptOfImport);
}

async function jsonlRecords(query: string) {
  return readJsonl((await exported(`format=jsonl&${query}`)).text);
}

const codePointSlice = (text: string, start: number, end: number) => Array.from(text).slice(start, end).join('');

describe('jsonl', () => {
  it('streams one gold document per line that the import reads back', async () => {
    const { response, text } = await exported('format=jsonl&source=gold');
    expect(response.headers.get('content-type')).toBe('application/x-ndjson; charset=utf-8');
    expect(response.headers.get('content-disposition')).toBe('attachment; filename="border-talks-gold.jsonl"');
    expect(response.headers.get('x-glossa-total-documents')).toBe('3');
    expect(response.headers.get('link')).toMatch(/^<\/api\/v1\/projects\/[^/]+\/export\?format=card&source=gold&of=jsonl>; rel="describedby"/);

    const lines = text.split('\n');
    expect(lines.pop()).toBe('');
    for (const line of lines) expect(() => JSON.parse(line)).not.toThrow();
    const documents = await readJsonl(text);
    expect(documents.map((doc) => doc.name)).toEqual(['op-ed', 'urdu news', 'empty']);

    const opEd = documents[0]!;
    expect(opEd.metadata).toEqual({ language: 'en', year: 2023 });
    // In text order, longest first; the two spans on the group share offsets and are ordered by id.
    expect(opEd.spans.map((s) => s.quote)).toEqual(['Bannu', 'Hafiz Gul Bahadur group', 'Hafiz Gul Bahadur group', '"Talks, not raids."']);
    expect(new Set(opEd.spans.map((s) => s.author))).toEqual(new Set(['gold']));
    for (const s of opEd.spans) expect(codePointSlice(OP_ED, s.start, s.end)).toBe(s.quote);
    const bySpan = (label: string, quote: string) => opEd.spans.find((s) => s.label === label && s.quote === quote)!;
    const org = bySpan('ORG', 'Hafiz Gul Bahadur group');
    const gpe = bySpan('GPE', 'Bannu');
    expect(bySpan('AGAINST', 'Hafiz Gul Bahadur group')).toMatchObject({ layer: 'STANCE', target: { span: org.id }, attributes: { confidence: 0.9 } });
    expect(bySpan('AGAINST', '"Talks, not raids."')).toMatchObject({ layer: 'STANCE', target: 'AFGHAN_TALIBAN' });
    expect(org.target).toBeUndefined();
    expect(opEd.relations).toEqual([{ label: 'ATTACKED', source: org.id, target: gpe.id, author: 'gold', attributes: {} }]);
    expect(opEd.documentLabels).toEqual([
      { question: 'OVERALL_STANCE', target: 'AFGHAN_TALIBAN', values: ['AGAINST'], author: 'gold' },
      { question: 'PRIMARY_FRAME', values: ['SECURITY_DEFENSE'], author: 'gold' },
    ]);
  });

  it('source=all carries every annotator and gold, and never a soft-deleted row or withdrawn document', async () => {
    const documents = await jsonlRecords('source=all');
    expect(documents.map((doc) => doc.name)).toEqual(['op-ed', 'urdu news', 'empty']);
    const opEd = documents[0]!;
    const authors = (items: { author: string }[]) => items.map((item) => item.author).sort();
    expect(authors(opEd.spans)).toEqual([...Array(4).fill('gold'), annotatorA.id, annotatorA.id, annotatorB.id, annotatorB.id].sort());
    expect(authors(opEd.relations)).toEqual(['gold', annotatorA.id].sort());
    expect(authors(opEd.documentLabels)).toEqual(['gold', 'gold', annotatorA.id].sort());
    const everything = JSON.stringify(documents);
    expect(everything).not.toContain('"Attack"');
    expect(everything).not.toContain('ALLY_OF');
    expect(everything).not.toContain('FAVOR');
    expect(everything).not.toContain('Kabul');
  });

  it('source=annotator:<id> carries that annotator only', async () => {
    const documents = await jsonlRecords(`source=annotator:${annotatorB.id}`);
    const spans = documents.flatMap((doc) => doc.spans);
    expect(spans.map((s) => s.quote).sort()).toEqual(['Doha', 'Hafiz Gul Bahadur', 'TTP', 'پاکستان'].sort());
    expect(new Set(spans.map((s) => s.author))).toEqual(new Set([annotatorB.id]));
    expect(spans.find((s) => s.label === 'PERSON')!.attributes).toEqual({ note: 'unsure, "maybe"', confidence: 0.5 });
    expect(documents.flatMap((doc) => [...doc.relations, ...doc.documentLabels])).toEqual([]);
  });

  it('filters by assignment status, assignee, metadata and document ids, and limits previews', async () => {
    const names = async (query: string) => (await jsonlRecords(query)).map((doc) => doc.name);
    expect(await names('source=all&status=SUBMITTED')).toEqual(['op-ed', 'urdu news']);
    // For one annotator, the status is that annotator's: B has submitted only the Urdu news.
    expect(await names(`source=annotator:${annotatorB.id}&status=SUBMITTED`)).toEqual(['urdu news']);
    expect(await names(`source=all&assignee=${annotatorA.id}`)).toEqual(['op-ed']);
    expect(await names(`source=all&assignee=${annotatorB.id}&status=IN_PROGRESS`)).toEqual(['op-ed']);
    expect(await names('source=all&meta.language=ur')).toEqual(['urdu news']);
    expect(await names('source=all&meta.year=2024')).toEqual(['urdu news']);
    expect(await names('source=all&meta.year=2024&meta.language=en')).toEqual([]);
    expect(await names(`source=all&documents=${documentIds.empty},${documentIds.opEd},${documentIds.withdrawn}`)).toEqual(['op-ed', 'empty']);
    expect(await names('source=all&limit=2')).toEqual(['op-ed', 'urdu news']);
    expect((await exportResponse('source=all&limit=1')).headers.get('x-glossa-total-documents')).toBe('1');
  });
});

describe('conll', () => {
  /** What conlleval needs: `token tag` lines, blank lines between sentences, valid BIO. */
  function conllProblems(text: string): string[] {
    const problems: string[] = [];
    let previous = 'O';
    text.split('\n').forEach((line, index) => {
      if (line === '') return void (previous = 'O');
      if (line === '-DOCSTART- -X- -X- O') return;
      const fields = line.split('\t');
      const [token = '', tag = ''] = fields;
      if (fields.length !== 2 || /\s/.test(token) || token === '') problems.push(`line ${index + 1}: not one token and one tag`);
      const match = /^(?:O|([BI])-(\S+))$/.exec(tag);
      if (!match) problems.push(`line ${index + 1}: bad tag ${tag}`);
      else if (match[1] === 'I' && previous.slice(2) !== match[2]) problems.push(`line ${index + 1}: ${tag} after ${previous}`);
      previous = tag;
    });
    return problems;
  }

  it('writes valid BIO for the gold entity layer, one -DOCSTART- per document', async () => {
    const { response, text } = await exported('format=conll&source=gold');
    expect(response.headers.get('content-type')).toBe('text/plain; charset=utf-8');
    expect(conllProblems(text)).toEqual([]);
    expect(text.match(/^-DOCSTART- -X- -X- O$/gm)).toHaveLength(3);
    expect(text).toContain('Hafiz\tB-ORG\nGul\tI-ORG\nBahadur\tI-ORG\ngroup\tI-ORG\n');
    expect(text).toContain('Bannu\tB-GPE\n');
    expect(text).toContain('👩‍👩‍👧\tO\n');
  });

  it('holds one annotator per token, so source=all is refused with the alternatives', async () => {
    const response = await exportResponse('format=conll&source=all');
    expect(response.status).toBe(400);
    expect((await response.json()).error.message).toMatch(/source=gold or source=annotator:<userId>/);
  });

  it('has a card with the tokenization notes', async () => {
    const card = JSON.parse((await exported(`format=card-json&of=conll&source=annotator:${annotatorB.id}`)).text);
    expect(card.format).toBe('conll');
    expect(card.formatNotes).toMatchObject({ droppedNested: 0, boundaryAdjusted: 0, droppedUntokenized: 0, tokensSplit: 0, sentencesMerged: 0 });
  });
});

describe('brat', () => {
  it('zips .txt/.ann pairs whose T lines quote the text at their code point offsets, then the conf and the card', async () => {
    const { response, bytes } = await exported('format=brat&source=all');
    expect(response.headers.get('content-type')).toBe('application/zip');
    expect(response.headers.get('link')).toBeNull();
    const files = unzipSync(bytes);
    expect(Object.keys(files)).toEqual(['op-ed.txt', 'op-ed.ann', 'urdu_news.txt', 'urdu_news.ann', 'empty.txt', 'empty.ann', 'annotation.conf', 'README.md']);
    let checked = 0;
    for (const name of Object.keys(files).filter((file) => file.endsWith('.ann'))) {
      const txt = Array.from(strFromU8(files[name.replace(/\.ann$/, '.txt')]!));
      for (const line of strFromU8(files[name]!)
        .split('\n')
        .filter((l) => l.startsWith('T'))) {
        const [, offsets = '', quote] = /^T\d+\t\S+ ([\d ;]+)\t(.*)$/.exec(line) ?? [];
        const fragments = offsets.split(';').map((pair) => pair.split(' ').map(Number) as [number, number]);
        expect(fragments.map(([start, end]) => txt.slice(start, end).join('')).join(' '), line).toBe(quote);
        checked++;
      }
    }
    expect(checked).toBe(10);
    const ann = strFromU8(files['op-ed.ann']!);
    expect(ann).toMatch(/^R\d+\tATTACKED Arg1:T\d+ Arg2:T\d+$/m);
    expect(ann).toMatch(/^R\d+\tStanceTarget Arg1:T\d+ Arg2:T\d+$/m);
    expect(ann).toMatch(/^A\d+\tTarget T\d+ AFGHAN_TALIBAN$/m);
    expect(ann).toContain(`Author T`);
    expect(strFromU8(files['annotation.conf']!)).toContain('[entities]');
    const card = strFromU8(files['README.md']!);
    expect(card).toContain('| Source | all |');
    expect(card).toContain('| Documents | 3 |');
    expect(card).toMatch(/### ENTITY \(8\)/);
  });
});

describe('w3c', () => {
  it('is one AnnotationCollection listing every annotation once', async () => {
    const { response, text } = await exported('format=w3c&source=gold');
    expect(response.headers.get('content-type')).toContain('application/ld+json');
    const collection = JSON.parse(text);
    expect(collection.type).toBe('AnnotationCollection');
    expect(collection.total).toBe(4 + 1 + 2);
    expect(collection.first.items).toHaveLength(collection.total);
    const position = collection.first.items[0].target.selector.find((s: { type: string }) => s.type === 'TextPositionSelector');
    expect(codePointSlice(OP_ED, position.start, position.end)).toBe('Bannu');
    expect(collection.first.items[0].id).toMatch(/^http:\/\/localhost\/projects\//);
  });

  it('names annotations under the configured public URL, not the address the server is bound to', async () => {
    const handler = (await routeModule('/projects/{id}/export')).GET!;
    const fromBindAddress = () =>
      handler(
        new Request(`http://0.0.0.0:3000/api/v1/projects/${projectId}/export?format=w3c&source=gold`, { headers: { authorization: `Bearer ${owner.token}` } }),
        {
          params: Promise.resolve({ id: projectId }),
        },
      ).then((response) => response.json());
    try {
      vi.stubEnv('GLOSSA_PUBLIC_URL', 'https://glossa.example.org/lab');
      expect((await fromBindAddress()).first.items[0].id).toMatch(new RegExp(`^https://glossa\\.example\\.org/lab/projects/${projectId}/documents/`));
      vi.stubEnv('GLOSSA_PUBLIC_URL', '');
      vi.stubEnv('NEXTAUTH_URL', '');
      expect((await fromBindAddress()).first.items[0].id).toMatch(new RegExp(`^http://localhost:3000/projects/${projectId}/documents/`));
    } finally {
      vi.unstubAllEnvs();
    }
  });

  // The W3C test suite's JSON Schemas live beside the repository (../shared), as in tests/unit/formats-w3c.test.ts.
  const suite = path.resolve(import.meta.dirname, '../../../shared/validators/w3c-web-annotation');
  describe.skipIf(!existsSync(path.join(suite, 'annotations/annotationMusts.test')))('against the W3C MUST assertions', () => {
    it('every exported annotation passes every assertion', async () => {
      const ajv = new Ajv({ strict: false, allErrors: true });
      const readJson = (file: string) => JSON.parse(readFileSync(path.join(suite, file), 'utf8')) as Record<string, unknown>;
      ajv.addFormat('uri', /^[a-z][a-z0-9+.-]*:[A-Za-z0-9\-._~:/?#[\]@!$&'()*+,;=%]*$/i);
      ajv.addFormat('date-time', /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d+)?(Z|[+-]\d\d:\d\d)$/i);
      for (const file of readdirSync(path.join(suite, 'definitions')).filter((name) => name.endsWith('.json'))) ajv.addSchema(readJson(`definitions/${file}`));
      const assertions: { file: string; validate: ValidateFunction }[] = (readJson('annotations/annotationMusts.test').assertions as string[]).map((file) => ({
        file,
        validate: ajv.compile(readJson(file)),
      }));
      const collection = JSON.parse((await exported('format=w3c&source=all')).text);
      expect(collection.first.items.length).toBeGreaterThan(10);
      for (const item of collection.first.items) {
        const annotation = { '@context': collection['@context'], ...item };
        for (const { file, validate } of assertions) expect(validate(annotation), `${item.id} fails ${file}: ${ajv.errorsText(validate.errors)}`).toBe(true);
      }
    });
  });
});

describe('stance-csv', () => {
  it('quotes fields per RFC 4180 and has rows for stance spans and per-target answers', async () => {
    const { response, text } = await exported('format=stance-csv&source=gold');
    expect(response.headers.get('content-type')).toBe('text/csv; charset=utf-8; header=present');
    expect(text.startsWith('ID,Target,Text,Stance,DocumentID,Author\r\n')).toBe(true);
    expect(text).toContain(',"""Talks, not raids.""",AGAINST,');
    const rows = parseCsv(text, { columns: true }) as Record<string, string>[];
    expect(rows.map((row) => [row.Target, row.Text, row.Stance])).toEqual([
      ['Hafiz Gul Bahadur group', 'Hafiz Gul Bahadur group', 'AGAINST'],
      ['Afghan Taliban', '"Talks, not raids."', 'AGAINST'],
      ['Afghan Taliban', OP_ED, 'AGAINST'],
    ]);
    expect(new Set(rows.map((row) => row.DocumentID))).toEqual(new Set([documentIds.opEd]));
  });
});

describe('semeval', () => {
  it('is the scorer layout over the same rows as stance-csv, and its card says what was flattened', async () => {
    const { response, text } = await exported('format=semeval&source=gold');
    expect(response.headers.get('content-type')).toBe('text/tab-separated-values; charset=utf-8; header=present');
    expect(response.headers.get('content-disposition')).toMatch(/\.tsv"$/);
    const [header, ...lines] = text.split('\n');
    expect(header).toBe('ID\tTarget\tTweet\tStance');
    expect(lines.pop()).toBe('');
    expect(lines.map((line) => line.split('\t').slice(1))).toEqual([
      ['Hafiz Gul Bahadur group', 'Hafiz Gul Bahadur group', 'AGAINST'],
      ['Afghan Taliban', '"Talks, not raids."', 'AGAINST'],
      ['Afghan Taliban', OP_ED.replace(/[\t\r\n]/g, ' '), 'AGAINST'],
    ]);
    const card = JSON.parse((await exported('format=card-json&of=semeval&source=gold')).text);
    expect(card.formatNotes).toMatchObject({ 'cells with tabs or line breaks replaced by spaces': 1 });
  });
});

describe('hf', () => {
  it('zips sentence records with integer tags, dataset_info.json naming them, and the card', async () => {
    const { bytes } = await exported('format=hf&source=gold');
    const files = unzipSync(bytes);
    expect(Object.keys(files)).toEqual(['data.jsonl', 'dataset_info.json', 'README.md']);
    const info = JSON.parse(strFromU8(files['dataset_info.json']!));
    const names: string[] = info.features.ner_tags.feature.names;
    const records = strFromU8(files['data.jsonl']!)
      .trimEnd()
      .split('\n')
      .map((line) => JSON.parse(line));
    for (const record of records) {
      expect(record.ner_tags).toHaveLength(record.tokens.length);
      for (const tag of record.ner_tags) expect(Number.isInteger(tag) && tag >= 0 && tag < names.length).toBe(true);
    }
    const tagged = records.flatMap((record) => record.tokens.map((token: string, i: number) => `${token}/${names[record.ner_tags[i]]}`));
    expect(tagged).toEqual(expect.arrayContaining(['Bannu/B-GPE', 'Hafiz/B-ORG', 'group/I-ORG']));
    expect(strFromU8(files['README.md']!)).toMatch(/\| sentences \| \d+ \|/);
  });
});

describe('dataset card', () => {
  it('is served for single-file exports in Markdown and JSON with counts, schema, licence and version', async () => {
    await db.project.update({ where: { id: projectId }, data: { license: 'CC-BY-4.0' } });
    const { response, text } = await exported('format=card&source=all');
    expect(response.headers.get('content-type')).toBe('text/markdown; charset=utf-8');
    expect(response.headers.get('content-disposition')).toBe('inline; filename="border-talks-all-jsonl-card.md"');
    expect(text).toContain('license: "CC-BY-4.0"');
    const card = JSON.parse((await exported('format=card-json&source=all')).text);
    expect(card).toMatchObject({ name: 'Border talks', license: 'CC-BY-4.0', format: 'jsonl', source: 'all', documents: 3, glossaVersion: expect.any(String) });
    const layer = (name: string) => card.layers.find((entry: { layer: string }) => entry.layer === name);
    expect(layer('ENTITY').total).toBe(8);
    expect(layer('STANCE').total).toBe(2);
    expect(layer('RELATION').total).toBe(2);
    expect(layer('DOCUMENT').total).toBe(3);
    expect(layer('ENTITY').labels.find((label: { key: string }) => label.key === 'ORG')).toEqual({ key: 'ORG', name: 'Organization', count: 3 });
    expect(card.annotators.map((entry: { id: string }) => entry.id).sort()).toEqual(['gold', annotatorA.id, annotatorB.id].sort());
    expect(card.formatNotes).toMatchObject({ documentsWithoutAnnotations: 1 });
    expect(card.targets.map((target: { key: string }) => target.key)).toContain('AFGHAN_TALIBAN');
    // Nothing was submitted by two annotators: no agreement section rather than made-up figures.
    expect(card.agreement).toEqual({});
  });

  it("carries the review module's agreement figures once two annotators submitted the same document", async () => {
    const where = { documentId_userId: { documentId: documentIds.opEd, userId: annotatorB.id } };
    await db.assignment.update({ where, data: { status: 'SUBMITTED' } });
    try {
      const card = JSON.parse((await exported('format=card-json&source=gold')).text);
      expect(card.agreement['documents compared (submitted by all their annotators)']).toBe(1);
      expect(card.agreement['annotators compared']).toBe(2);
      expect(Object.keys(card.agreement).some((key) => key.startsWith("Krippendorff's α over tokens"))).toBe(true);
    } finally {
      await db.assignment.update({ where, data: { status: 'IN_PROGRESS' } });
    }
  });
});

describe('refusals', () => {
  it('answers 409 with the way out when the project has no gold yet', async () => {
    const other = await makeProject(db, { OWNER: owner }, 'No gold');
    await importBatch(
      db,
      [
        {
          kind: 'parsed',
          name: 'fixture',
          format: 'json',
          documents: [document('d', 'Talks in Doha.', { spans: [span('Talks in Doha.', 'Doha', 'GPE', owner.id)] })],
        },
      ],
      {
        projectId: other.id,
        actorId: owner.id,
        author: { kind: 'user', userId: owner.id },
      },
    );
    const response = await exportResponse('format=jsonl&source=gold', owner.token, other.id);
    expect(response.status).toBe(409);
    expect(await response.json()).toEqual({ error: { code: 'conflict', message: NO_GOLD_MESSAGE } });
    expect((await exportResponse('format=jsonl&source=all', owner.token, other.id)).status).toBe(200);
  });

  it('answers 400 naming every valid format or source', async () => {
    const format = await exportResponse('format=xml');
    expect(format.status).toBe(400);
    const formatMessage: string = (await format.json()).error.message;
    for (const name of [...EXPORT_FORMATS, 'card', 'card-json']) expect(formatMessage).toContain(name);
    const source = await exportResponse('source=everyone');
    expect(source.status).toBe(400);
    expect((await source.json()).error.message).toContain('gold, all, annotator:<userId>');
    const unknown = await exportResponse('colour=red');
    expect((await unknown.json()).error.message).toContain('meta.<key>=<value>');
  });

  it('refuses annotators (403) and users outside the project (404)', async () => {
    expect((await exportResponse('source=all', annotatorA.token)).status).toBe(403);
    const stranger = await makeUser(db, 'stranger');
    expect((await exportResponse('source=all', stranger.token)).status).toBe(404);
  });
});
