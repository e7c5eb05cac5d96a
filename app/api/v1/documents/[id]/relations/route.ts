import { endpointRoute } from '@/lib/api/route';
import { createRelationEndpoint, listRelationsEndpoint } from '@/lib/api/endpoints/annotations';

export const { GET, POST, PUT, PATCH, DELETE, HEAD, OPTIONS } = endpointRoute(listRelationsEndpoint, createRelationEndpoint);
