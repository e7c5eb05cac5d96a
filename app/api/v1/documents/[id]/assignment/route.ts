import { routeHandler } from '@/lib/api/endpoint';
import { readOwnAssignment, updateOwnAssignment } from '@/lib/api/endpoints/assignment';

export const GET = routeHandler(readOwnAssignment);
export const PATCH = routeHandler(updateOwnAssignment);
