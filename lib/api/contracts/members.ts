import { defineContract } from '@/lib/api/contract';
import { pageOf, pageQuery } from '@/lib/api/paging';
import { idParams, member, memberAdd, memberParams, memberUpdate } from '@/lib/api/schemas';

export const listMembers = defineContract({
  method: 'GET',
  path: '/projects/{id}/members',
  tag: 'members',
  summary: 'List the members of a project and their roles (annotators in blind mode see only their own e-mail)',
  params: idParams,
  query: pageQuery,
  response: pageOf(member),
  errors: [404],
});

export const addMember = defineContract({
  method: 'POST',
  path: '/projects/{id}/members',
  tag: 'members',
  summary: 'Instance admins only: add an existing account by e-mail with a role (everyone else invites: POST /projects/{id}/invitations)',
  params: idParams,
  body: memberAdd,
  response: member,
  status: 201,
  errors: [403, 404, 409],
});

export const updateMember = defineContract({
  method: 'PATCH',
  path: '/projects/{id}/members/{userId}',
  tag: 'members',
  summary: "Change a member's role (a project always keeps one owner)",
  params: memberParams,
  body: memberUpdate,
  response: member,
  errors: [403, 404, 409],
});

export const removeMember = defineContract({
  method: 'DELETE',
  path: '/projects/{id}/members/{userId}',
  tag: 'members',
  summary: 'Remove a member (not the last owner); their annotations stay',
  params: memberParams,
  status: 204,
  errors: [403, 404, 409],
});
