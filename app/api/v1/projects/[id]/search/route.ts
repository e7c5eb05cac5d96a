import { endpointRoute } from '@/lib/api/route';
import { searchEndpoint } from '@/lib/api/endpoints/search';

export const { GET, POST, PUT, PATCH, DELETE, HEAD, OPTIONS } = endpointRoute(searchEndpoint);
