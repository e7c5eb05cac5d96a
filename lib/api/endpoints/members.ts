import { authorizeProject } from '@/lib/access/project-access';
import { defineEndpoint } from '@/lib/api/endpoint';
import { prismaPage, toPage } from '@/lib/api/paging';
import { addMember, changeRole, listMembers, removeMember } from '@/lib/members/store';
import * as contract from '@/lib/api/contracts/members';

export const listMembersEndpoint = defineEndpoint({
  ...contract.listMembers,
  async handle({ db, caller, params, query }) {
    const access = await authorizeProject(db, caller, params.id, 'members:read');
    return toPage(await listMembers(db, params.id, { userId: caller.userId, seesOthersWork: access.seesOthersWork }, prismaPage(query)), query);
  },
});

export const addMemberEndpoint = defineEndpoint({
  ...contract.addMember,
  async handle({ db, caller, params, body }) {
    const access = await authorizeProject(db, caller, params.id, 'members:manage');
    return addMember(db, params.id, { userId: caller.userId, role: access.role, isAdmin: caller.isAdmin }, body.email, body.role);
  },
});

export const updateMemberEndpoint = defineEndpoint({
  ...contract.updateMember,
  async handle({ db, caller, params, body }) {
    const access = await authorizeProject(db, caller, params.id, 'members:manage');
    return changeRole(db, params.id, { userId: caller.userId, role: access.role }, params.userId, body.role);
  },
});

export const removeMemberEndpoint = defineEndpoint({
  ...contract.removeMember,
  async handle({ db, caller, params }) {
    const access = await authorizeProject(db, caller, params.id, 'members:manage');
    await removeMember(db, params.id, { userId: caller.userId, role: access.role }, params.userId);
  },
});

export const memberEndpoints = [listMembersEndpoint, addMemberEndpoint, updateMemberEndpoint, removeMemberEndpoint];
