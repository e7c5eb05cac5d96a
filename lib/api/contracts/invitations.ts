import { z } from 'zod';
import { defineContract } from '@/lib/api/contract';
import { acceptedInvitation, idParams, invitation, invitationCreate, invitationParams, receivedInvitation } from '@/lib/api/schemas';

export const invite = defineContract({
  method: 'POST',
  path: '/projects/{id}/invitations',
  tag: 'members',
  summary: 'Invite an e-mail address with a role; the same answer whether or not it has an account (inviting again renews)',
  params: idParams,
  body: invitationCreate,
  response: invitation,
  status: 201,
  errors: [403, 404, 409],
});

export const listProjectInvitations = defineContract({
  method: 'GET',
  path: '/projects/{id}/invitations',
  tag: 'members',
  summary: "A project's pending invitations",
  params: idParams,
  response: z.object({ items: z.array(invitation), nextCursor: z.null() }),
  errors: [403, 404],
});

export const cancelInvitation = defineContract({
  method: 'DELETE',
  path: '/projects/{id}/invitations/{invitationId}',
  tag: 'members',
  summary: 'Withdraw a pending invitation',
  params: invitationParams,
  status: 204,
  errors: [403, 404],
});

export const myInvitations = defineContract({
  method: 'GET',
  path: '/invitations',
  tag: 'members',
  summary: "The caller's pending invitations (addressed to their account's e-mail)",
  response: z.object({ items: z.array(receivedInvitation), nextCursor: z.null() }),
});

export const acceptInvitation = defineContract({
  method: 'POST',
  path: '/invitations/{id}/accept',
  tag: 'members',
  summary: 'Accept one of your invitations: you become a member with its role',
  params: idParams,
  response: acceptedInvitation,
  errors: [404, 409],
});

export const declineInvitation = defineContract({
  method: 'POST',
  path: '/invitations/{id}/decline',
  tag: 'members',
  summary: 'Decline one of your invitations',
  params: idParams,
  status: 204,
  errors: [404, 409],
});
