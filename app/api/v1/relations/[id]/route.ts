import { routeHandler } from '@/lib/api/endpoint';
import { deleteRelationEndpoint } from '@/lib/api/endpoints/annotations';

export const DELETE = routeHandler(deleteRelationEndpoint);
