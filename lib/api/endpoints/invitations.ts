import { z } from 'zod';
import { authorizeProject } from '@/lib/access/project-access';
import { defineEndpoint } from '@/lib/api/endpoint';
import { acceptedInvitation, idParams, invitation, invitationCreate, invitationParams, receivedInvitation } from '@/lib/api/schemas';
import { acceptInvitation, cancelInvitation, declineInvitation, invite, listMyInvitations, listProjectInvitations } from '@/lib/members/invitations';

export const inviteEndpoint = defineEndpoint({
  method: 'POST',
  path: '/projects/{id}/invitations',
  tag: 'members',
  summary: 'Invite an e-mail address with a role; the same answer whether or not it has an account (inviting again renews)',
  params: idParams,
  body: invitationCreate,
  response: invitation,
  status: 201,
  errors: [403, 404, 409],
  async handle({ db, caller, params, body }) {
    const access = await authorizeProject(db, caller, params.id, 'members:manage');
    return invite(db, params.id, { userId: caller.userId, role: access.role }, body.email, body.role);
  },
});

export const listProjectInvitationsEndpoint = defineEndpoint({
  method: 'GET',
  path: '/projects/{id}/invitations',
  tag: 'members',
  summary: "A project's pending invitations",
  params: idParams,
  response: z.object({ items: z.array(invitation), nextCursor: z.null() }),
  errors: [403, 404],
  async handle({ db, caller, params }) {
    await authorizeProject(db, caller, params.id, 'members:manage');
    return { items: await listProjectInvitations(db, params.id), nextCursor: null };
  },
});

export const cancelInvitationEndpoint = defineEndpoint({
  method: 'DELETE',
  path: '/projects/{id}/invitations/{invitationId}',
  tag: 'members',
  summary: 'Withdraw a pending invitation',
  params: invitationParams,
  status: 204,
  errors: [403, 404],
  async handle({ db, caller, params }) {
    const access = await authorizeProject(db, caller, params.id, 'members:manage');
    await cancelInvitation(db, params.id, { userId: caller.userId, role: access.role }, params.invitationId);
  },
});

export const myInvitationsEndpoint = defineEndpoint({
  method: 'GET',
  path: '/invitations',
  tag: 'members',
  summary: "The caller's pending invitations (addressed to their account's e-mail)",
  response: z.object({ items: z.array(receivedInvitation), nextCursor: z.null() }),
  async handle({ db, caller }) {
    return { items: await listMyInvitations(db, caller.userId), nextCursor: null };
  },
});

export const acceptInvitationEndpoint = defineEndpoint({
  method: 'POST',
  path: '/invitations/{id}/accept',
  tag: 'members',
  summary: 'Accept one of your invitations: you become a member with its role',
  params: idParams,
  response: acceptedInvitation,
  errors: [404, 409],
  async handle({ db, caller, params }) {
    return acceptInvitation(db, caller.userId, params.id);
  },
});

export const declineInvitationEndpoint = defineEndpoint({
  method: 'POST',
  path: '/invitations/{id}/decline',
  tag: 'members',
  summary: 'Decline one of your invitations',
  params: idParams,
  status: 204,
  errors: [404, 409],
  async handle({ db, caller, params }) {
    await declineInvitation(db, caller.userId, params.id);
  },
});

export const invitationEndpoints = [
  inviteEndpoint,
  listProjectInvitationsEndpoint,
  cancelInvitationEndpoint,
  myInvitationsEndpoint,
  acceptInvitationEndpoint,
  declineInvitationEndpoint,
];
