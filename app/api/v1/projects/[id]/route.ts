import { routeHandler } from '@/lib/api/endpoint';
import { deleteProjectEndpoint, readProject, updateProjectEndpoint } from '@/lib/api/endpoints/projects';

export const GET = routeHandler(readProject);
export const PATCH = routeHandler(updateProjectEndpoint);
export const DELETE = routeHandler(deleteProjectEndpoint);
