import { endpointRoute } from '@/lib/api/route';
import { acceptAllSuggestionsEndpoint } from '@/lib/api/endpoints/suggestions';

export const { GET, POST, PUT, PATCH, DELETE, HEAD, OPTIONS } = endpointRoute(acceptAllSuggestionsEndpoint);
