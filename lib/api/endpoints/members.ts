import { authorizeProject } from '@/lib/access/project-access';
import { defineEndpoint } from '@/lib/api/endpoint';
import { pageOf, pageQuery, prismaPage, toPage } from '@/lib/api/paging';
import { idParams, member, memberAdd, memberParams, memberUpdate } from '@/lib/api/schemas';
import { addMember, changeRole, listMembers, removeMember } from '@/lib/members/store';

export const listMembersEndpoint = defineEndpoint({
  method: 'GET',
  path: '/projects/{id}/members',
  tag: 'members',
  summary: "List the members of a project and their roles (annotators in blind mode see only their own e-mail)",
  params: idParams,
  query: pageQuery,
  response: pageOf(member),
  errors: [404],
  async handle({ db, caller, params, query }) {
    const access = await authorizeProject(db, caller, params.id, 'members:read');
    return toPage(await listMembers(db, params.id, { userId: caller.userId, seesOthersWork: access.seesOthersWork }, prismaPage(query)), query);
  },
});

export const addMemberEndpoint = defineEndpoint({
  method: 'POST',
  path: '/projects/{id}/members',
  tag: 'members',
  summary: 'Instance admins only: add an existing account by e-mail with a role (everyone else invites: POST /projects/{id}/invitations)',
  params: idParams,
  body: memberAdd,
  response: member,
  status: 201,
  errors: [403, 404, 409],
  async handle({ db, caller, params, body }) {
    const access = await authorizeProject(db, caller, params.id, 'members:manage');
    return addMember(db, params.id, { userId: caller.userId, role: access.role, isAdmin: caller.isAdmin }, body.email, body.role);
  },
});

export const updateMemberEndpoint = defineEndpoint({
  method: 'PATCH',
  path: '/projects/{id}/members/{userId}',
  tag: 'members',
  summary: "Change a member's role (a project always keeps one owner)",
  params: memberParams,
  body: memberUpdate,
  response: member,
  errors: [403, 404, 409],
  async handle({ db, caller, params, body }) {
    const access = await authorizeProject(db, caller, params.id, 'members:manage');
    return changeRole(db, params.id, { userId: caller.userId, role: access.role }, params.userId, body.role);
  },
});

export const removeMemberEndpoint = defineEndpoint({
  method: 'DELETE',
  path: '/projects/{id}/members/{userId}',
  tag: 'members',
  summary: 'Remove a member (not the last owner); their annotations stay',
  params: memberParams,
  status: 204,
  errors: [403, 404, 409],
  async handle({ db, caller, params }) {
    const access = await authorizeProject(db, caller, params.id, 'members:manage');
    await removeMember(db, params.id, { userId: caller.userId, role: access.role }, params.userId);
  },
});

export const memberEndpoints = [listMembersEndpoint, addMemberEndpoint, updateMemberEndpoint, removeMemberEndpoint];
