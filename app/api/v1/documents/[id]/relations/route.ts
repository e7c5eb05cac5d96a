import { routeHandler } from '@/lib/api/endpoint';
import { createRelationEndpoint, listRelationsEndpoint } from '@/lib/api/endpoints/annotations';

export const GET = routeHandler(listRelationsEndpoint);
export const POST = routeHandler(createRelationEndpoint);
