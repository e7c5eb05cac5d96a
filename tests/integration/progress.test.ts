import { describe, expect, it } from 'vitest';
import { authorizeProject } from '@/lib/access/project-access';
import { createAnnotation, deleteAnnotation } from '@/lib/annotations/service';
import { assignDocuments, projectProgress } from '@/lib/assignments/store';
import { getPrisma } from '@/lib/db/client';
import { withdrawDocument } from '@/lib/documents/manage';
import { sha256 } from '@/lib/documents/store';
import { makeProject, makeUser, type TestUser } from '../support/fixtures';

const db = getPrisma();
const TEXT = 'Talks in Doha ended after an attack in Bannu.';

async function document(projectId: string, position: number) {
  return db.document.create({ data: { projectId, name: `doc ${position}`, text: TEXT, sha256: sha256(`${position}${TEXT}`), position } });
}

async function span(user: TestUser, projectId: string, documentId: string, start: number, gold = false) {
  const access = await authorizeProject(db, { userId: user.id, isAdmin: false, via: 'token' }, projectId, gold ? 'gold:write' : 'annotations:write');
  const label = await db.label.findFirstOrThrow({ where: { projectId, layer: 'ENTITY', key: 'GPE' } });
  return createAnnotation(db, { userId: user.id, access }, documentId, { labelId: label.id, start, end: start + 4, target: null, gold });
}

describe('project progress', () => {
  it('counts each annotator’s live spans in this project only: not gold, not deleted ones, not withdrawn documents', async () => {
    const [owner, first, second] = [await makeUser(db, 'owner'), await makeUser(db, 'first'), await makeUser(db, 'second')];
    const project = await makeProject(db, { OWNER: owner, ANNOTATOR: first });
    await db.membership.create({ data: { projectId: project.id, userId: second.id, role: 'ANNOTATOR' } });
    const [kept, withdrawn] = [await document(project.id, 0), await document(project.id, 1)];
    await assignDocuments(db, owner.id, project.id, { mode: 'explicit', documentIds: [kept.id, withdrawn.id], userIds: [first.id, second.id] });

    await span(first, project.id, kept.id, 9);
    const removed = await span(first, project.id, kept.id, 40);
    await deleteAnnotation(
      db,
      { userId: first.id, access: await authorizeProject(db, { userId: first.id, isAdmin: false, via: 'token' }, project.id, 'annotations:write') },
      kept.id,
      removed.id,
      removed.version,
    );
    await span(first, project.id, withdrawn.id, 9);
    await span(second, project.id, kept.id, 40);
    await span(owner, project.id, kept.id, 9, true);
    await withdrawDocument(db, withdrawn.id);

    const elsewhere = await makeProject(db, { OWNER: owner, ANNOTATOR: first }, 'Elsewhere');
    await span(first, elsewhere.id, (await document(elsewhere.id, 0)).id, 9);

    const progress = await projectProgress(db, project.id);
    const annotations = Object.fromEntries(progress.annotators.map((a) => [a.id, a.annotations]));
    expect(annotations).toEqual({ [owner.id]: 0, [first.id]: 1, [second.id]: 1 });
    expect(progress.annotators.find((a) => a.id === first.id)).toMatchObject({ assigned: 1, inProgress: 1 });
    expect(progress.documents.map((d) => d.id)).toEqual([kept.id]);
  });
});
