import { endpointRoute } from '@/lib/api/route';
import { deleteProjectEndpoint, readProject, updateProjectEndpoint } from '@/lib/api/endpoints/projects';

export const { GET, POST, PUT, PATCH, DELETE, HEAD, OPTIONS } = endpointRoute(readProject, updateProjectEndpoint, deleteProjectEndpoint);
