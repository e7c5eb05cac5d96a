import { authorizeProject } from '@/lib/access/project-access';
import { defineEndpoint } from '@/lib/api/endpoint';
import { pageOf, pageQuery, prismaPage, toPage } from '@/lib/api/paging';
import { idParams, project, projectCreate, projectUpdate } from '@/lib/api/schemas';
import { createProject, deleteProject, getProject, listProjectsOf, updateProject } from '@/lib/projects/store';
import { DEFAULT_PRESET_ID } from '@/lib/schema/presets';

export const listProjects = defineEndpoint({
  method: 'GET',
  path: '/projects',
  tag: 'projects',
  summary: 'List the projects the caller is a member of',
  query: pageQuery,
  response: pageOf(project),
  async handle({ db, caller, query }) {
    const rows = await listProjectsOf(db, caller.userId, prismaPage(query));
    return toPage(
      rows.map(({ memberships, ...p }) => ({ ...p, role: memberships[0]!.role })),
      query,
    );
  },
});

export const createProjectEndpoint = defineEndpoint({
  method: 'POST',
  path: '/projects',
  tag: 'projects',
  summary: 'Create a project from a label preset; the caller becomes its OWNER',
  body: projectCreate,
  response: project,
  status: 201,
  async handle({ db, caller, body }) {
    const { preset, ...fields } = body;
    const created = await createProject(db, { ...fields, presetId: preset ?? DEFAULT_PRESET_ID, ownerId: caller.userId });
    return { ...created, role: 'OWNER' as const };
  },
});

export const readProject = defineEndpoint({
  method: 'GET',
  path: '/projects/{id}',
  tag: 'projects',
  summary: 'Read a project and its settings',
  params: idParams,
  response: project,
  errors: [404],
  async handle({ db, caller, params }) {
    const access = await authorizeProject(db, caller, params.id, 'project:read');
    return { ...(await getProject(db, params.id)), role: access.role };
  },
});

export const updateProjectEndpoint = defineEndpoint({
  method: 'PATCH',
  path: '/projects/{id}',
  tag: 'projects',
  summary: 'Update name, description, guidelines or settings',
  params: idParams,
  body: projectUpdate,
  response: project,
  errors: [403, 404],
  async handle({ db, caller, params, body }) {
    const access = await authorizeProject(db, caller, params.id, 'project:update');
    return { ...(await updateProject(db, caller.userId, params.id, body)), role: access.role };
  },
});

export const deleteProjectEndpoint = defineEndpoint({
  method: 'DELETE',
  path: '/projects/{id}',
  tag: 'projects',
  summary: 'Delete a project and everything in it (owners only)',
  params: idParams,
  status: 204,
  errors: [403, 404],
  async handle({ db, caller, params }) {
    await authorizeProject(db, caller, params.id, 'project:delete');
    await deleteProject(db, params.id);
  },
});

export const projectEndpoints = [listProjects, createProjectEndpoint, readProject, updateProjectEndpoint, deleteProjectEndpoint];
