import { endpointRoute } from '@/lib/api/route';
import { removeAssignmentEndpoint } from '@/lib/api/endpoints/assignment';

export const { GET, POST, PUT, PATCH, DELETE, HEAD, OPTIONS } = endpointRoute(removeAssignmentEndpoint);
