import { beforeAll, describe, expect, it } from 'vitest';
import { getPrisma } from '@/lib/db/client';
import { call } from '../support/api';
import { makeProject, makeUser, type TestUser } from '../support/fixtures';

/** GET /projects/{id}/search: a concordance of spans, blind for annotators of a blind project. */
const db = getPrisma();
const TEXT = 'Kabul said 100% of the talks_with Kabul were over.';
let projectId: string;
let a: TestUser, b: TestUser, curator: TestUser;

beforeAll(async () => {
  [a, b, curator] = [await makeUser(db, 'a'), await makeUser(db, 'b'), await makeUser(db, 'curator')];
  projectId = (await makeProject(db, { OWNER: await makeUser(db, 'owner'), ANNOTATOR: a, CURATOR: curator }, 'Search project', { blindMode: true })).id;
  await db.membership.create({ data: { projectId, userId: b.id, role: 'ANNOTATOR' } });
  const documentId = (await db.document.create({ data: { projectId, name: 'talks', text: TEXT, sha256: 'talks', position: 0 } })).id;
  const gpe = (await db.label.findFirstOrThrow({ where: { projectId, key: 'GPE', layer: 'ENTITY' } })).id;
  const span = (authorId: string | null, start: number, end: number) =>
    db.annotation.create({ data: { documentId, authorId, labelId: gpe, start, end, quote: TEXT.slice(start, end) } });
  await span(a.id, 0, 5);
  await span(b.id, 34, 39);
  await span(null, 34, 39);
});

const search = (who: TestUser, query: string) => call('GET', `/projects/{id}/search?${query}`, { id: projectId }, { token: who.token });

describe('project search', () => {
  it('gives each span with its context, in document order', async () => {
    const { status, body } = await search(curator, 'label=GPE');
    expect(status).toBe(200);
    expect(body.truncated).toBe(false);
    expect(body.items.map((line: { left: string; match: string; right: string; author: string }) => [line.left, line.match, line.right, line.author])).toEqual([
      ['', 'Kabul', ' said 100% of the talks_with Kabul were over.', 'a'],
      ['Kabul said 100% of the talks_with ', 'Kabul', ' were over.', 'b'],
      ['Kabul said 100% of the talks_with ', 'Kabul', ' were over.', 'gold'],
    ]);
  });

  it('shows an annotator of a blind project only their own spans', async () => {
    const { body } = await search(a, 'quote=kabul');
    expect(body.items.map((line: { start: number; author: string }) => [line.start, line.author])).toEqual([[0, 'a']]);
  });

  it('asks for a label or a text, naming the field', async () => {
    const none = await search(curator, '');
    expect(none.status).toBe(400);
    expect(none.body.error.details).toEqual([expect.objectContaining({ path: 'query.label', message: 'give a label, a quote, or both' })]);
  });
});
