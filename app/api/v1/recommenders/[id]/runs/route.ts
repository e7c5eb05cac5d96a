import { endpointRoute } from '@/lib/api/route';
import { createRunEndpoint } from '@/lib/api/endpoints/recommenders';

export const { GET, POST, PUT, PATCH, DELETE, HEAD, OPTIONS } = endpointRoute(createRunEndpoint);
