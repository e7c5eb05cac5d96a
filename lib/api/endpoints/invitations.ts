import { authorizeProject } from '@/lib/access/project-access';
import { defineEndpoint } from '@/lib/api/endpoint';
import { acceptInvitation, cancelInvitation, declineInvitation, invite, listMyInvitations, listProjectInvitations } from '@/lib/members/invitations';
import * as contract from '@/lib/api/contracts/invitations';

export const inviteEndpoint = defineEndpoint({
  ...contract.invite,
  async handle({ db, caller, params, body }) {
    const access = await authorizeProject(db, caller, params.id, 'members:manage');
    return invite(db, params.id, { userId: caller.userId, role: access.role }, body.email, body.role);
  },
});

export const listProjectInvitationsEndpoint = defineEndpoint({
  ...contract.listProjectInvitations,
  async handle({ db, caller, params }) {
    await authorizeProject(db, caller, params.id, 'members:manage');
    return { items: await listProjectInvitations(db, params.id), nextCursor: null };
  },
});

export const cancelInvitationEndpoint = defineEndpoint({
  ...contract.cancelInvitation,
  async handle({ db, caller, params }) {
    const access = await authorizeProject(db, caller, params.id, 'members:manage');
    await cancelInvitation(db, params.id, { userId: caller.userId, role: access.role }, params.invitationId);
  },
});

export const myInvitationsEndpoint = defineEndpoint({
  ...contract.myInvitations,
  async handle({ db, caller }) {
    return { items: await listMyInvitations(db, caller.userId), nextCursor: null };
  },
});

export const acceptInvitationEndpoint = defineEndpoint({
  ...contract.acceptInvitation,
  async handle({ db, caller, params }) {
    return acceptInvitation(db, caller.userId, params.id);
  },
});

export const declineInvitationEndpoint = defineEndpoint({
  ...contract.declineInvitation,
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
