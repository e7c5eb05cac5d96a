import { describe, expect, it } from 'vitest';
import { assignDocuments } from '@/lib/assignments/store';
import { getPrisma } from '@/lib/db/client';
import { sha256 } from '@/lib/documents/store';
import { HttpError } from '@/lib/http/errors';
import { makeProject, makeUser } from '../support/fixtures';

const db = getPrisma();

async function projectWithOneAnnotator() {
  const [owner, annotator] = [await makeUser(db, 'rr-owner'), await makeUser(db, 'rr-annotator')];
  const project = await makeProject(db, { OWNER: owner, ANNOTATOR: annotator });
  const text = 'Talks in Doha ended.';
  const documents = await Promise.all(
    [0, 1, 2].map((position) =>
      db.document.create({ data: { projectId: project.id, name: `d${position}`, text, sha256: sha256(`${position}${text}`), position } }),
    ),
  );
  return { owner, annotator, project, documents };
}

describe('round-robin assignment', () => {
  it("says so when the project's annotators per document is lowered to the annotators there are", async () => {
    const { owner, project } = await projectWithOneAnnotator();
    expect(project.annotatorsPerDocument).toBe(2);
    const result = await assignDocuments(db, owner.id, project.id, { mode: 'round-robin' });
    expect(result).toEqual({
      created: 3,
      documents: 3,
      annotators: 1,
      perDocument: 1,
      note: 'The project asks for 2 annotators per document but only 1 are chosen: each document got 1.',
    });
  });

  it('refuses an explicit perDocument above the annotators chosen, naming the field, and writes nothing', async () => {
    const { owner, annotator, project } = await projectWithOneAnnotator();
    const attempt = assignDocuments(db, owner.id, project.id, { mode: 'round-robin', userIds: [annotator.id], perDocument: 3 });
    await expect(attempt).rejects.toBeInstanceOf(HttpError);
    await expect(attempt).rejects.toMatchObject({ status: 400, code: 'validation_failed', details: [{ path: 'body.perDocument' }] });
    expect(await db.assignment.count({ where: { document: { projectId: project.id } } })).toBe(0);
  });

  it('uses an explicit perDocument as asked, with no note', async () => {
    const { owner, annotator, project } = await projectWithOneAnnotator();
    const result = await assignDocuments(db, owner.id, project.id, { mode: 'round-robin', userIds: [annotator.id], perDocument: 1 });
    expect(result).toMatchObject({ created: 3, perDocument: 1, note: null });
  });
});
