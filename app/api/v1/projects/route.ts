import { routeHandler } from '@/lib/api/endpoint';
import { createProjectEndpoint, listProjects } from '@/lib/api/endpoints/projects';

export const GET = routeHandler(listProjects);
export const POST = routeHandler(createProjectEndpoint);
