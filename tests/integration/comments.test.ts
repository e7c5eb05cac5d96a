import { beforeEach, describe, expect, it } from 'vitest';
import { MAX_COMMENT } from '@/lib/comments/rules';
import { getPrisma } from '@/lib/db/client';
import { call } from '../support/api';
import type { TestUser } from '../support/fixtures';
import { twoAnnotatorDocument } from '../support/two-annotators';

/** A document's comment thread (issue #17): blind mode decides who reads what; authors edit, curators may delete; every change is an event. */
const db = getPrisma();
let owner: TestUser, curator: TestUser, a: TestUser, b: TestUser;
let projectId: string;
let documentId: string;

beforeEach(async () => {
  ({ owner, curator, a, b, projectId, documentId } = await twoAnnotatorDocument(db, 'Some text.'));
  await db.project.update({ where: { id: projectId }, data: { blindMode: true } });
});

const post = async (user: TestUser, body: string) => {
  const response = await call('POST', '/documents/{id}/comments', { id: documentId }, { token: user.token, body: { body } });
  expect(response.status, JSON.stringify(response.body)).toBe(201);
  return response.body as { id: string; body: string };
};
const thread = async (user: TestUser) => {
  const response = await call('GET', '/documents/{id}/comments', { id: documentId }, { token: user.token });
  expect(response.status).toBe(200);
  return (response.body.items as { body: string; mayEdit: boolean; mayDelete: boolean }[]).map((c) => c.body);
};
const commentEvents = () => db.event.findMany({ where: { entity: 'COMMENT', documentId }, orderBy: { id: 'asc' } });

describe('the comment thread in blind mode', () => {
  it("shows an annotator their own comments and the curators', never another annotator's; curators see all", async () => {
    await post(a, 'A: is this a quote?');
    await post(b, 'B: I read it as irony.');
    await post(curator, 'Curator: tag the speaker, not the quote.');
    expect(await thread(a)).toEqual(['A: is this a quote?', 'Curator: tag the speaker, not the quote.']);
    expect(await thread(b)).toEqual(['B: I read it as irony.', 'Curator: tag the speaker, not the quote.']);
    expect(await thread(curator)).toEqual(['A: is this a quote?', 'B: I read it as irony.', 'Curator: tag the speaker, not the quote.']);
    expect(await thread(owner)).toHaveLength(3);
  });

  it('shows every member everything once blind mode is off', async () => {
    await post(a, 'A: is this a quote?');
    await post(b, 'B: I read it as irony.');
    await db.project.update({ where: { id: projectId }, data: { blindMode: false } });
    expect(await thread(a)).toEqual(['A: is this a quote?', 'B: I read it as irony.']);
  });

  it("does not let an annotator reach another annotator's comment by id (404, as if it did not exist)", async () => {
    const other = await post(b, 'B: mine');
    expect((await call('PATCH', '/comments/{id}', { id: other.id }, { token: a.token, body: { body: 'edited by A' } })).status).toBe(404);
    expect((await call('DELETE', '/comments/{id}', { id: other.id }, { token: a.token })).status).toBe(404);
    expect((await db.documentComment.findUniqueOrThrow({ where: { id: other.id } })).body).toBe('B: mine');
  });
});

describe('editing and deleting', () => {
  it('the author edits, with an UPDATE event holding the words before and after', async () => {
    const mine = await post(a, 'first try');
    const edited = await call('PATCH', '/comments/{id}', { id: mine.id }, { token: a.token, body: { body: 'second try' } });
    expect(edited.status).toBe(200);
    expect(edited.body).toMatchObject({ body: 'second try', mayEdit: true, mayDelete: true, author: { id: a.id } });
    expect(edited.body.editedAt).toEqual(expect.any(String));
    const events = await commentEvents();
    expect(events.map((e) => [e.action, e.before, e.after])).toEqual([
      ['CREATE', null, { id: mine.id, documentId, authorId: a.id, body: 'first try' }],
      ['UPDATE', { id: mine.id, documentId, authorId: a.id, body: 'first try' }, { id: mine.id, documentId, authorId: a.id, body: 'second try' }],
    ]);
  });

  it("a curator may delete an annotator's comment but not edit it; an annotator may not delete a curator's", async () => {
    const annotators = await post(a, 'off-topic');
    const curators = await post(curator, 'Please stay on topic.');
    expect((await call('PATCH', '/comments/{id}', { id: annotators.id }, { token: curator.token, body: { body: 'rewritten' } })).status).toBe(403);
    const refused = await call('DELETE', '/comments/{id}', { id: curators.id }, { token: a.token });
    expect(refused.status).toBe(403);
    expect(refused.body.error.message).toContain('only your own comments');
    expect((await call('DELETE', '/comments/{id}', { id: annotators.id }, { token: curator.token })).status).toBe(204);
    expect(await thread(curator)).toEqual(['Please stay on topic.']);
    const deleted = (await commentEvents()).at(-1)!;
    expect([deleted.action, deleted.actorId, deleted.before, deleted.after]).toEqual([
      'DELETE',
      curator.id,
      expect.objectContaining({ body: 'off-topic' }),
      null,
    ]);
    // Deleted is gone for good: no edit, no second delete.
    expect((await call('DELETE', '/comments/{id}', { id: annotators.id }, { token: a.token })).status).toBe(404);
  });

  it('refuses a blank or too long comment naming the field, and NUL, writing nothing', async () => {
    const blank = await call('POST', '/documents/{id}/comments', { id: documentId }, { token: a.token, body: { body: ' \n ' } });
    expect(blank.status).toBe(400);
    expect(blank.body.error).toMatchObject({ code: 'validation_failed', message: 'A comment needs some text.', details: [{ path: 'body.body' }] });
    const long = await call('POST', '/documents/{id}/comments', { id: documentId }, { token: a.token, body: { body: 'x'.repeat(MAX_COMMENT + 1) } });
    expect(long.status).toBe(400);
    expect(JSON.stringify(long.body.error)).toContain('body.body');
    expect(JSON.stringify(long.body.error)).toContain(String(MAX_COMMENT));
    const nul = await call('POST', '/documents/{id}/comments', { id: documentId }, { token: a.token, rawBody: '{"body":"a\\u0000b"}' });
    expect(nul.status).toBe(400);
    expect(JSON.stringify(nul.body.error)).toContain('body.body');
    expect(await db.documentComment.count({ where: { documentId } })).toBe(0);
    expect(await commentEvents()).toEqual([]);
  });
});
