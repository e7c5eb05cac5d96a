import { endpointRoute } from '@/lib/api/route';
import { createProjectEndpoint, listProjects } from '@/lib/api/endpoints/projects';

export const { GET, POST, PUT, PATCH, DELETE, HEAD, OPTIONS } = endpointRoute(listProjects, createProjectEndpoint);
