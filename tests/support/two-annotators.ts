import type { PrismaClient } from '@/lib/db/client';
import { makeProject, makeUser, type TestUser } from './fixtures';

/** A project (blind, as by default) with an owner, a curator and two annotators, and one document of `text`. */
export async function twoAnnotatorDocument(db: PrismaClient, text: string) {
  const people: Record<'owner' | 'curator' | 'a' | 'b', TestUser> = {
    owner: await makeUser(db, 'owner'),
    curator: await makeUser(db, 'curator'),
    a: await makeUser(db, 'a'),
    b: await makeUser(db, 'b'),
  };
  const project = await makeProject(db, { OWNER: people.owner, CURATOR: people.curator, ANNOTATOR: people.a });
  await db.membership.create({ data: { projectId: project.id, userId: people.b.id, role: 'ANNOTATOR' } });
  const document = await db.document.create({ data: { projectId: project.id, name: 'd', text, sha256: 'x', position: 0 } });
  return { ...people, projectId: project.id, documentId: document.id };
}
