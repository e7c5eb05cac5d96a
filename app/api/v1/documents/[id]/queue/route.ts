import { endpointRoute } from '@/lib/api/route';
import { queuePlaceEndpoint } from '@/lib/api/endpoints/assignment';

export const { GET, POST, PUT, PATCH, DELETE, HEAD, OPTIONS } = endpointRoute(queuePlaceEndpoint);
