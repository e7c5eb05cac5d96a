import { endpointRoute } from '@/lib/api/route';
import { nextDocumentEndpoint } from '@/lib/api/endpoints/assignment';

export const { GET, POST, PUT, PATCH, DELETE, HEAD, OPTIONS } = endpointRoute(nextDocumentEndpoint);
