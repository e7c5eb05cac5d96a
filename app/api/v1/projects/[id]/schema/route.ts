import { endpointRoute } from '@/lib/api/route';
import { readSchema, replaceSchemaEndpoint } from '@/lib/api/endpoints/schema';

export const { GET, POST, PUT, PATCH, DELETE, HEAD, OPTIONS } = endpointRoute(readSchema, replaceSchemaEndpoint);
