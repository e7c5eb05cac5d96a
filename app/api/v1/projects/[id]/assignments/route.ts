import { endpointRoute } from '@/lib/api/route';
import { assignEndpoint } from '@/lib/api/endpoints/assignment';

export const { GET, POST, PUT, PATCH, DELETE, HEAD, OPTIONS } = endpointRoute(assignEndpoint);
