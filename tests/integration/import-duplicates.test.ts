import { beforeEach, describe, expect, it } from 'vitest';
import { randomUUID } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { getPrisma } from '@/lib/db/client';
import { HttpError } from '@/lib/http/errors';
import { StagingWriter } from '@/lib/import/staging';
import { writeStaged } from '@/lib/import/write';
import { call } from '../support/api';
import { makeTeam, type TestUser } from '../support/fixtures';

const db = getPrisma();
let owner: TestUser, first: TestUser, second: TestUser, projectId: string;

beforeEach(async () => ({ owner, first, second, projectId } = await makeTeam(db, { first: 'ANNOTATOR', second: 'CURATOR' })));

const BANNU = 'Attack in Bannu by the Hafiz Gul Bahadur group.';
const KABUL = 'Talks in Kabul resumed on Monday.';
const span = (text: string, needle: string, label: string) => ({
  start: text.indexOf(needle),
  end: text.indexOf(needle) + needle.length,
  label,
  quote: needle,
});

function post(body: unknown, query = '') {
  return call('POST', `/projects/{id}/documents${query}`, { id: projectId }, { token: owner.token, body });
}

async function stored() {
  const [documents, annotations, events] = await Promise.all([
    db.document.count({ where: { projectId } }),
    db.annotation.findMany({ where: { document: { projectId } }, select: { documentId: true, authorId: true, quote: true } }),
    db.event.count({ where: { projectId } }),
  ]);
  return { documents, annotations, events };
}

/** The first annotator's file: two documents in their layer. */
async function importFirstAnnotator() {
  const response = await post(
    {
      documents: [
        { name: 'bannu', text: BANNU, spans: [span(BANNU, 'Bannu', 'GPE')] },
        { name: 'kabul', text: KABUL, spans: [span(KABUL, 'Kabul', 'GPE')] },
      ],
    },
    `?author=${first.id}`,
  );
  expect(response.status, JSON.stringify(response.body)).toBe(201);
  return Object.fromEntries((response.body.documents as { id: string; name: string }[]).map((d) => [d.name, d.id]));
}

/** The second annotator's file: the same texts, other spans. */
const secondFile = {
  documents: [
    { name: 'bannu (second)', text: BANNU, spans: [span(BANNU, 'Hafiz Gul Bahadur group', 'ORG'), span(BANNU, 'Bannu', 'GPE')] },
    { name: 'kabul (second)', text: KABUL, spans: [span(KABUL, 'Kabul', 'GPE')] },
  ],
};

describe('duplicates in an import', () => {
  it('skips a duplicate and reports the spans it carried, per entry and per file, storing nothing of it', async () => {
    await importFirstAnnotator();
    const before = await stored();
    const response = await post(secondFile, `?author=${second.id}`);
    expect(response.status, JSON.stringify(response.body)).toBe(201);
    expect(response.body.documentCount).toBe(0);
    expect(response.body.mergedDocumentCount).toBe(0);
    const file = response.body.files[0];
    expect(
      file.duplicatesSkipped.map((d: { name: string; spans: number; relations: number; answers: number }) => [d.name, d.spans, d.relations, d.answers]),
    ).toEqual([
      ['bannu (second)', 2, 0, 0],
      ['kabul (second)', 1, 0, 0],
    ]);
    expect(file.skippedWithDuplicates).toEqual({ spans: 3, relations: 0, answers: 0 });
    expect(file.duplicatesMerged).toEqual([]);
    expect(await stored()).toEqual(before);
  });

  it("merges a second annotator's file onto the existing documents, into their layer, with an event per span", async () => {
    const ids = await importFirstAnnotator();
    const before = await stored();
    const response = await post(secondFile, `?author=${second.id}&duplicates=merge`);
    expect(response.status, JSON.stringify(response.body)).toBe(201);
    expect(response.body.documentCount).toBe(0);
    expect(response.body.mergedDocumentCount).toBe(2);
    const file = response.body.files[0];
    expect(file.duplicatesMerged.map((d: { name: string; documentId: string; spans: number }) => [d.name, d.documentId, d.spans])).toEqual([
      ['bannu (second)', ids.bannu, 2],
      ['kabul (second)', ids.kabul, 1],
    ]);
    expect(file.duplicatesSkipped).toEqual([]);
    expect(file.spans).toBe(3);

    const after = await stored();
    expect(after.documents).toBe(before.documents);
    const secondLayer = after.annotations.filter((a) => a.authorId === second.id);
    expect(secondLayer.map((a) => [a.documentId, a.quote]).sort()).toEqual(
      [
        [ids.bannu, 'Bannu'],
        [ids.bannu, 'Hafiz Gul Bahadur group'],
        [ids.kabul, 'Kabul'],
      ].sort(),
    );
    // The first annotator's layer is untouched.
    expect(after.annotations.filter((a) => a.authorId === first.id)).toHaveLength(2);
    const events = await db.event.findMany({ where: { projectId, entity: 'ANNOTATION', action: 'CREATE', actorId: owner.id } });
    const merged = events.filter((e) => (e.after as { authorId?: string }).authorId === second.id);
    expect(merged.map((e) => e.documentId).sort()).toEqual([ids.bannu, ids.bannu, ids.kabul].sort());
    expect(after.events - before.events).toBe(3);
  });

  it('refuses a merge into a layer that already has work there, naming the document and layer, and writes nothing', async () => {
    const ids = await importFirstAnnotator();
    const before = await stored();
    const response = await post(secondFile, `?author=${first.id}&duplicates=merge`);
    expect(response.status).toBe(422);
    expect(response.body.error.code).toBe('import_rejected');
    const reasons = (response.body.error.details.problems as { reason: string }[]).map((d) => d.reason);
    expect(reasons).toHaveLength(2);
    expect(reasons[0]).toContain(`existing document "bannu (second)" (${ids.bannu})`);
    expect(reasons[0]).toContain(`the layer of member ${first.id} already has annotations there`);
    expect(await stored()).toEqual(before);
  });

  it("refuses a merge into an annotator's SUBMITTED work, naming the record, and writes nothing", async () => {
    const ids = await importFirstAnnotator();
    await db.assignment.create({ data: { documentId: ids.kabul!, userId: second.id, status: 'SUBMITTED', submittedAt: new Date() } });
    const before = await stored();
    const response = await post(secondFile, `?author=${second.id}&duplicates=merge`);
    expect(response.status).toBe(422);
    const details = response.body.error.details.problems as { reason: string; record: number }[];
    expect(details).toHaveLength(1);
    expect(details[0]!.record).toBe(2);
    expect(details[0]!.reason).toContain('is SUBMITTED there and submitted work is read-only');
    expect(await stored()).toEqual(before);
  });

  it('merges duplicates within one batch onto the first copy, and refuses a second copy for the same layer', async () => {
    const copies = {
      documents: [
        { name: 'text only', text: BANNU },
        { name: 'annotated', text: BANNU, spans: [span(BANNU, 'Bannu', 'GPE')] },
      ],
    };
    const merged = await post(copies, '?duplicates=merge');
    expect(merged.status, JSON.stringify(merged.body)).toBe(201);
    expect(merged.body.documentCount).toBe(1);
    expect(merged.body.mergedDocumentCount).toBe(1);
    const documentId = merged.body.documents[0].id;
    expect(merged.body.files[0].duplicatesMerged).toEqual([
      { name: 'annotated', sha256: expect.stringMatching(/^[0-9a-f]{64}$/), documentId, spans: 1, relations: 0, answers: 0 },
    ]);
    expect((await stored()).annotations).toEqual([{ documentId, authorId: owner.id, quote: 'Bannu' }]);

    const twice = {
      documents: [
        { name: 'one', text: KABUL, spans: [span(KABUL, 'Kabul', 'GPE')] },
        { name: 'two', text: KABUL, spans: [span(KABUL, 'Monday', 'DATE')] },
      ],
    };
    const before = await stored();
    const refused = await post(twice, '?duplicates=merge');
    expect(refused.status).toBe(422);
    expect(refused.body.error.details.problems[0].reason).toContain('same text as an earlier document of this import');
    expect(await stored()).toEqual(before);
  });

  it('refuses allowDuplicates together with duplicates=merge, naming the option', async () => {
    const response = await post(secondFile, '?allowDuplicates=true&duplicates=merge');
    expect(response.status).toBe(400);
    expect(JSON.stringify(response.body.error)).toContain('duplicates');
  });

  it('refuses, in the write transaction, a merge into a layer that got work after the check, writing nothing', async () => {
    const ids = await importFirstAnnotator();
    const label = await db.label.findFirstOrThrow({ where: { projectId, key: 'ORG' }, select: { id: true } });
    const group = span(BANNU, 'Hafiz Gul Bahadur group', 'ORG');
    // What the check staged for a merge into the first annotator's layer, as if that layer had been empty then.
    const folder = await mkdtemp(path.join(tmpdir(), 'glossa-merge-'));
    try {
      const staging = new StagingWriter(path.join(folder, 'staged.jsonl'));
      const row = {
        id: randomUUID(),
        documentId: ids.bannu!,
        authorId: first.id,
        labelId: label.id,
        start: group.start,
        end: group.end,
        quote: group.quote,
        attributes: {},
        origin: 'IMPORTED' as const,
      };
      await staging.add({ merge: { documentId: ids.bannu!, name: 'bannu (late)' }, rows: { annotations: [row], relations: [], documentLabels: [] } });
      await staging.close();
      const before = await stored();
      const error = await writeStaged(db, staging.file, { projectId, actorId: owner.id }, 30_000).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(HttpError);
      expect((error as HttpError).status).toBe(409);
      expect((error as HttpError).message).toContain(`the layer of member ${first.id} already has annotations there`);
      expect(await stored()).toEqual(before);
    } finally {
      await rm(folder, { recursive: true, force: true });
    }
  });
});
