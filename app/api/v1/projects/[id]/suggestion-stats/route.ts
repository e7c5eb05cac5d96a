import { endpointRoute } from '@/lib/api/route';
import { suggestionStatsEndpoint } from '@/lib/api/endpoints/suggestions';

export const { GET, POST, PUT, PATCH, DELETE, HEAD, OPTIONS } = endpointRoute(suggestionStatsEndpoint);
