import { strFromU8, unzipSync, zipSync } from 'fflate';
import { beforeAll, describe, expect, it } from 'vitest';
import { getPrisma } from '@/lib/db/client';
import { exportProject, type ExportRequest } from '@/lib/export/run';
import { parseSource } from '@/lib/import/parsers';
import { importBatch } from '@/lib/import/service';
import { sourceOf } from '../fixtures/import/source';
import { makeProject, makeTeam, type TestUser } from '../support/fixtures';
import { makeRecommender } from '../support/suggestions';

/**
 * Provenance in exports (issue #18 follow-up): each span's origin and sourceIds reach the formats
 * that can hold them, the dataset card counts spans per origin, layer and recommender, and a
 * Glossa JSONL export imported again keeps them.
 */
const db = getPrisma();
const TEXT = 'Alice met Bob in Paris';
let owner: TestUser, annotator: TestUser, projectId: string;
let recommenderId: string, typed: string;

const at = (quote: string) => ({ start: TEXT.indexOf(quote), end: TEXT.indexOf(quote) + quote.length, quote });

beforeAll(async () => {
  ({ owner, annotator, projectId } = await makeTeam(db, { annotator: 'ANNOTATOR' }));
  recommenderId = (await makeRecommender(db, projectId, 'Llama')).id;
  const labels = Object.fromEntries((await db.label.findMany({ where: { projectId, layer: 'ENTITY' } })).map((l) => [l.key, l.id]));
  const { id: documentId } = await db.document.create({ data: { projectId, name: 'd1', text: TEXT, sha256: 'd1', position: 0 } });
  const suggested = [`suggestion:s1`, `run:r1`, `recommender:${recommenderId}`];
  const span = (authorId: string | null, label: string, quote: string, origin: 'MANUAL' | 'IMPORTED' | 'SUGGESTED' | 'ADJUDICATED', sourceIds: string[] = []) =>
    db.annotation.create({ data: { documentId, authorId, labelId: labels[label]!, ...at(quote), origin, sourceIds } });
  typed = (await span(annotator.id, 'PERSON', 'Alice', 'MANUAL')).id;
  await span(annotator.id, 'GPE', 'Paris', 'SUGGESTED', suggested);
  await span(null, 'PERSON', 'Alice', 'ADJUDICATED', [typed]);
  await span(null, 'GPE', 'Paris', 'SUGGESTED', suggested);
  await span(null, 'ORG', 'Bob', 'IMPORTED');
});

async function exported(request: Partial<ExportRequest> & Pick<ExportRequest, 'format'>, project = projectId): Promise<string> {
  const { stream } = await exportProject(db, project, { source: { kind: 'gold' }, baseUrl: 'http://localhost', ...request });
  return new Response(stream).text();
}

describe('provenance in exports', () => {
  it('jsonl gives each span its origin and source_ids', async () => {
    const [line] = (await exported({ format: 'jsonl', source: { kind: 'all' } })).trim().split('\n');
    const spans = JSON.parse(line!).spans as { quote: string; author: string; origin: string; source_ids: string[] }[];
    const of = (author: string, quote: string) => spans.find((s) => s.author === author && s.quote === quote);
    expect(of(annotator.id, 'Alice')).toMatchObject({ origin: 'MANUAL', source_ids: [] });
    expect(of(annotator.id, 'Paris')).toMatchObject({ origin: 'SUGGESTED', source_ids: ['suggestion:s1', 'run:r1', `recommender:${recommenderId}`] });
    expect(of('gold', 'Alice')).toMatchObject({ origin: 'ADJUDICATED', source_ids: [typed] });
    expect(of('gold', 'Bob')).toMatchObject({ origin: 'IMPORTED', source_ids: [] });
  });

  it('a jsonl export imported into another project keeps each span’s origin and sourceIds', async () => {
    const { id: copy } = await makeProject(db, { OWNER: owner }, 'Copy');
    const file = await exported({ format: 'jsonl' });
    const report = await importBatch(db, [{ kind: 'file', source: sourceOf('gold.jsonl', file, 1 << 20) }], {
      projectId: copy,
      actorId: owner.id,
      author: { kind: 'gold' },
    });
    expect(report.documents).toHaveLength(1);
    const stored = await db.annotation.findMany({ where: { document: { projectId: copy } }, select: { quote: true, origin: true, sourceIds: true } });
    expect(stored.sort((a, b) => a.quote.localeCompare(b.quote))).toEqual([
      { quote: 'Alice', origin: 'ADJUDICATED', sourceIds: [typed] },
      { quote: 'Bob', origin: 'IMPORTED', sourceIds: [] },
      { quote: 'Paris', origin: 'SUGGESTED', sourceIds: ['suggestion:s1', 'run:r1', `recommender:${recommenderId}`] },
    ]);
  });

  it('brat declares an Origin attribute, gives each span one, and keeps sourceIds in its note; the brat import reads both back', async () => {
    const { stream } = await exportProject(db, projectId, { format: 'brat', source: { kind: 'gold' }, baseUrl: 'http://localhost' });
    const files = unzipSync(new Uint8Array(await new Response(stream).arrayBuffer()));
    const ann = strFromU8(files['d1.ann']!);
    const id = (quote: string) => new RegExp(`^(T\\d+)\\t\\S+ [\\d ]+\\t${quote}$`, 'm').exec(ann)![1];
    expect(ann).toMatch(new RegExp(`^A\\d+\\tOrigin ${id('Paris')} SUGGESTED$`, 'm'));
    expect(ann).toMatch(new RegExp(`^A\\d+\\tOrigin ${id('Bob')} IMPORTED$`, 'm'));
    expect(ann).toContain(`AnnotatorNotes ${id('Alice')}\t{"glossa:sourceIds":["${typed}"]}`);
    expect(strFromU8(files['annotation.conf']!)).toMatch(/^Origin\tArg:<ANY>, Value:(ADJUDICATED|IMPORTED|SUGGESTED)(\|(ADJUDICATED|IMPORTED|SUGGESTED)){2}$/m);
    const read = [];
    for await (const doc of parseSource(sourceOf('d1.zip', zipSync(files), 1 << 20), 'brat')) read.push(doc);
    const spans = read[0]!.spans.map(({ quote, origin, sourceIds, attributes }) => ({ quote, origin, sourceIds, attributes }));
    expect(spans.sort((a, b) => a.quote!.localeCompare(b.quote!))).toEqual([
      { quote: 'Alice', origin: 'ADJUDICATED', sourceIds: [typed], attributes: undefined },
      { quote: 'Bob', origin: 'IMPORTED', sourceIds: undefined, attributes: undefined },
      { quote: 'Paris', origin: 'SUGGESTED', sourceIds: ['suggestion:s1', 'run:r1', `recommender:${recommenderId}`], attributes: undefined },
    ]);
  });

  it('w3c states origin and sourceIds, and makes the recommender (Software) the creator of an accepted suggestion’s body', async () => {
    const collection = JSON.parse(await exported({ format: 'w3c' }));
    const items = collection.first.items as { body: { value: string; creator?: unknown }[]; 'glossa:origin': string; 'glossa:sourceIds'?: string[] }[];
    const of = (label: string) => items.find((item) => item.body[0]!.value === label)!;
    expect(of('GPE')).toMatchObject({ 'glossa:origin': 'SUGGESTED', 'glossa:sourceIds': ['suggestion:s1', 'run:r1', `recommender:${recommenderId}`] });
    expect(of('GPE').body[0]!.creator).toEqual({ id: `http://localhost/recommenders/${recommenderId}`, type: 'Software' });
    expect(of('PERSON')).toMatchObject({ 'glossa:origin': 'ADJUDICATED', 'glossa:sourceIds': [typed], creator: 'http://localhost/annotators/gold' });
    expect(of('PERSON').body[0]!.creator).toBeUndefined();
    expect(of('ORG')['glossa:sourceIds']).toBeUndefined();
  });

  it('the dataset card counts spans per origin, per layer, and accepted suggestions per recommender by name', async () => {
    const card = JSON.parse(await exported({ format: 'card-json', source: { kind: 'all' } }));
    expect(card.provenance).toEqual({
      spans: 5,
      origins: { MANUAL: 1, SUGGESTED: 2, ADJUDICATED: 1, IMPORTED: 1 },
      layers: [{ layer: 'ENTITY', origins: { MANUAL: 1, SUGGESTED: 2, ADJUDICATED: 1, IMPORTED: 1 } }],
      recommenders: [{ id: recommenderId, name: 'Llama', spans: 2 }],
    });
    const markdown = await exported({ format: 'card', source: { kind: 'all' } });
    expect(markdown).toContain('2 of 5 spans were accepted model suggestions (2 from recommender Llama).');
    expect(markdown).toContain('| ENTITY | 1 | 1 | 2 | 1 | 0 |');
    expect(markdown).toContain('Each span has it in `origin` and `source_ids`.');
    const conll = await exported({ format: 'card', cardOf: 'conll' });
    expect(conll).toContain('1 of 3 spans were accepted model suggestions (1 from recommender Llama).');
    expect(conll).toContain('conll does not carry it, so the counts here are all it says; export as jsonl, w3c or brat to have it per span.');
  });
});
