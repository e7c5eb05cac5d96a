import { defineContract } from '@/lib/api/contract';
import { pageOf, pageQuery } from '@/lib/api/paging';
import { idParams, project, projectCreate, projectUpdate } from '@/lib/api/schemas';

export const listProjects = defineContract({
  method: 'GET',
  path: '/projects',
  tag: 'projects',
  summary: 'List the projects the caller is a member of',
  query: pageQuery,
  response: pageOf(project),
});

export const createProject = defineContract({
  method: 'POST',
  path: '/projects',
  tag: 'projects',
  summary: 'Create a project from a label preset; the caller becomes its OWNER',
  body: projectCreate,
  response: project,
  status: 201,
});

export const readProject = defineContract({
  method: 'GET',
  path: '/projects/{id}',
  tag: 'projects',
  summary: 'Read a project and its settings',
  params: idParams,
  response: project,
  errors: [404],
});

export const updateProject = defineContract({
  method: 'PATCH',
  path: '/projects/{id}',
  tag: 'projects',
  summary: 'Update name, description, guidelines or settings',
  params: idParams,
  body: projectUpdate,
  response: project,
  errors: [403, 404],
});

export const deleteProject = defineContract({
  method: 'DELETE',
  path: '/projects/{id}',
  tag: 'projects',
  summary: 'Delete a project and everything in it (owners only)',
  params: idParams,
  status: 204,
  errors: [403, 404],
});
