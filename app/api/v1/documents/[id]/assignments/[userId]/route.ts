import { routeHandler } from '@/lib/api/endpoint';
import { removeAssignmentEndpoint } from '@/lib/api/endpoints/assignment';

export const DELETE = routeHandler(removeAssignmentEndpoint);
