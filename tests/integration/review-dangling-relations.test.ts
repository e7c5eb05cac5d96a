import { beforeEach, describe, expect, it } from 'vitest';
import { getPrisma } from '@/lib/db/client';
import { loadReportInput } from '@/lib/review/load';
import { reviewView } from '@/lib/review/view';
import { makeTeam, type TestUser } from '../support/fixtures';

const db = getPrisma();
const TEXT = 'Ana met Bilal in Bannu.';
let annotator: TestUser, projectId: string;

beforeEach(async () => ({ annotator, projectId } = await makeTeam(db, { annotator: 'ANNOTATOR' })));

/**
 * Rows as `npm run bench:explain` writes them, straight into the tables: a relation whose
 * target span is soft-deleted while the relation itself stays live.
 */
async function documentWithDanglingRelation() {
  const labels = await db.label.findMany({ where: { projectId }, select: { id: true, layer: true } });
  const entity = labels.find((l) => l.layer === 'ENTITY')!.id;
  const relation = labels.find((l) => l.layer === 'RELATION')!.id;
  const document = await db.document.create({ data: { projectId, name: 'd', text: TEXT, sha256: 'x', position: 0 } });
  await db.assignment.create({ data: { documentId: document.id, userId: annotator.id, status: 'SUBMITTED', submittedAt: new Date() } });
  const span = (start: number, end: number, deletedAt: Date | null = null) =>
    db.annotation.create({
      data: { documentId: document.id, authorId: annotator.id, labelId: entity, start, end, quote: TEXT.slice(start, end), deletedAt },
    });
  const [ana, bilal, bannu] = [await span(0, 3), await span(8, 13), await span(17, 22, new Date())];
  const relate = (sourceId: string, targetId: string) =>
    db.relation.create({ data: { documentId: document.id, authorId: annotator.id, labelId: relation, sourceId, targetId } });
  await relate(ana.id, bilal.id);
  await relate(bilal.id, bannu.id);
  return document.id;
}

describe('loading review data with a relation to a deleted span', () => {
  it('leaves the relation out and counts it, keeping the live one', async () => {
    const documentId = await documentWithDanglingRelation();
    const input = await loadReportInput(db, projectId);
    const document = input.documents.find((d) => d.id === documentId)!;
    expect(document.spans.map((s) => [s.start, s.end])).toEqual([
      [0, 3],
      [8, 13],
    ]);
    expect(document.relations?.map((r) => [r.source.start, r.target.start])).toEqual([[0, 8]]);
    expect(input.excluded.danglingRelations).toEqual({ relations: 1, documents: 1 });
  });

  it('shows the curator the live relation as a candidate and counts the other', async () => {
    const documentId = await documentWithDanglingRelation();
    const view = await reviewView(db, documentId);
    expect(view.relations.map((r) => [r.source, r.target])).toEqual([[expect.stringMatching(/^0:3:/), expect.stringMatching(/^8:13:/)]]);
    expect(view.danglingRelations).toBe(1);
  });
});
