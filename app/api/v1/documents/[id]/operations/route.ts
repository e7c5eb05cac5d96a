import { endpointRoute } from '@/lib/api/route';
import { applyOperationsEndpoint } from '@/lib/api/endpoints/annotations';

export const { GET, POST, PUT, PATCH, DELETE, HEAD, OPTIONS } = endpointRoute(applyOperationsEndpoint);
