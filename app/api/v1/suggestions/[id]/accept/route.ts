import { endpointRoute } from '@/lib/api/route';
import { acceptSuggestionEndpoint } from '@/lib/api/endpoints/suggestions';

export const { GET, POST, PUT, PATCH, DELETE, HEAD, OPTIONS } = endpointRoute(acceptSuggestionEndpoint);
