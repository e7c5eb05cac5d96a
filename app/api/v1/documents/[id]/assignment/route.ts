import { routeHandler } from '@/lib/api/endpoint';
import { readOwnAssignment, removeAssignmentEndpoint, updateOwnAssignment } from '@/lib/api/endpoints/assignment';

export const GET = routeHandler(readOwnAssignment);
export const PATCH = routeHandler(updateOwnAssignment);
export const DELETE = routeHandler(removeAssignmentEndpoint);
