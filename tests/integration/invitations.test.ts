import { describe, expect, it } from 'vitest';
import { createApiToken } from '@/lib/auth/api-tokens';
import { getPrisma } from '@/lib/db/client';
import { signUp } from '@/lib/users/sign-up';
import { call } from '../support/api';
import { makeProject, makeUser } from '../support/fixtures';

const db = getPrisma();

async function team() {
  const owner = await makeUser(db, 'owner');
  const manager = await makeUser(db, 'manager');
  const curator = await makeUser(db, 'curator');
  const annotator = await makeUser(db, 'annotator');
  const project = await makeProject(db, { OWNER: owner, MANAGER: manager, CURATOR: curator, ANNOTATOR: annotator }, 'Invitation project');
  return { owner, manager, curator, annotator, projectId: project.id };
}

const inviteAs = (token: string, projectId: string, email: string, role = 'ANNOTATOR') =>
  call('POST', '/projects/{id}/invitations', { id: projectId }, { token, body: { email, role } });

/** An invitation answer without what necessarily differs (its id, the address, the clock). */
function shape(response: { status: number; body: Record<string, unknown> }) {
  const { id, email, createdAt, expiresAt, ...rest } = response.body;
  return { status: response.status, keys: Object.keys(response.body).sort(), rest, types: [typeof id, typeof email, typeof createdAt, typeof expiresAt] };
}

describe('invitations', () => {
  it('answers the inviter identically for an address with an account and one without', async () => {
    const { manager, projectId } = await team();
    const stranger = await makeUser(db, 'stranger');
    const withAccount = await inviteAs(manager.token, projectId, stranger.email);
    const withoutAccount = await inviteAs(manager.token, projectId, 'nobody-here@example.org');
    expect(withAccount.status).toBe(201);
    expect(shape(withoutAccount)).toEqual(shape(withAccount));
    // Nobody became a member: the invitee decides.
    expect(await db.membership.count({ where: { projectId, userId: stranger.id } })).toBe(0);
  });

  it('lets the invitee see, accept and thereby join with the invited role; nobody else can answer it', async () => {
    const { owner, projectId } = await team();
    const invitee = await makeUser(db, 'invitee');
    const bystander = await makeUser(db, 'bystander');
    const invited = await inviteAs(owner.token, projectId, invitee.email.toUpperCase(), 'CURATOR');
    expect(invited.body.email).toBe(invitee.email);

    const mine = await call('GET', '/invitations', {}, { token: invitee.token });
    expect(mine.body.items).toEqual([
      expect.objectContaining({ id: invited.body.id, role: 'CURATOR', project: { id: projectId, name: 'Invitation project' }, invitedBy: 'owner' }),
    ]);
    expect((await call('GET', '/invitations', {}, { token: bystander.token })).body.items).toEqual([]);
    expect((await call('POST', '/invitations/{id}/accept', { id: invited.body.id }, { token: bystander.token })).status).toBe(404);

    const accepted = await call('POST', '/invitations/{id}/accept', { id: invited.body.id }, { token: invitee.token });
    expect(accepted).toMatchObject({ status: 200, body: { projectId, role: 'CURATOR' } });
    expect((await call('GET', '/projects/{id}', { id: projectId }, { token: invitee.token })).body.role).toBe('CURATOR');
    expect((await call('GET', '/invitations', {}, { token: invitee.token })).body.items).toEqual([]);
    const again = await call('POST', '/invitations/{id}/accept', { id: invited.body.id }, { token: invitee.token });
    expect(again.status).toBe(409);
    expect(await db.membership.count({ where: { projectId, userId: invitee.id } })).toBe(1);
  });

  it('reaches an address that signs up only after being invited', async () => {
    const { owner, projectId } = await team();
    const invited = await inviteAs(owner.token, projectId, 'later@example.org');
    await signUp(db, { email: 'later@example.org', name: 'Later', password: 'long enough password' });
    const user = await db.user.findUniqueOrThrow({ where: { email: 'later@example.org' } });
    const { token } = await createApiToken(db, user.id, 'later');
    expect((await call('GET', '/invitations', {}, { token })).body.items.map((i: { id: string }) => i.id)).toEqual([invited.body.id]);
  });

  it('declines, expires, withdraws, renews instead of duplicating, and keeps OWNER for owners', async () => {
    const { owner, manager, projectId } = await team();
    const invitee = await makeUser(db, 'decliner');
    const first = await inviteAs(manager.token, projectId, invitee.email);
    const renewed = await inviteAs(manager.token, projectId, invitee.email, 'CURATOR');
    expect(renewed.body.id).toBe(first.body.id);
    expect(renewed.body.role).toBe('CURATOR');
    expect((await call('GET', '/projects/{id}/invitations', { id: projectId }, { token: owner.token })).body.items).toHaveLength(1);

    expect((await call('POST', '/invitations/{id}/decline', { id: first.body.id }, { token: invitee.token })).status).toBe(204);
    expect(await db.membership.count({ where: { projectId, userId: invitee.id } })).toBe(0);
    expect((await call('POST', '/invitations/{id}/accept', { id: first.body.id }, { token: invitee.token })).status).toBe(409);

    const expiring = await inviteAs(manager.token, projectId, invitee.email);
    await db.invitation.update({ where: { id: expiring.body.id }, data: { expiresAt: new Date(Date.now() - 1000) } });
    expect((await call('GET', '/invitations', {}, { token: invitee.token })).body.items).toEqual([]);
    expect((await call('POST', '/invitations/{id}/accept', { id: expiring.body.id }, { token: invitee.token })).status).toBe(409);

    const withdrawn = await inviteAs(manager.token, projectId, invitee.email);
    expect(
      (await call('DELETE', '/projects/{id}/invitations/{invitationId}', { id: projectId, invitationId: withdrawn.body.id }, { token: manager.token })).status,
    ).toBe(204);
    expect((await call('POST', '/invitations/{id}/accept', { id: withdrawn.body.id }, { token: invitee.token })).status).toBe(404);

    expect((await inviteAs(manager.token, projectId, invitee.email, 'OWNER')).status).toBe(403);
    expect((await inviteAs(owner.token, projectId, invitee.email, 'OWNER')).status).toBe(201);
  });

  it('lets an instance admin add an existing account directly', async () => {
    const { owner, projectId } = await team();
    const newcomer = await makeUser(db, 'newcomer');
    const refused = await call('POST', '/projects/{id}/members', { id: projectId }, { token: owner.token, body: { email: newcomer.email, role: 'ANNOTATOR' } });
    expect(refused.status).toBe(403);
    await db.user.update({ where: { id: owner.id }, data: { isAdmin: true } });
    const added = await call('POST', '/projects/{id}/members', { id: projectId }, { token: owner.token, body: { email: newcomer.email, role: 'ANNOTATOR' } });
    expect(added.status).toBe(201);
    expect(added.body.user).toEqual({ id: newcomer.id, email: newcomer.email, name: 'newcomer' });
  });
});

describe('member e-mails in blind mode', () => {
  const emails = async (token: string, projectId: string) =>
    Object.fromEntries(
      (await call('GET', '/projects/{id}/members', { id: projectId }, { token })).body.items.map((m: { user: { name: string; email: string | null } }) => [
        m.user.name,
        m.user.email,
      ]),
    );

  it('hides other members’ addresses from annotators while the project is blind, and only then', async () => {
    const { owner, manager, curator, annotator, projectId } = await team();
    expect(await emails(annotator.token, projectId)).toEqual({ owner: null, manager: null, curator: null, annotator: annotator.email });
    expect(await emails(curator.token, projectId)).toEqual({ owner: owner.email, manager: manager.email, curator: curator.email, annotator: annotator.email });
    await db.project.update({ where: { id: projectId }, data: { blindMode: false } });
    expect((await emails(annotator.token, projectId)).owner).toBe(owner.email);
  });
});

describe('membership events', () => {
  it('records invitations, their answers and membership changes with who, before and after', async () => {
    const { owner, annotator, projectId } = await team();
    const invitee = await makeUser(db, 'evented');
    const invited = await inviteAs(owner.token, projectId, invitee.email, 'CURATOR');
    await call('POST', '/invitations/{id}/accept', { id: invited.body.id }, { token: invitee.token });
    await call('PATCH', '/projects/{id}/members/{userId}', { id: projectId, userId: invitee.id }, { token: owner.token, body: { role: 'ANNOTATOR' } });
    await call('DELETE', '/projects/{id}/members/{userId}', { id: projectId, userId: annotator.id }, { token: owner.token });

    const events = await db.event.findMany({ where: { projectId, entity: { in: ['MEMBERSHIP', 'INVITATION'] } }, orderBy: { id: 'asc' } });
    expect(events.map((e) => [e.entity, e.action, e.actorId, e.documentId, e.before, e.after])).toEqual([
      ['INVITATION', 'CREATE', owner.id, null, null, { email: invitee.email, role: 'CURATOR', expiresAt: invited.body.expiresAt }],
      ['MEMBERSHIP', 'CREATE', invitee.id, null, null, { userId: invitee.id, role: 'CURATOR' }],
      [
        'INVITATION',
        'UPDATE',
        invitee.id,
        null,
        { email: invitee.email, role: 'CURATOR', expiresAt: invited.body.expiresAt, acceptedAt: null, declinedAt: null },
        { email: invitee.email, role: 'CURATOR', expiresAt: invited.body.expiresAt, acceptedAt: expect.any(String), declinedAt: null },
      ],
      ['MEMBERSHIP', 'UPDATE', owner.id, null, { userId: invitee.id, role: 'CURATOR' }, { userId: invitee.id, role: 'ANNOTATOR' }],
      ['MEMBERSHIP', 'DELETE', owner.id, null, { userId: annotator.id, role: 'ANNOTATOR' }, null],
    ]);
  });
});
