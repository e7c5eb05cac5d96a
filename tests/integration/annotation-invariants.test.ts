import { randomUUID } from 'node:crypto';
import { beforeAll, describe, expect, it } from 'vitest';
import { getPrisma } from '@/lib/db/client';
import { HttpError } from '@/lib/http/errors';
import { importBatch } from '@/lib/import/service';
import type { ImportedDocument } from '@/lib/import/types';
import { call } from '../support/api';
import { labelIds, makeProject, makeUser, type TestUser } from '../support/fixtures';
import { CASES, offsetsOf, reaches, RETIRED_LABEL, RETIRED_TARGET, TEXT, type InvariantCase, type SpanSpec, type Writer } from '../support/invariant-cases';
import { rejectionAs } from '../support/rejection';

/**
 * The table of annotation-rule cases (tests/support/invariant-cases.ts) against every server
 * writer, on real PostgreSQL: each refused write answers with the rule's field and message
 * and stores nothing; each valid one is stored.
 */
const db = getPrisma();
let curator: TestUser, mine: TestUser, other: TestUser;
let projectId: string;
let labels: Record<string, string>;
let targets: Record<string, string>;

beforeAll(async () => {
  const owner = await makeUser(db, 'owner');
  curator = await makeUser(db, 'curator');
  [mine, other] = [await makeUser(db, 'mine'), await makeUser(db, 'other')];
  projectId = (await makeProject(db, { OWNER: owner, CURATOR: curator, ANNOTATOR: mine })).id;
  await db.membership.create({ data: { projectId, userId: other.id, role: 'ANNOTATOR' } });
  labels = await labelIds(db, projectId);
  await db.label.update({ where: { id: labels[RETIRED_LABEL] }, data: { retired: true } });
  await db.target.create({ data: { projectId, key: RETIRED_TARGET, name: 'An old target', retired: true } });
  targets = Object.fromEntries((await db.target.findMany({ where: { projectId } })).map((t) => [t.key, t.id]));
});

// A label key that names no label: a well-formed id of no row.
const labelIdOf = (spec: string) => labels[spec] ?? `missing-${spec}`;
const keyOf = (spec: string) => spec.split(':')[1]!;
const authorOf = (author: 'mine' | 'other') => (author === 'mine' ? mine.id : other.id);

/**
 * A fresh document for one case, with the case's overlap policy and both annotators assigned:
 * at work for the API writers, submitted for adjudication (submitted work is read-only).
 */
async function caseDocument(testCase: InvariantCase, status: 'IN_PROGRESS' | 'SUBMITTED' = 'IN_PROGRESS'): Promise<string> {
  await db.project.update({ where: { id: projectId }, data: { allowOverlap: testCase.allowOverlap ?? true } });
  const document = await db.document.create({ data: { projectId, name: testCase.name, text: TEXT, sha256: randomUUID(), position: 0 } });
  await db.assignment.createMany({ data: [mine, other].map((user) => ({ documentId: document.id, userId: user.id, status })) });
  return document.id;
}

/**
 * Stores spans as they were written (rows, not through a writer): the case's existing spans,
 * and for adjudication the item itself, which may break today's rules (a label retired
 * since, a row from before a rule). Returns the ids by ref.
 */
async function storeSpans(documentId: string, spans: (SpanSpec & { author: 'mine' | 'other' })[], ids: Record<string, string> = {}) {
  for (const spec of spans) {
    const { start, end } = offsetsOf(spec.at);
    const target = spec.target && ('target' in spec.target ? { targetId: targets[spec.target.target]! } : { targetAnnotationId: ids[spec.target.span]! });
    const row = await db.annotation.create({
      data: {
        documentId,
        authorId: authorOf(spec.author),
        labelId: labelIdOf(spec.label),
        start,
        end,
        quote: spec.quote ?? Array.from(TEXT).slice(start, end).join(''),
        ...target,
      },
    });
    ids[spec.ref] = row.id;
  }
  return ids;
}

function wireTarget(spec: SpanSpec, ids: Record<string, string>) {
  if (!spec.target) return null;
  return 'target' in spec.target ? { kind: 'target', id: targets[spec.target.target] } : { kind: 'span', id: ids[spec.target.span] };
}

function spanBody(spec: SpanSpec, ids: Record<string, string>) {
  return { labelId: labelIdOf(spec.label), ...offsetsOf(spec.at), ...(spec.quote ? { quote: spec.quote } : {}), target: wireTarget(spec, ids) };
}

/** The API's answer to a refused write: the rule's status, code, field and message. */
function expectRefusedByApi(response: { status: number; body: any }, refused: NonNullable<InvariantCase['refused']>, ids: Record<string, string>) {
  expect(response.body.error.message).toMatch(refused.pattern);
  if (refused.overlap) {
    expect(response.status).toBe(409);
    expect(response.body.error).toMatchObject({ code: 'conflict', details: { overlapsWith: ids.org } });
  } else {
    expect(response.status).toBe(400);
    expect(response.body.error.code).toBe('validation_failed');
    expect(response.body.error.details[0].path).toBe(`body.${refused.field}`);
  }
}

const countMine = (documentId: string) => db.annotation.count({ where: { documentId, authorId: mine.id } });

const WRITERS: Record<Exclude<Writer, 'pure' | 'editor'>, (testCase: InvariantCase) => Promise<void>> = {
  async 'api-create'(testCase) {
    const documentId = await caseDocument(testCase);
    const ids = await storeSpans(documentId, testCase.spans ?? []);
    const before = await countMine(documentId);
    const spec = (testCase.write as { span: SpanSpec }).span;
    const response = await call('POST', '/documents/{id}/annotations', { id: documentId }, { token: mine.token, body: spanBody(spec, ids) });
    if (!testCase.refused) {
      expect(response.status, JSON.stringify(response.body)).toBe(201);
      return;
    }
    expectRefusedByApi(response, testCase.refused, ids);
    expect(await countMine(documentId)).toBe(before);
  },

  async 'api-update'(testCase) {
    const documentId = await caseDocument(testCase);
    const ids = await storeSpans(documentId, [...(testCase.spans ?? []), { ref: 'placeholder', label: 'ENTITY:GPE', at: 'Bannu', author: 'mine' }]);
    const spec = (testCase.write as { span: SpanSpec }).span;
    const response = await call('PATCH', '/annotations/{id}', { id: ids.placeholder! }, { token: mine.token, body: { version: 1, ...spanBody(spec, ids) } });
    if (!testCase.refused) {
      expect(response.status, JSON.stringify(response.body)).toBe(200);
      return;
    }
    expectRefusedByApi(response, testCase.refused, ids);
    expect(await db.annotation.findUniqueOrThrow({ where: { id: ids.placeholder } })).toMatchObject({
      version: 1,
      labelId: labels['ENTITY:GPE'],
      quote: 'Bannu',
    });
  },

  async 'api-relation'(testCase) {
    const documentId = await caseDocument(testCase);
    const ids = await storeSpans(documentId, testCase.spans ?? []);
    const spec = (testCase.write as { relation: { label: string; source: string; target: string } }).relation;
    const body = { labelId: labelIdOf(spec.label), sourceId: ids[spec.source], targetId: ids[spec.target] };
    const response = await call('POST', '/documents/{id}/relations', { id: documentId }, { token: mine.token, body });
    if (!testCase.refused) {
      expect(response.status, JSON.stringify(response.body)).toBe(201);
      return;
    }
    expectRefusedByApi(response, testCase.refused, ids);
    expect(await db.relation.count({ where: { documentId } })).toBe(0);
  },

  async import(testCase) {
    await db.project.update({ where: { id: projectId }, data: { allowOverlap: testCase.allowOverlap ?? true } });
    const location = { file: 'case.json' };
    const span = (spec: SpanSpec, author: string) => {
      const [layer, label] = spec.label.split(':') as [string, string];
      const { start, end } = offsetsOf(spec.at);
      const target = spec.target && ('target' in spec.target ? spec.target.target : { span: spec.target.span });
      return { ref: spec.ref, start, end, label, layer: layer as 'ENTITY', quote: spec.quote, target, author, location };
    };
    const write = testCase.write;
    const document: ImportedDocument = {
      name: testCase.name,
      text: TEXT,
      metadata: {},
      location,
      documentLabels: [],
      spans: [...(testCase.spans ?? []).map((s) => span(s, authorOf(s.author))), ...('span' in write ? [span(write.span, mine.id)] : [])],
      relations:
        'relation' in write
          ? [{ label: keyOf(write.relation.label), source: write.relation.source, target: write.relation.target, author: mine.id, location }]
          : [],
    };
    const before = await db.document.count({ where: { projectId } });
    const imported = importBatch(db, [{ kind: 'parsed', name: 'case.json', format: 'json', documents: [document] }], {
      projectId,
      actorId: mine.id,
      author: { kind: 'user', userId: mine.id },
      keepSourceAuthors: true,
      allowDuplicates: true,
    });
    if (!testCase.refused) {
      expect((await imported).documentCount).toBe(1);
      return;
    }
    const error = await rejectionAs(imported, HttpError);
    expect(error.status).toBe(422);
    expect((error.details as { problems: { reason: string }[] }).problems.map((d) => d.reason)).toEqual([expect.stringMatching(testCase.refused.pattern)]);
    expect(await db.document.count({ where: { projectId } })).toBe(before);
  },

  async accept(testCase) {
    const documentId = await caseDocument(testCase, 'SUBMITTED');
    const ids = await storeSpans(documentId, testCase.spans ?? []);
    const accept = (body: Record<string, string[]>) => call('POST', '/documents/{id}/gold', { id: documentId }, { token: curator.token, body });
    // Gold as the curator left it: everything of "mine" already accepted.
    const mineIds = (testCase.spans ?? []).filter((s) => s.author === 'mine').map((s) => ids[s.ref]!);
    if (mineIds.length > 0) expect((await accept({ annotationIds: mineIds })).status).toBe(200);
    const item = await storeItem(documentId, testCase, ids);
    const gold = () =>
      Promise.all([db.annotation.count({ where: { documentId, authorId: null } }), db.relation.count({ where: { documentId, authorId: null } })]);
    const before = await gold();
    const response = await accept('span' in testCase.write ? { annotationIds: [item] } : { relationIds: [item] });
    if (!testCase.refused) {
      expect(response.status, JSON.stringify(response.body)).toBe(200);
      expect(response.body.spans + response.body.relations).toBeGreaterThan(0);
      return;
    }
    expect(response.status, JSON.stringify(response.body)).toBe(409);
    expect(response.body.error.code).toBe('conflict');
    expect(response.body.error.message).toMatch(testCase.refused.pattern);
    expect(response.body.error.details[0]).toMatchObject({ item });
    expect(await gold()).toEqual(before);
  },

  async 'auto-accept'(testCase) {
    const documentId = await caseDocument(testCase, 'SUBMITTED');
    const ids = await storeSpans(documentId, testCase.spans ?? []);
    const item = await storeItem(documentId, testCase, ids);
    const response = await call(
      'POST',
      '/projects/{id}/gold/auto',
      { id: projectId },
      { token: curator.token, body: { minAgreement: 1, documentIds: [documentId] } },
    );
    expect(response.status, JSON.stringify(response.body)).toBe(200);
    const { skipped } = response.body;
    if (!testCase.refused) {
      expect(skipped).toEqual({ count: 0, items: [] });
      return;
    }
    expect(skipped.count).toBe(1);
    expect(skipped.items[0].reason).toMatch(testCase.refused.pattern);
    // With overlap, whichever of the two comes second is left out; otherwise it is the item.
    if (testCase.refused.overlap) expect([item, ids.org]).toContain(skipped.items[0].id);
    else expect(skipped.items[0]).toMatchObject({ documentId, id: item });
    const goldIds = (await db.annotation.findMany({ where: { documentId, authorId: null }, select: { sourceIds: true } })).flatMap((g) => g.sourceIds);
    expect(goldIds).not.toContain(skipped.items[0].id);
  },
};

/** The case's write as an annotator's stored row, for adjudication to take (or refuse) into gold. */
async function storeItem(documentId: string, testCase: InvariantCase, ids: Record<string, string>): Promise<string> {
  const write = testCase.write;
  if ('span' in write) return (await storeSpans(documentId, [{ ...write.span, author: 'mine' }], ids))[write.span.ref]!;
  const relation = await db.relation.create({
    data: {
      documentId,
      authorId: mine.id,
      labelId: labelIdOf(write.relation.label),
      sourceId: ids[write.relation.source]!,
      targetId: ids[write.relation.target]!,
    },
  });
  return relation.id;
}

describe.each(Object.keys(WRITERS) as (keyof typeof WRITERS)[])('annotation rules through %s', (writer) => {
  const reachable = CASES.filter((testCase) => reaches(testCase, writer) === null);
  it.each(reachable.map((testCase) => [testCase.name, testCase] as const))('%s', async (_name, testCase) => {
    await WRITERS[writer](testCase);
  });
});

describe('relabelling a span through the API', () => {
  it('refuses a label that would break the stance spans or relations depending on it, and changes nothing', async () => {
    const documentId = await caseDocument({ name: 'relabel', write: { span: { ref: 'x', label: 'ENTITY:ORG', at: 'Bannu' } }, refused: null });
    const ids = await storeSpans(documentId, [
      { ref: 'org', label: 'ENTITY:ORG', at: 'Hafiz Gul Bahadur group', author: 'mine' },
      { ref: 'person', label: 'ENTITY:PERSON', at: 'Hafiz Gul Bahadur', author: 'mine' },
      { ref: 'stance', label: 'STANCE:AGAINST', at: 'attacked', target: { span: 'org' }, author: 'mine' },
    ]);
    await db.relation.create({ data: { documentId, authorId: mine.id, labelId: labels['RELATION:MEMBER_OF']!, sourceId: ids.person!, targetId: ids.org! } });
    const relabel = (id: string, label: string) =>
      call('PATCH', '/annotations/{id}', { id }, { token: mine.token, body: { version: 1, labelId: labels[label] } });

    const framed = await relabel(ids.org!, 'FRAME:SECURITY_DEFENSE');
    expect(framed.status).toBe(400);
    expect(framed.body.error).toMatchObject({ code: 'validation_failed', details: [{ path: 'body.labelId', message: 'stance target must stay an entity' }] });
    const asGpe = await relabel(ids.person!, 'ENTITY:GPE');
    expect(asGpe.status).toBe(400);
    expect(asGpe.body.error.message).toMatch(/\(MEMBER_OF\) may not link GPE → ORG/);
    // Another entity label that the relation's type still allows is fine.
    expect((await relabel(ids.org!, 'ENTITY:NORP')).status).toBe(200);
    expect(await db.annotation.findUniqueOrThrow({ where: { id: ids.person } })).toMatchObject({ version: 1, labelId: labels['ENTITY:PERSON'] });
  });
});

describe('document answers', () => {
  it('are checked by the same rules through the API and import', async () => {
    const documentId = await caseDocument({ name: 'answers', write: { span: { ref: 'x', label: 'ENTITY:ORG', at: 'Bannu' } }, refused: null });
    const frame = labels['DOCUMENT:PRIMARY_FRAME']!;
    const put = (answer: Record<string, unknown>) =>
      call('PUT', '/documents/{id}/labels', { id: documentId }, { token: mine.token, body: { answers: [answer] } });
    const perDocument = await put({ labelId: frame, targetId: targets.AFGHAN_TALIBAN, values: ['SECURITY_DEFENSE'] });
    expect(perDocument.status).toBe(400);
    expect(perDocument.body.error).toMatchObject({
      message: 'body.answers.0.targetId: PRIMARY_FRAME is asked once per document.',
      details: [{ path: 'body.answers.0.targetId', message: 'not allowed' }],
    });
    expect((await put({ labelId: frame, values: ['NO_SUCH_FRAME'] })).body.error.details).toEqual([
      { path: 'body.answers.0.values', message: 'unknown option NO_SUCH_FRAME' },
    ]);

    const location = { file: 'answers.json' };
    const document: ImportedDocument = {
      name: 'answers',
      text: TEXT,
      metadata: {},
      location,
      spans: [],
      relations: [],
      documentLabels: [{ question: 'PRIMARY_FRAME', target: 'AFGHAN_TALIBAN', values: ['SECURITY_DEFENSE'], location }],
    };
    const imported = importBatch(db, [{ kind: 'parsed', name: 'answers.json', format: 'json', documents: [document] }], {
      projectId,
      actorId: mine.id,
      author: { kind: 'user', userId: mine.id },
      allowDuplicates: true,
    });
    await expect(imported).rejects.toMatchObject({
      status: 422,
      details: { problems: [{ reason: 'answer to PRIMARY_FRAME: PRIMARY_FRAME is asked once per document.' }] },
    });
    expect(await db.documentLabel.count({ where: { document: { projectId } } })).toBe(0);
  });
});
