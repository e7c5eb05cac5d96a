import { beforeEach, describe, expect, it } from 'vitest';
import { getPrisma } from '@/lib/db/client';
import { sha256 } from '@/lib/documents/store';
import { documentQueryString, hasActiveFilters, parseDocumentQuery, searchDocuments, type DocumentFilters } from '@/lib/documents/search';
import type { AssignmentStatus } from '@/lib/generated/prisma/enums';
import { makeProject, makeUser, type TestUser } from '../support/fixtures';

const db = getPrisma();
let owner: TestUser;
let alice: TestUser;
let bob: TestUser;
let projectId: string;
let ids: Record<string, string>;

const none: DocumentFilters = { mine: false, meta: [] };

async function addDocument(position: number, name: string, text: string, metadata: object = {}) {
  const document = await db.document.create({ data: { projectId, name, text, sha256: sha256(text), metadata, position }, select: { id: true } });
  return document.id;
}

async function assign(documentId: string, user: TestUser, status: AssignmentStatus) {
  await db.assignment.create({ data: { documentId, userId: user.id, status } });
}

async function names(filters: Partial<DocumentFilters>, callerId?: string) {
  const result = await searchDocuments(db, projectId, { ...none, ...filters }, { ...(callerId && { callerId }) });
  return { names: result.documents.map((d) => d.name), total: result.total };
}

beforeEach(async () => {
  owner = await makeUser(db, 'owner');
  alice = await makeUser(db, 'alice');
  bob = await makeUser(db, 'bob');
  projectId = (await makeProject(db, { OWNER: owner, ANNOTATOR: alice, CURATOR: bob })).id;
  ids = {
    dawn: await addDocument(0, 'Dawn editorial', 'The Prime Minister said 50% of funds…', { source: 'Dawn', year: 2021, pinned: true }),
    express: await addDocument(1, 'Express Tribune', 'Attack in BANNU by a group.', { source: 'Express', year: '2021' }),
    geo: await addDocument(2, 'Geo report', 'پاکستان کے وزیر اعظم in Bannu', { source: 'Geo', year: 2022, nested: { a: 1 } }),
    blank: await addDocument(3, 'Untitled_1', 'Nothing here.', {}),
    gone: await addDocument(4, 'Withdrawn Bannu', 'Bannu, withdrawn.', { source: 'Dawn', year: 2021 }),
  };
  await db.document.update({ where: { id: ids.gone! }, data: { deletedAt: new Date() } });
  await assign(ids.dawn!, alice, 'SUBMITTED');
  await assign(ids.dawn!, bob, 'IN_PROGRESS');
  await assign(ids.express!, alice, 'ASSIGNED');
  await assign(ids.geo!, bob, 'SUBMITTED');
  await assign(ids.gone!, alice, 'SUBMITTED');
});

describe('searchDocuments', () => {
  it('lists every live document in position order with assignments, withdrawn ones excluded', async () => {
    const result = await searchDocuments(db, projectId, none);
    expect(result.total).toBe(4);
    expect(result.documents.map((d) => d.name)).toEqual(['Dawn editorial', 'Express Tribune', 'Geo report', 'Untitled_1']);
    const dawn = result.documents[0]!;
    expect(dawn).toMatchObject({ id: ids.dawn, position: 0, metadata: { source: 'Dawn', year: 2021, pinned: true } });
    expect(dawn.createdAt).toBeInstanceOf(Date);
    expect(dawn.assignments).toEqual(
      expect.arrayContaining([
        { userId: alice.id, status: 'SUBMITTED' },
        { userId: bob.id, status: 'IN_PROGRESS' },
      ]),
    );
    expect(result.documents[3]!.assignments).toEqual([]);
  });

  it('searches names and texts case-insensitively, wildcards taken literally', async () => {
    expect(await names({ q: 'bannu' })).toEqual({ names: ['Express Tribune', 'Geo report'], total: 2 });
    expect(await names({ q: 'EDITORIAL' })).toEqual({ names: ['Dawn editorial'], total: 1 });
    expect(await names({ q: 'وزیر' })).toEqual({ names: ['Geo report'], total: 1 });
    expect((await names({ q: '50%' })).names).toEqual(['Dawn editorial']);
    expect((await names({ q: '%' })).names).toEqual(['Dawn editorial']);
    expect((await names({ q: 'd_1' })).names).toEqual(['Untitled_1']);
    expect((await names({ q: 'n_u' })).names).toEqual([]);
    expect(await names({ q: 'withdrawn' })).toEqual({ names: [], total: 0 });
  });

  it('filters by assignment status, and by none for unassigned', async () => {
    expect((await names({ status: 'SUBMITTED' })).names).toEqual(['Dawn editorial', 'Geo report']);
    expect((await names({ status: 'IN_PROGRESS' })).names).toEqual(['Dawn editorial']);
    expect((await names({ status: 'ASSIGNED' })).names).toEqual(['Express Tribune']);
    expect(await names({ status: 'unassigned' })).toEqual({ names: ['Untitled_1'], total: 1 });
  });

  it('filters by assignee and by the caller ("mine")', async () => {
    expect((await names({ assignee: alice.id })).names).toEqual(['Dawn editorial', 'Express Tribune']);
    expect((await names({ assignee: bob.id })).names).toEqual(['Dawn editorial', 'Geo report']);
    expect((await names({ assignee: owner.id })).names).toEqual([]);
    expect((await names({ mine: true }, bob.id)).names).toEqual(['Dawn editorial', 'Geo report']);
    await expect(searchDocuments(db, projectId, { ...none, mine: true })).rejects.toThrow(/caller/);
  });

  it('compares metadata as text, so numbers match their digits', async () => {
    expect((await names({ meta: [{ key: 'source', value: 'Dawn' }] })).names).toEqual(['Dawn editorial']);
    expect((await names({ meta: [{ key: 'source', value: 'dawn' }] })).names).toEqual([]);
    expect((await names({ meta: [{ key: 'year', value: '2021' }] })).names).toEqual(['Dawn editorial', 'Express Tribune']);
    expect((await names({ meta: [{ key: 'pinned', value: 'true' }] })).names).toEqual(['Dawn editorial']);
    expect((await names({ meta: [{ key: 'nested', value: '{"a": 1}' }] })).names).toEqual(['Geo report']);
    expect((await names({ meta: [{ key: 'x\'; DROP TABLE "Document"; --', value: '1' }] })).names).toEqual([]);
    expect(
      (
        await names({
          meta: [
            { key: 'year', value: '2021' },
            { key: 'source', value: 'Express' },
          ],
        })
      ).names,
    ).toEqual(['Express Tribune']);
  });

  it('combines filters with AND; status and assignee describe the same assignment', async () => {
    expect((await names({ assignee: alice.id, status: 'SUBMITTED' })).names).toEqual(['Dawn editorial']);
    expect((await names({ assignee: bob.id, status: 'IN_PROGRESS' })).names).toEqual(['Dawn editorial']);
    expect((await names({ assignee: alice.id, status: 'IN_PROGRESS' })).names).toEqual([]);
    expect((await names({ q: 'bannu', status: 'SUBMITTED' })).names).toEqual(['Geo report']);
    expect((await names({ mine: true, meta: [{ key: 'year', value: '2021' }] }, alice.id)).names).toEqual(['Dawn editorial', 'Express Tribune']);
    expect((await names({ mine: true, assignee: bob.id }, alice.id)).names).toEqual(['Dawn editorial']);
    expect((await names({ status: 'unassigned', assignee: alice.id })).names).toEqual([]);
  });

  it('pages 50 at a time with the total for the filter, clamping past the end', async () => {
    const texts = Array.from({ length: 120 }, (_, i) => `bulk ${i}`);
    await db.document.createMany({
      data: texts.map((text, i) => ({
        projectId,
        name: `Bulk ${String(i).padStart(3, '0')}`,
        text,
        sha256: sha256(text),
        position: 10 + i,
        metadata: { batch: i % 2 },
      })),
    });
    const page1 = await searchDocuments(db, projectId, { ...none, q: 'bulk' }, { page: 1 });
    const page2 = await searchDocuments(db, projectId, { ...none, q: 'bulk' }, { page: 2 });
    const page3 = await searchDocuments(db, projectId, { ...none, q: 'bulk' }, { page: 3 });
    expect([page1.total, page2.total, page3.total]).toEqual([120, 120, 120]);
    expect([page1.documents.length, page2.documents.length, page3.documents.length]).toEqual([50, 50, 20]);
    expect(page1.documents[0]!.name).toBe('Bulk 000');
    expect(page2.documents[0]!.name).toBe('Bulk 050');
    expect(page3.documents.at(-1)!.name).toBe('Bulk 119');
    const all = [...page1.documents, ...page2.documents, ...page3.documents].map((d) => d.id);
    expect(new Set(all).size).toBe(120);

    const beyond = await searchDocuments(db, projectId, { ...none, q: 'bulk' }, { page: 99 });
    expect(beyond.page).toBe(3);
    expect(beyond.documents[0]!.name).toBe('Bulk 100');

    const odd = await searchDocuments(db, projectId, { ...none, meta: [{ key: 'batch', value: '1' }] }, { page: 2 });
    expect(odd.total).toBe(60);
    expect(odd.documents.map((d) => d.name)).toEqual(Array.from({ length: 10 }, (_, i) => `Bulk ${String(101 + 2 * i).padStart(3, '0')}`));
  });

  it('keeps projects apart', async () => {
    const other = await makeProject(db, { OWNER: owner }, 'Other');
    await db.document.create({ data: { projectId: other.id, name: 'Other Bannu', text: 'Bannu', sha256: sha256('Bannu'), position: 0 } });
    expect((await names({ q: 'bannu' })).total).toBe(2);
    expect((await searchDocuments(db, other.id, none)).total).toBe(1);
  });
});

describe('parseDocumentQuery', () => {
  it('reads filters from a query string, ignoring unknown or malformed values', () => {
    const parsed = parseDocumentQuery(new URLSearchParams('q=%20Bannu%20&status=bogus&assignee=&page=-3&meta.year=2021&meta.=x&other=1'));
    expect(parsed).toEqual({ filters: { q: 'Bannu', mine: false, meta: [{ key: 'year', value: '2021' }] }, page: 1 });
    expect(parseDocumentQuery({ status: 'unassigned', page: '3' })).toEqual({ filters: { status: 'unassigned', mine: false, meta: [] }, page: 3 });
    expect(parseDocumentQuery({ status: 'submitted' }).filters.status).toBe('SUBMITTED');
    expect(parseDocumentQuery({ status: ['ASSIGNED', 'IN_PROGRESS'] }).filters.status).toBe('IN_PROGRESS');
    expect(parseDocumentQuery({ page: 'abc', q: 'x'.repeat(1000) })).toEqual({ filters: { mine: false, meta: [] }, page: 1 });
  });

  it("takes the form's metadata key/value pair alongside meta.<key> parameters", () => {
    const parsed = parseDocumentQuery(new URLSearchParams('meta.source=Dawn&metaKey=year&metaValue=2021'));
    expect(parsed.filters.meta).toEqual([
      { key: 'source', value: 'Dawn' },
      { key: 'year', value: '2021' },
    ]);
    expect(parseDocumentQuery({ metaKey: '  ', metaValue: 'x' }).filters.meta).toEqual([]);
  });

  it('defaults "mine" for annotators, and the last of repeated values wins', () => {
    expect(parseDocumentQuery({}, { defaultMine: true }).filters.mine).toBe(true);
    expect(parseDocumentQuery({}).filters.mine).toBe(false);
    // The form sends a hidden mine=0, then mine=1 only when the box is ticked.
    expect(parseDocumentQuery(new URLSearchParams('mine=0'), { defaultMine: true }).filters.mine).toBe(false);
    expect(parseDocumentQuery(new URLSearchParams('mine=0&mine=1'), { defaultMine: false }).filters.mine).toBe(true);
    expect(parseDocumentQuery({ mine: ['0', '1'] }).filters.mine).toBe(true);
    expect(parseDocumentQuery({ mine: 'yes' }, { defaultMine: true }).filters.mine).toBe(true);
  });

  it("round-trips through the pager's query string", () => {
    const filters: DocumentFilters = { q: 'a&b', status: 'SUBMITTED', assignee: 'u1', mine: false, meta: [{ key: 'year', value: '2021' }] };
    const query = documentQueryString(filters, 2, { defaultMine: true });
    expect(query).toBe('?q=a%26b&status=SUBMITTED&assignee=u1&mine=0&meta.year=2021&page=2');
    expect(parseDocumentQuery(new URLSearchParams(query.slice(1)), { defaultMine: true })).toEqual({ filters, page: 2 });
    expect(documentQueryString({ mine: true, meta: [] }, 1, { defaultMine: true })).toBe('');
    expect(documentQueryString({ mine: false, meta: [] })).toBe('');
    expect(hasActiveFilters({ mine: false, meta: [] })).toBe(false);
    expect(hasActiveFilters({ mine: true, meta: [] })).toBe(true);
  });
});
