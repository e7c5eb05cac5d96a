import { beforeAll, describe, expect, it } from 'vitest';
import { getPrisma } from '@/lib/db/client';
import { call } from '../support/api';
import { makeTeam, type TestUser } from '../support/fixtures';

/**
 * Issue #17, documents: a manager renames and withdraws a document through the API, each an
 * event with the document's state before and after; a JSON document without a name is named
 * after its first line.
 */
const db = getPrisma();
let projectId: string, manager: TestUser, annotator: TestUser;

beforeAll(async () => ({ projectId, manager, annotator } = await makeTeam(db, { manager: 'MANAGER', annotator: 'ANNOTATOR' })));

async function importText(body: unknown) {
  const response = await call('POST', '/projects/{id}/documents', { id: projectId }, { token: manager.token, body });
  expect(response.status, JSON.stringify(response.body)).toBe(201);
  return response.body as { documents: { id: string; name: string }[] };
}

describe('document names and withdrawal', () => {
  it('names a document without a name after its first line with words', async () => {
    const { documents } = await importText({
      documents: [{ text: '\n  Floods   in Sindh\n\nThe provincial government said on Monday …' }, { name: '  Given ', text: 'Another text.' }],
    });
    expect(documents.map((document) => document.name)).toEqual(['Floods in Sindh', 'Given']);
  });

  it('renames, recording the name before and after; refuses an empty name naming the field', async () => {
    const [document] = (await importText({ documents: [{ name: 'op-ed (1)', text: 'The op-ed text.' }] })).documents;
    const renamed = await call('PATCH', '/documents/{id}', { id: document!.id }, { token: manager.token, body: { name: '  Dawn op-ed, 3 March ' } });
    expect(renamed.status).toBe(200);
    expect(renamed.body).toEqual({ id: document!.id, name: 'Dawn op-ed, 3 March' });
    expect((await db.document.findUniqueOrThrow({ where: { id: document!.id } })).name).toBe('Dawn op-ed, 3 March');
    const events = await db.event.findMany({ where: { entity: 'DOCUMENT', entityId: document!.id } });
    expect(events).toMatchObject([
      {
        projectId,
        documentId: document!.id,
        actorId: manager.id,
        action: 'UPDATE',
        before: { id: document!.id, name: 'op-ed (1)' },
        after: { id: document!.id, name: 'Dawn op-ed, 3 March' },
      },
    ]);

    const empty = await call('PATCH', '/documents/{id}', { id: document!.id }, { token: manager.token, body: { name: '   ' } });
    expect(empty.status).toBe(400);
    expect(empty.body.error.details).toEqual([expect.objectContaining({ path: 'body.name' })]);
    const denied = await call('PATCH', '/documents/{id}', { id: document!.id }, { token: annotator.token, body: { name: 'Mine now' } });
    expect(denied.status).toBe(403);
    expect((await db.document.findUniqueOrThrow({ where: { id: document!.id } })).name).toBe('Dawn op-ed, 3 March');
    expect(await db.event.count({ where: { entity: 'DOCUMENT', entityId: document!.id } })).toBe(1);
  });

  it('withdraws, recording the state before; a withdrawn document is gone for the API', async () => {
    const [document] = (await importText({ documents: [{ name: 'to withdraw', text: 'Withdraw this text.' }] })).documents;
    expect((await call('DELETE', '/documents/{id}', { id: document!.id }, { token: manager.token })).status).toBe(204);
    expect(await db.event.findMany({ where: { entity: 'DOCUMENT', entityId: document!.id } })).toMatchObject([
      { projectId, documentId: document!.id, actorId: manager.id, action: 'DELETE', before: { id: document!.id, name: 'to withdraw' }, after: null },
    ]);
    expect((await call('GET', '/documents/{id}', { id: document!.id }, { token: manager.token })).status).toBe(404);
    expect((await call('PATCH', '/documents/{id}', { id: document!.id }, { token: manager.token, body: { name: 'back' } })).status).toBe(404);
    expect((await call('DELETE', '/documents/{id}', { id: document!.id }, { token: manager.token })).status).toBe(404);
    expect(await db.event.count({ where: { entity: 'DOCUMENT', entityId: document!.id } })).toBe(1);
  });
});
