import { beforeAll, describe, expect, it } from 'vitest';
import { createAnnotation, deleteAnnotation, updateAnnotation, type Actor } from '@/lib/annotations/service';
import { createRelation, deleteRelation } from '@/lib/annotations/relations';
import { replaceAnswers } from '@/lib/annotations/document-labels';
import { getPrisma } from '@/lib/db/client';
import { annotationSnapshot, documentLabelSnapshot, relationSnapshot } from '@/lib/events/snapshots';
import type { EventAction, EventEntity } from '@/lib/generated/prisma/enums';
import { importBatch } from '@/lib/import/service';
import { acceptIntoGold, autoAccept } from '@/lib/review/adjudication';
import { labelIds, makeProject, makeUser, offsetsIn } from '../support/fixtures';

/**
 * The event log's promise (README "Annotation model"): every change to an annotation, a
 * relation or a document answer is one event, with the state before (UPDATE, DELETE) and
 * after (CREATE, UPDATE), each equal to the entity's snapshot as stored before and after.
 * One row per mutating service (each behind an endpoint), run on PostgreSQL; the events it
 * wrote are compared with the table.
 */
const db = getPrisma();
const TEXT = 'The Hafiz Gul Bahadur group attacked Bannu.';
let projectId: string;
let a: Actor, b: Actor, curator: Actor;
let labels: Record<string, string>;

beforeAll(async () => {
  const owner = await makeUser(db, 'owner');
  const users = { curator: await makeUser(db, 'curator'), a: await makeUser(db, 'a'), b: await makeUser(db, 'b') };
  projectId = (await makeProject(db, { OWNER: owner, CURATOR: users.curator, ANNOTATOR: users.a })).id;
  await db.membership.create({ data: { projectId, userId: users.b.id, role: 'ANNOTATOR' } });
  const annotator = { projectId, role: 'ANNOTATOR' as const, blindMode: true, seesOthersWork: false };
  a = { userId: users.a.id, access: annotator };
  b = { userId: users.b.id, access: annotator };
  curator = { userId: users.curator.id, access: { projectId, role: 'CURATOR', blindMode: true, seesOthersWork: true } };
  labels = await labelIds(db, projectId);
});

const at = offsetsIn(TEXT);
/** The id of a new span of `actor`'s. */
const span = async (actor: Actor, documentId: string, label: string, needle: string) =>
  (await createAnnotation(db, actor, documentId, { labelId: labels[label]!, ...at(needle), target: null })).id;
const orgSpan = (actor: Actor, documentId: string) => span(actor, documentId, 'ENTITY:ORG', 'Hafiz Gul Bahadur group');
const gpeSpan = (actor: Actor, documentId: string) => span(actor, documentId, 'ENTITY:GPE', 'Bannu');
/** Annotator A's "the group ATTACKED Bannu": the ids of the relation and its two spans. */
async function attack(documentId: string) {
  const [org, gpe] = [await orgSpan(a, documentId), await gpeSpan(a, documentId)];
  return { org, gpe, relation: (await createRelation(db, a, documentId, { labelId: labels['RELATION:ATTACKED']!, sourceId: org, targetId: gpe })).id };
}
const answer = (actor: Actor, documentId: string, frame: string, gold = false) =>
  replaceAnswers(db, actor, documentId, frame ? [{ labelId: labels['DOCUMENT:PRIMARY_FRAME']!, values: [frame] }] : [], gold);
const submit = (documentId: string) => db.assignment.updateMany({ where: { documentId }, data: { status: 'SUBMITTED' } });

type Side = 'after' | 'before' | 'both';
interface Row {
  operation: string;
  /** Work done first; its events are not counted. Returns what `run` needs. */
  setup?: (documentId: string) => Promise<Record<string, string>>;
  run: (documentId: string, ids: Record<string, string>) => Promise<unknown>;
  expected: [EventEntity, EventAction, Side][];
}

const ROWS: Row[] = [
  {
    operation: 'POST /documents/{id}/annotations',
    run: (documentId) => orgSpan(a, documentId),
    expected: [['ANNOTATION', 'CREATE', 'after']],
  },
  {
    operation: 'PATCH /annotations/{id}',
    setup: async (documentId) => ({ gpe: await gpeSpan(a, documentId) }),
    run: (documentId, { gpe }) => updateAnnotation(db, a, documentId, gpe!, { version: 1, labelId: labels['ENTITY:LOC'] }),
    expected: [['ANNOTATION', 'UPDATE', 'both']],
  },
  {
    operation: 'DELETE /annotations/{id} (its relation goes with it)',
    setup: attack,
    run: (documentId, { gpe }) => deleteAnnotation(db, a, documentId, gpe!),
    expected: [
      ['RELATION', 'DELETE', 'before'],
      ['ANNOTATION', 'DELETE', 'before'],
    ],
  },
  {
    operation: 'POST /documents/{id}/relations',
    setup: async (documentId) => ({ org: await orgSpan(a, documentId), gpe: await gpeSpan(a, documentId) }),
    run: (documentId, { org, gpe }) => createRelation(db, a, documentId, { labelId: labels['RELATION:ATTACKED']!, sourceId: org!, targetId: gpe! }),
    expected: [['RELATION', 'CREATE', 'after']],
  },
  {
    operation: 'DELETE /relations/{id}',
    setup: attack,
    run: (documentId, { relation }) => deleteRelation(db, a, documentId, relation!),
    expected: [['RELATION', 'DELETE', 'before']],
  },
  {
    operation: 'PUT /documents/{id}/labels: a new answer',
    run: (documentId) => answer(a, documentId, 'SECURITY_DEFENSE'),
    expected: [['DOCUMENT_LABEL', 'CREATE', 'after']],
  },
  {
    operation: 'PUT /documents/{id}/labels: a changed answer',
    setup: async (documentId) => (await answer(a, documentId, 'SECURITY_DEFENSE'), {}),
    run: (documentId) => answer(a, documentId, 'ECONOMIC'),
    expected: [['DOCUMENT_LABEL', 'UPDATE', 'both']],
  },
  {
    operation: 'PUT /documents/{id}/labels: an answer left out',
    setup: async (documentId) => (await answer(a, documentId, 'SECURITY_DEFENSE'), {}),
    run: (documentId) => answer(a, documentId, ''),
    expected: [['DOCUMENT_LABEL', 'DELETE', 'before']],
  },
  {
    operation: 'PUT /documents/{id}/labels: the same answers again (no change, no event)',
    setup: async (documentId) => (await answer(a, documentId, 'SECURITY_DEFENSE'), {}),
    run: (documentId) => answer(a, documentId, 'SECURITY_DEFENSE'),
    expected: [],
  },
  {
    operation: 'POST /documents/{id}/gold: a span',
    setup: async (documentId) => {
      const org = await orgSpan(a, documentId);
      await submit(documentId);
      return { org };
    },
    run: (documentId, { org }) => acceptIntoGold(db, curator, documentId, { annotationIds: [org!] }),
    expected: [['ANNOTATION', 'CREATE', 'after']],
  },
  {
    operation: 'POST /documents/{id}/gold: the same span from a second annotator (provenance)',
    setup: async (documentId) => {
      const [first, second] = [await orgSpan(a, documentId), await orgSpan(b, documentId)];
      await submit(documentId);
      await acceptIntoGold(db, curator, documentId, { annotationIds: [first] });
      return { second };
    },
    run: (documentId, { second }) => acceptIntoGold(db, curator, documentId, { annotationIds: [second!] }),
    expected: [['ANNOTATION', 'UPDATE', 'both']],
  },
  {
    operation: 'POST /documents/{id}/gold: a relation (its spans first)',
    setup: async (documentId) => {
      const { relation } = await attack(documentId);
      await submit(documentId);
      return { relation };
    },
    run: (documentId, { relation }) => acceptIntoGold(db, curator, documentId, { relationIds: [relation!] }),
    expected: [
      ['ANNOTATION', 'CREATE', 'after'],
      ['ANNOTATION', 'CREATE', 'after'],
      ['RELATION', 'CREATE', 'after'],
    ],
  },
  {
    operation: 'POST /documents/{id}/gold: another annotator’s answer replaces gold’s',
    setup: async (documentId) => {
      const [first] = await answer(a, documentId, 'SECURITY_DEFENSE');
      const [second] = await answer(b, documentId, 'ECONOMIC');
      await submit(documentId);
      await acceptIntoGold(db, curator, documentId, { answerIds: [first!.id] });
      return { second: second!.id };
    },
    run: (documentId, { second }) => acceptIntoGold(db, curator, documentId, { answerIds: [second!] }),
    expected: [['DOCUMENT_LABEL', 'UPDATE', 'both']],
  },
  {
    operation: 'POST /projects/{id}/gold/auto',
    setup: async (documentId) => {
      await orgSpan(a, documentId);
      await orgSpan(b, documentId);
      await gpeSpan(b, documentId);
      await submit(documentId);
      return {};
    },
    run: (documentId) => autoAccept(db, curator, projectId, { minAgreement: 2, documentIds: [documentId] }),
    expected: [['ANNOTATION', 'CREATE', 'after']],
  },
  {
    operation: 'POST /projects/{id}/documents (import with annotations)',
    run: () => {
      const location = { file: 'events.json' };
      const document = {
        name: 'imported',
        text: TEXT,
        metadata: {},
        location,
        spans: [
          { ref: 'org', ...at('Hafiz Gul Bahadur group'), label: 'ORG', location },
          { ref: 'gpe', ...at('Bannu'), label: 'GPE', location },
        ],
        relations: [{ label: 'ATTACKED', source: 'org', target: 'gpe', location }],
        documentLabels: [{ question: 'PRIMARY_FRAME', values: ['SECURITY_DEFENSE'], location }],
      };
      return importBatch(db, [{ kind: 'parsed', name: 'events.json', format: 'json', documents: [document] }], {
        projectId,
        actorId: a.userId,
        author: { kind: 'user', userId: a.userId },
        allowDuplicates: true,
      });
    },
    expected: [
      ['ANNOTATION', 'CREATE', 'after'],
      ['ANNOTATION', 'CREATE', 'after'],
      ['RELATION', 'CREATE', 'after'],
      ['DOCUMENT_LABEL', 'CREATE', 'after'],
    ],
  },
];

/** Every annotation, relation and answer of the project, as the event log's snapshot functions see them. */
async function state(): Promise<Map<string, unknown>> {
  const inProject = { document: { projectId } };
  const [annotations, relations, answers] = [
    await db.annotation.findMany({ where: inProject }),
    await db.relation.findMany({ where: inProject }),
    await db.documentLabel.findMany({ where: inProject }),
  ];
  return new Map<string, unknown>([
    ...annotations.map((row) => [`ANNOTATION:${row.id}`, annotationSnapshot(row)] as const),
    ...relations.map((row) => [`RELATION:${row.id}`, relationSnapshot(row)] as const),
    ...answers.map((row) => [`DOCUMENT_LABEL:${row.id}`, documentLabelSnapshot(row)] as const),
  ]);
}

describe('the event log', () => {
  it.each(ROWS.map((row) => [row.operation, row] as const))('%s', async (operation, row) => {
    const document = await db.document.create({ data: { projectId, name: operation, text: TEXT, sha256: operation, position: 0 } });
    await db.assignment.createMany({ data: [a, b].map((actor) => ({ documentId: document.id, userId: actor.userId, status: 'IN_PROGRESS' as const })) });
    const ids = (await row.setup?.(document.id)) ?? {};
    const before = await state();
    const last = (await db.event.aggregate({ _max: { id: true } }))._max.id ?? 0n;
    await row.run(document.id, ids);
    const after = await state();
    const events = await db.event.findMany({ where: { id: { gt: last } }, orderBy: { id: 'asc' } });

    const side = (event: (typeof events)[number]): Side =>
      event.before !== null && event.after !== null ? 'both' : event.before !== null ? 'before' : 'after';
    expect(events.map((event) => [event.entity, event.action, side(event)])).toEqual(row.expected);
    const actor = row.operation.includes('/gold') ? curator : a;
    for (const event of events) {
      expect(event).toMatchObject({ projectId, actorId: actor.userId });
      const key = `${event.entity}:${event.entityId}`;
      expect(event.documentId).toBe((after.get(key) as { documentId: string }).documentId);
      if (event.before !== null) expect(event.before).toEqual(before.get(key));
      if (event.after !== null) expect(event.after).toEqual(after.get(key));
    }
  });
});
