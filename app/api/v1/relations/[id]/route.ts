import { endpointRoute } from '@/lib/api/route';
import { deleteRelationEndpoint } from '@/lib/api/endpoints/annotations';

export const { GET, POST, PUT, PATCH, DELETE, HEAD, OPTIONS } = endpointRoute(deleteRelationEndpoint);
