import { endpointRoute } from '@/lib/api/route';
import { getRunEndpoint } from '@/lib/api/endpoints/recommenders';

export const { GET, POST, PUT, PATCH, DELETE, HEAD, OPTIONS } = endpointRoute(getRunEndpoint);
