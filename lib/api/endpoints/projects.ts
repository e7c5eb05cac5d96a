import { authorizeProject } from '@/lib/access/project-access';
import { defineEndpoint } from '@/lib/api/endpoint';
import { prismaPage, toPage } from '@/lib/api/paging';
import { createProject, deleteProject, getProject, listProjectsOf, updateProject } from '@/lib/projects/store';
import { DEFAULT_PRESET_ID } from '@/lib/schema/presets';
import * as contract from '@/lib/api/contracts/projects';

export const listProjects = defineEndpoint({
  ...contract.listProjects,
  async handle({ db, caller, query }) {
    const rows = await listProjectsOf(db, caller.userId, prismaPage(query));
    return toPage(
      rows.map(({ memberships, ...p }) => ({ ...p, role: memberships[0]!.role })),
      query,
    );
  },
});

export const createProjectEndpoint = defineEndpoint({
  ...contract.createProject,
  async handle({ db, caller, body }) {
    const { preset, ...fields } = body;
    const created = await createProject(db, { ...fields, presetId: preset ?? DEFAULT_PRESET_ID, ownerId: caller.userId });
    return { ...created, role: 'OWNER' as const };
  },
});

export const readProject = defineEndpoint({
  ...contract.readProject,
  async handle({ db, caller, params }) {
    const access = await authorizeProject(db, caller, params.id, 'project:read');
    return { ...(await getProject(db, params.id)), role: access.role };
  },
});

export const updateProjectEndpoint = defineEndpoint({
  ...contract.updateProject,
  async handle({ db, caller, params, body }) {
    const access = await authorizeProject(db, caller, params.id, 'project:update');
    return { ...(await updateProject(db, caller.userId, params.id, body)), role: access.role };
  },
});

export const deleteProjectEndpoint = defineEndpoint({
  ...contract.deleteProject,
  async handle({ db, caller, params }) {
    await authorizeProject(db, caller, params.id, 'project:delete');
    await deleteProject(db, params.id);
  },
});

export const projectEndpoints = [listProjects, createProjectEndpoint, readProject, updateProjectEndpoint, deleteProjectEndpoint];
